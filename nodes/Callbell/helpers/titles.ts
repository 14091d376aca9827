import { InputError } from './InputError';
import { characterCount, describeValue, isEmptyValue } from './values';

/** A title for a template or a channel: required text, at most `limit` characters. */
export function toTitle(field: string, value: unknown, limit = 255): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = String(value).trim();
	if (characterCount(text) > limit) throw new InputError(field, `has ${characterCount(text)} characters, more than ${limit}`);
	return text;
}
