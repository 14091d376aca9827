import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue, toPhoneDigits, toText } from '../../../helpers/values';

const BSUID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const PLATFORM_ID = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/;

/** WhatsApp's Business Suite User ID, e.g. US.13491208655302741918; nothing that could change the path. */
export function toBsuid(field: string, value: unknown): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	const text = toText(field, value);
	if (!BSUID.test(text)) {
		throw new InputError(field, `${describeValue(text)} is not a BSUID`, 'A BSUID is letters, digits, dots, dashes and underscores, e.g. US.13491208655302741918');
	}
	return text;
}

/**
 * The path segment `GET /contacts/phone/:phone` looks a contact up by: the digits of a phone
 * number for WhatsApp (and any identifier written as a phone number), the platform ID as written for the other sources.
 */
export function toLookupKey(identifier: string, source: string): string {
	if (source === 'whatsapp' || (/^\+?[\d\s().-]+$/.test(identifier) && /\d/.test(identifier))) return toPhoneDigits('Identifier', identifier);
	if (!PLATFORM_ID.test(identifier)) {
		throw new InputError('Identifier', `${describeValue(identifier)} is not a platform ID`, 'Platform IDs are letters, digits, dots, dashes and underscores');
	}
	return identifier;
}
