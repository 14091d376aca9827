import { InputError } from './InputError';
import { describeValue, isEmptyValue, toCallbellId } from './values';

/** Values about a contact that the Contact and Message resources both read. */

export const BOT_STATUSES = ['bot_start', 'bot_end'] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];

/** Bot Status: Callbell's `bot_start` or `bot_end`. */
export function toBotStatus(value: unknown): BotStatus {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text === 'string' && (BOT_STATUSES as readonly string[]).includes(text)) return text as BotStatus;
	throw new InputError('Bot Status', `must be bot_start or bot_end, got ${describeValue(value)}`);
}

/** Callbell documents `contact` both as an object and as a one-element array. */
export function unwrapContact(response: unknown): Record<string, unknown> | undefined {
	if (typeof response !== 'object' || response === null) return undefined;
	const contact = (response as { contact?: unknown }).contact;
	const candidate = Array.isArray(contact) ? contact[0] : contact;
	if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return undefined;
	return candidate as Record<string, unknown>;
}

/** A contact's uuid, checked so it cannot leave its path segment. */
export function toContactId(value: unknown): string {
	return toCallbellId('Contact', value);
}

const BSUID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * WhatsApp's Business Suite User ID, e.g. US.13491208655302741918, as text: it starts with a
 * letter or digit, so it can never be a path segment such as `..`.
 */
export function toBsuid(field: string, value: unknown): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = value.trim();
	if (!BSUID.test(text)) {
		throw new InputError(field, `${describeValue(text)} is not a BSUID`, 'A BSUID is letters, digits, dots, dashes and underscores, e.g. US.13491208655302741918');
	}
	return text;
}
