import { InputError } from './InputError';
import { characterCount, describeValue, isEmptyValue, toText } from './values';

/** A generous bound for team and status names; Callbell documents none. */
export const NAME_MAX_CHARACTERS = 255;

/** A required display name (team, custom status): trimmed, non-empty, one line. */
export function toName(field: string, value: unknown): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	const text = toText(field, value);
	if (/\p{Cc}/u.test(text)) throw new InputError(field, `${describeValue(text)} contains a line break or control character`);
	const length = characterCount(text);
	if (length > NAME_MAX_CHARACTERS) throw new InputError(field, `is ${length} characters long; at most ${NAME_MAX_CHARACTERS} are accepted`);
	return text;
}

/** An optional emoji (or short text) shown next to a custom status. */
export function toEmoji(value: unknown): string | undefined {
	if (isEmptyValue(value)) return undefined;
	const text = toText('Emoji', value);
	if (/\p{Cc}/u.test(text) || characterCount(text) > 16) {
		throw new InputError('Emoji', `${describeValue(text)} is not an emoji`, 'Use one emoji, e.g. 🥪');
	}
	return text;
}

/** A title for a template or a channel: required text, at most `limit` characters. */
export function toTitle(field: string, value: unknown, limit = 255): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = String(value).trim();
	if (characterCount(text) > limit) throw new InputError(field, `has ${characterCount(text)} characters, more than ${limit}`);
	return text;
}
