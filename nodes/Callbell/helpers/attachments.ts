import { InputError } from './InputError';
import { describeValue, isEmptyValue } from './values';

/**
 * Checks for downloading attachments (Message → Download Media, the Callbell Trigger's Download
 * Attachments): the attachment's URL, the size limit and the binary field's name.
 */

/** The default size limit: WhatsApp's own limit for audio and video is 16 MB, documents reach 100 MB. */
export const DEFAULT_MAX_FILE_SIZE_MB = 25;
export const MAX_FILE_SIZE_LIMIT_MB = 1024;

/** An attachment URL: absolute http(s) with a host, as Callbell's `attachments` hold them. */
export function toAttachmentUrl(field: string, value: unknown): string {
	const hint = 'Use one URL from the attachments of Contact → Get Messages or of the Callbell Trigger, e.g. {{ $json.attachments[0] }}';
	if (isEmptyValue(value)) throw new InputError(field, 'is required', hint);
	if (typeof value !== 'string') throw new InputError(field, `must be one URL (text), got ${describeValue(value)}`, hint);
	const text = value.trim();
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || /\s/.test(text)) throw new InputError(field, `${describeValue(text)} is not an absolute URL`, hint);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new InputError(field, `${describeValue(text)} must start with https:// or http://`, hint);
	}
	if (!url.hostname) throw new InputError(field, `${describeValue(text)} has no host`, hint);
	return text;
}

/** A size limit in MB (decimals allowed), as bytes; empty means the default. */
export function toMaxBytes(field: string, value: unknown): number {
	if (isEmptyValue(value)) return DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw new InputError(field, `must be a number of MB, got ${describeValue(value)}`);
	if (number <= 0 || number > MAX_FILE_SIZE_LIMIT_MB) throw new InputError(field, `must be more than 0 and at most ${MAX_FILE_SIZE_LIMIT_MB} MB, got ${number}`);
	return Math.floor(number * 1024 * 1024);
}

/** The name of the binary field the file goes to (n8n's "Put Output File in Field"). */
export function toBinaryPropertyName(field: string, value: unknown): string {
	if (isEmptyValue(value)) return 'data';
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const name = value.trim();
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
		throw new InputError(field, `${describeValue(name)} may hold only letters, digits, "_" and "-" (at most 64)`, 'e.g. data or attachment');
	}
	return name;
}
