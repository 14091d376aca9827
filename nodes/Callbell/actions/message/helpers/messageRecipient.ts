import { InputError } from '../../../helpers/InputError';
import { describeValue } from '../../../helpers/values';

const PHONE_EXAMPLE = 'Write it in international format with the country code, e.g. +44 7700 900001 or 0044 7700 900001';

/**
 * A phone number for `to`, in international format: spaces, dashes, dots and parentheses are
 * removed and a leading `00` becomes `+` ("0044 7700-900.001" gives "+447700900001"). A number
 * without a country code or with letters is refused.
 */
export function toInternationalPhone(field: string, value: unknown): string {
	if (value === undefined || value === null) throw new InputError(field, 'is required', PHONE_EXAMPLE);
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = String(value).trim();
	if (text === '') throw new InputError(field, 'is required', PHONE_EXAMPLE);
	let compact = text.replace(/[\s().-]/g, '');
	if (/[^\d+]/.test(compact)) {
		throw new InputError(field, `${describeValue(text)} is not a phone number: only digits, spaces, dashes, dots and parentheses are allowed`, PHONE_EXAMPLE);
	}
	if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
	if (!compact.startsWith('+')) {
		throw new InputError(field, `${describeValue(text)} has no country code`, PHONE_EXAMPLE);
	}
	const digits = compact.slice(1);
	if (!/^[1-9]\d{6,14}$/.test(digits)) {
		throw new InputError(
			field,
			`${describeValue(text)} is not a phone number: after the + come 7 to 15 digits, the first not 0`,
			PHONE_EXAMPLE,
		);
	}
	return compact;
}
