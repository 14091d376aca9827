import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue, parseJsonText, toEmail, toStringList, toText } from '../../../helpers/values';

/** Custom field types as Callbell names them, with the values each takes (the Type list of a custom field). */
export const CUSTOM_FIELD_TYPE_OPTIONS = [
	{ name: 'Checkbox', value: 'checkbox', description: 'A list of options, or options separated by commas' },
	{ name: 'Date', value: 'date', description: 'YYYY-MM-DD; ISO date-times and n8n dates are converted' },
	{ name: 'Dropdown', value: 'dropdown', description: 'One of the configured options' },
	{ name: 'Email', value: 'email', description: 'A valid email address' },
	{ name: 'Number', value: 'number', description: 'Sent as text, as Callbell expects (42 → "42")' },
	{ name: 'Text', value: 'text' },
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPE_OPTIONS)[number]['value'];
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = CUSTOM_FIELD_TYPE_OPTIONS.map((option) => option.value);

export type CustomFieldValue = string | string[];

export interface CustomFieldDefinition {
	type: CustomFieldType;
	/** Configured options of a dropdown or checkbox field, when known. */
	options?: string[];
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const CANONICAL_NUMBER = /^-?\d+(?:\.\d+)?$/;

const EXPONENT_FORM = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/** A finite number in plain decimal notation: JavaScript writes 1e21 and 1e-7 with an exponent, Callbell wants digits. */
export function toDecimalText(value: number): string {
	const text = String(value);
	const match = EXPONENT_FORM.exec(text);
	if (!match) return text;
	const [, sign, whole, fraction = '', exponent] = match;
	const digits = whole + fraction;
	const point = whole.length + Number(exponent);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function toNumberString(field: string, value: unknown): string {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(field, `must be a finite number, got ${String(value)}`);
		return toDecimalText(value);
	}
	if (typeof value !== 'string') throw new InputError(field, `must be a number, got ${describeValue(value)}`);
	const text = value.trim();
	if (!PLAIN_NUMBER.test(text) || !Number.isFinite(Number(text))) {
		throw new InputError(field, `must be a number, got ${describeValue(value)}`);
	}
	return CANONICAL_NUMBER.test(text) ? text : toDecimalText(Number(text));
}

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= daysInMonth;
}

interface LuxonLike {
	isLuxonDateTime: true;
	isValid: boolean;
	toISODate(): string | null;
}

function isLuxonDateTime(value: unknown): value is LuxonLike {
	return typeof value === 'object' && value !== null && (value as LuxonLike).isLuxonDateTime === true;
}

/**
 * A date as Callbell wants it: `YYYY-MM-DD`. Accepts that form, ISO date-times (the date is
 * taken as written, without shifting time zones), Luxon DateTimes (n8n's `$now`, `DateTime`)
 * and JavaScript Dates (UTC day). Impossible dates such as 2026-02-30 are refused.
 */
export function toDateString(field: string, value: unknown): string {
	if (isLuxonDateTime(value)) {
		const iso = value.isValid ? value.toISODate() : null;
		if (!iso) throw new InputError(field, 'must be a valid date, got an invalid DateTime');
		return iso;
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new InputError(field, 'must be a valid date, got an invalid Date');
		return value.toISOString().slice(0, 10);
	}
	const hint = 'Use the format YYYY-MM-DD, e.g. 2026-03-03, or an ISO date-time';
	if (typeof value !== 'string') throw new InputError(field, `must be a date, got ${describeValue(value)}`, hint);
	const text = value.trim();
	const match = ISO_DATE_PREFIX.exec(text);
	if (!match) throw new InputError(field, `must be a date in the format YYYY-MM-DD, got ${describeValue(value)}`, hint);
	const [, year, month, day] = match;
	if (!isRealDate(Number(year), Number(month), Number(day))) {
		throw new InputError(field, `is not a real calendar date: ${describeValue(value)}`, hint);
	}
	if (text.length > 10 && Number.isNaN(Date.parse(text.replace(' ', 'T')))) {
		throw new InputError(field, `must be a date or an ISO date-time, got ${describeValue(value)}`, hint);
	}
	return `${year}-${month}-${day}`;
}

/** Checkbox values: a list, a comma-separated text, or the JSON-encoded list Callbell returns. */
export function toCheckboxList(field: string, value: unknown): string[] {
	if (typeof value === 'string' && value.trim().startsWith('[')) {
		const parsed = parseJsonText(value);
		if (!parsed) throw new InputError(field, `must be a list of options, got malformed JSON ${describeValue(value)}`);
		return toStringList(field, parsed.value);
	}
	return toStringList(field, value);
}

function checkOptions(field: string, values: string[], options: string[] | undefined): void {
	if (!options || options.length === 0) return;
	for (const entry of values) {
		if (!options.includes(entry)) {
			throw new InputError(field, `has no option ${describeValue(entry)}`, `Allowed options: ${options.join(', ')}`);
		}
	}
}

/** Validate and coerce one custom field value to the format Callbell documents for its type. */
export function coerceCustomFieldValue(
	name: string,
	definition: CustomFieldDefinition,
	value: unknown,
): CustomFieldValue {
	const field = `Custom Field "${name}"`;
	switch (definition.type) {
		case 'text':
			return toText(field, value);
		case 'email':
			return toEmail(field, value);
		case 'number':
			return toNumberString(field, value);
		case 'date':
			return toDateString(field, value);
		case 'dropdown': {
			const text = toText(field, value);
			checkOptions(field, [text], definition.options);
			return text;
		}
		case 'checkbox': {
			const list = toCheckboxList(field, value);
			checkOptions(field, list, definition.options);
			return list;
		}
		default:
			throw new InputError(field, `has an unknown type ${describeValue(definition.type)}`);
	}
}

/** A value whose type is not known: sent as given when it is a string or a list of strings. */
export function passUntypedValue(name: string, value: unknown): CustomFieldValue {
	const field = `Custom Field "${name}"`;
	if (Array.isArray(value)) return toStringList(field, value);
	if (typeof value === 'object' && value !== null && !isLuxonDateTime(value) && !(value instanceof Date)) {
		throw new InputError(field, `must be text, a number, a date or a list of texts, got ${describeValue(value)}`);
	}
	if (isLuxonDateTime(value) || value instanceof Date) return toDateString(field, value);
	return toText(field, value);
}

export interface CustomFieldEntry {
	name?: unknown;
	type?: unknown;
	value?: unknown;
}

function isCustomFieldType(value: unknown): value is CustomFieldType {
	return typeof value === 'string' && (CUSTOM_FIELD_TYPES as readonly string[]).includes(value);
}

/** Parse the "Custom Fields (JSON)" value: an object, or text holding a JSON object. */
export function parseCustomFieldsObject(value: unknown): Record<string, unknown> {
	const field = 'Custom Fields (JSON)';
	let parsed = value;
	if (typeof value === 'string') {
		const result = parseJsonText(value);
		if (!result) {
			throw new InputError(field, 'is not valid JSON', 'Enter an object such as {"Plan": "Pro", "Order Count": "3"}');
		}
		parsed = result.value;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new InputError(field, `must be an object of field names to values, got ${describeValue(parsed)}`);
	}
	return parsed as Record<string, unknown>;
}

/**
 * Build `custom_fields` from the JSON object (if any), the typed entries and the values mapped
 * from the account's fields; later sources win: JSON < typed entry < mapped value. Empty values,
 * lists with only blank entries included, are skipped (left unchanged). `definitions` are the
 * account's known fields (when known).
 */
export function buildCustomFields(
	json: Record<string, unknown> | undefined,
	entries: CustomFieldEntry[],
	definitions: Record<string, CustomFieldDefinition> = {},
	mapped: Record<string, unknown> = {},
): Record<string, CustomFieldValue> {
	const result: Record<string, CustomFieldValue> = {};
	// A list that is empty once blank entries are dropped (e.g. [" "]) is empty: not sent, not a clearing.
	const put = (name: string, value: CustomFieldValue) => {
		if (!Array.isArray(value) || value.length > 0) result[name] = value;
	};
	for (const [rawName, value] of Object.entries(json ?? {})) {
		const name = rawName.trim();
		if (name === '') throw new InputError('Custom Fields (JSON)', 'has a field with an empty name');
		if (isEmptyValue(value)) continue;
		const definition = definitions[name];
		put(name, definition ? coerceCustomFieldValue(name, definition, value) : passUntypedValue(name, value));
	}
	for (const entry of entries) {
		const name = typeof entry.name === 'string' ? entry.name.trim() : '';
		if (name === '') throw new InputError('Custom Fields', 'has an entry without a field name');
		if (!isCustomFieldType(entry.type)) {
			throw new InputError(`Custom Field "${name}"`, `has an unknown type ${describeValue(entry.type)}`);
		}
		if (isEmptyValue(entry.value)) continue;
		const known = definitions[name];
		const definition: CustomFieldDefinition = { type: entry.type, options: known?.options };
		put(name, coerceCustomFieldValue(name, definition, entry.value));
	}
	for (const [name, value] of Object.entries(mapped)) {
		if (isEmptyValue(value)) continue;
		const definition = definitions[name];
		if (!definition) {
			throw new InputError(`Custom Field "${name}"`, 'is not a custom field of this Callbell account', 'Reload the fields of Custom Fields (From Account)');
		}
		put(name, coerceCustomFieldValue(name, definition, value));
	}
	return result;
}
