import { InputError } from '../../../helpers/InputError';
import { characterCount, describeValue, isEmptyValue } from '../../../helpers/values';

/** WhatsApp's limit for the text of one message. */
export const MESSAGE_TEXT_LIMIT = 4096;
/** WhatsApp's limit for a media caption. */
export const CAPTION_LIMIT = 1024;

export type MediaType = 'image' | 'document' | 'audio' | 'video';
export const MEDIA_TYPES: MediaType[] = ['image', 'document', 'audio', 'video'];

/** A message text: required, at most `limit` characters (as people count them). */
export function toMessageText(field: string, value: unknown, limit = MESSAGE_TEXT_LIMIT): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required', 'Enter the text of the message');
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = String(value);
	const length = characterCount(text);
	if (length > limit) {
		throw new InputError(field, `has ${length} characters, more than WhatsApp's ${limit}`, 'Shorten the text or split it into several messages');
	}
	return text;
}

/**
 * A public media URL: absolute `http(s)`, with a host. Callbell (and WhatsApp) download the file
 * from it, so a relative path, a `file:` or a `data:` URL can never work.
 */
export function toMediaUrl(field: string, value: unknown): string {
	const hint = 'Use a public absolute URL that Callbell can download, e.g. https://example.com/files/invoice.pdf';
	if (isEmptyValue(value)) throw new InputError(field, 'is required', hint);
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = value.trim();
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) throw new InputError(field, `${describeValue(text)} is not an absolute URL`, hint);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new InputError(field, `${describeValue(text)} must start with https:// or http://`, hint);
	}
	if (!url.hostname || /\s/.test(text)) throw new InputError(field, `${describeValue(text)} is not a valid URL`, hint);
	return text;
}

/** An optional caption: empty means none. */
export function toCaption(field: string, value: unknown): string | undefined {
	if (isEmptyValue(value)) return undefined;
	return toMessageText(field, value, CAPTION_LIMIT);
}

export function toMediaType(field: string, value: unknown): MediaType {
	if (typeof value === 'string' && (MEDIA_TYPES as string[]).includes(value)) return value as MediaType;
	throw new InputError(field, `must be one of ${MEDIA_TYPES.join(', ')}, got ${describeValue(value)}`);
}
