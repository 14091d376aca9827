import { InputError } from '../../../helpers/InputError';
import { describeValue, toPhoneDigits } from '../../../helpers/values';

const PLATFORM_ID = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/;

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
