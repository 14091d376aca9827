import { InputError } from './InputError';

/** Whether a resolved parameter value counts as "not set" (empty = leave unchanged). */
export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
	return `${typeof value} ${String(value)}`;
}

/** A scalar as text: strings are trimmed, finite numbers and booleans are stringified. */
export function toText(field: string, value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	throw new InputError(field, `must be text, got ${describeValue(value)}`);
}

/**
 * A list of strings from a list or a comma-separated string: trimmed, empties dropped,
 * duplicates (case-insensitive) removed keeping the first spelling.
 */
export function toStringList(field: string, value: unknown): string[] {
	let parts: unknown[];
	if (typeof value === 'string') parts = value.split(',');
	else if (Array.isArray(value)) parts = value;
	else throw new InputError(field, `must be a list or a comma-separated text, got ${describeValue(value)}`);

	const seen = new Set<string>();
	const result: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') {
			throw new InputError(field, `every entry must be text, got ${describeValue(part)}`);
		}
		const text = part.trim();
		const key = text.toLowerCase();
		if (text === '' || seen.has(key)) continue;
		seen.add(key);
		result.push(text);
	}
	return result;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;

export function isEmail(value: string): boolean {
	if (value.length > 254 || !EMAIL.test(value)) return false;
	const local = value.slice(0, value.lastIndexOf('@'));
	return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

export function toEmail(field: string, value: unknown): string {
	const text = toText(field, value);
	if (!isEmail(text)) throw new InputError(field, `must be an email address, got ${describeValue(text)}`);
	return text;
}

const CALLBELL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A Callbell identifier (contact, team, channel… uuids are 32 hex characters, some are
 * hyphenated). Anything that could change the request path is refused.
 */
export function toCallbellId(field: string, value: unknown): string {
	if (value === undefined || value === null) throw new InputError(field, 'is required');
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = value.trim();
	if (text === '') throw new InputError(field, 'is required');
	if (!CALLBELL_ID.test(text)) {
		throw new InputError(
			field,
			`${describeValue(text)} is not a valid Callbell ID`,
			'Callbell IDs are made of letters, digits and dashes, e.g. 414a6d692bd645ed803f2e7ce360d4c8',
		);
	}
	return text;
}

/** Number of characters as people (and Callbell) count them, not UTF-16 units. */
export function characterCount(text: string): number {
	return Array.from(text).length;
}

/** JSON.parse without throwing: `undefined` when the text is not valid JSON. */
export function parseJsonText(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

/** A phone number as Callbell's lookup path takes it: digits only ("+44 7700-900001" → "447700900001"). */
export function toPhoneDigits(field: string, value: unknown): string {
	if (value === undefined || value === null) throw new InputError(field, 'is required');
	if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	const text = String(value).trim();
	if (text === '') throw new InputError(field, 'is required');
	if (!/^\+?[\d\s().-]+$/.test(text)) {
		throw new InputError(field, `${describeValue(text)} is not a phone number`, 'Use digits, e.g. +44 7700 900001');
	}
	const digits = text.replace(/\D/g, '');
	if (digits.length < 5 || digits.length > 20) {
		throw new InputError(field, `${describeValue(text)} is not a phone number`, 'A phone number has 5 to 20 digits');
	}
	return digits;
}

/**
 * A toggle that an expression may set: true or false, as a boolean or as the text "true" or
 * "false" (any case); empty means off. Anything else is refused rather than read as off.
 */
export function toToggle(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (isEmptyValue(value)) return false;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InputError(field, `must be true or false, got ${describeValue(value)}`);
}

/** A Limit as typed or from an expression: a whole number of at least 1. */
export function toLimit(value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw new InputError('Limit', `must be a whole number of at least 1, got ${describeValue(value)}`);
	}
	return number;
}
