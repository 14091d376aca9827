import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmail, isEmptyValue, parseJsonText } from '../../../helpers/values';

/**
 * Send and Wait's Custom Form: the fields as the node defines them (Form Elements, or JSON in
 * n8n's Form node format: fieldLabel, fieldType, requiredField, placeholder, fieldOptions.values[].option)
 * and the checks of a submitted form. Pure: no request, no n8n.
 */

export const FORM_FIELD_TYPES = ['checkbox', 'date', 'dropdown', 'email', 'number', 'radio', 'text', 'textarea'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
const WITH_OPTIONS: FormFieldType[] = ['checkbox', 'dropdown', 'radio'];

export interface FormField {
	label: string;
	type: FormFieldType;
	required: boolean;
	placeholder?: string;
	options?: string[];
}

/** The free-text answer's one field. */
export const FREE_TEXT_FIELD: FormField = { label: 'Response', type: 'textarea', required: true };

function toField(where: string, raw: unknown): FormField {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(where, `must be an object, got ${describeValue(raw)}`);
	const entry = raw as Record<string, unknown>;
	const label = typeof entry.fieldLabel === 'string' ? entry.fieldLabel.trim() : '';
	if (!label) throw new InputError(`${where} → Field Label`, 'is required');
	const type = (isEmptyValue(entry.fieldType) ? 'text' : entry.fieldType) as FormFieldType;
	if (!FORM_FIELD_TYPES.includes(type)) {
		throw new InputError(`${where} → Field Type`, `must be one of ${FORM_FIELD_TYPES.join(', ')}, got ${describeValue(entry.fieldType)}`);
	}
	const field: FormField = { label, type, required: entry.requiredField === true };
	if (typeof entry.placeholder === 'string' && entry.placeholder.trim()) field.placeholder = entry.placeholder;
	if (WITH_OPTIONS.includes(type)) {
		const values = (entry.fieldOptions as { values?: unknown } | undefined)?.values;
		const options = Array.isArray(values)
			? values.map((value) => (value as { option?: unknown })?.option).filter((option): option is string => typeof option === 'string' && option.trim() !== '')
			: [];
		if (options.length === 0) throw new InputError(`${where} → Field Options`, `are required for a ${type} field ("${label}")`);
		field.options = options;
	}
	return field;
}

function checkUnique(fields: FormField[], field: string): FormField[] {
	if (fields.length === 0) throw new InputError(field, 'has no field', 'Add at least one form element.');
	const seen = new Set<string>();
	for (const entry of fields) {
		if (seen.has(entry.label)) throw new InputError(field, `has two fields labelled "${entry.label}"`, 'The labels name the answer’s keys: give each field its own.');
		seen.add(entry.label);
	}
	return fields;
}

/** Form Elements (the fixed collection's `values`). */
export function toFormFields(field: string, values: unknown): FormField[] {
	const list = Array.isArray(values) ? values : [];
	return checkUnique(
		list.map((entry, index) => toField(`${field} ${index + 1}`, entry)),
		field,
	);
}

/** Form Fields as JSON: a list of n8n Form node fields, given as text or as a list. */
export function toJsonFormFields(field: string, json: unknown): FormField[] {
	let value = json;
	if (typeof json === 'string') {
		const parsed = parseJsonText(json);
		if (!parsed) throw new InputError(field, 'is not valid JSON', 'Give a list such as [{"fieldLabel": "Amount", "fieldType": "number", "requiredField": true}].');
		value = parsed.value;
	}
	if (!Array.isArray(value)) throw new InputError(field, `must be a list of fields, got ${describeValue(value)}`);
	return checkUnique(
		value.map((entry, index) => toField(`${field} ${index + 1}`, entry)),
		field,
	);
}

/** The name of the field's input in the page: by position, so that no label needs escaping there. */
export const inputName = (index: number) => `field-${index}`;

export type FormAnswer = { ok: true; data: Record<string, unknown> } | { ok: false; errors: Record<number, string> };

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/**
 * A submitted form (urlencoded body, parsed): each field's value by its label, numbers as numbers,
 * checkboxes as lists; or the problems by field position, for the page to show again.
 */
export function readFormAnswer(fields: FormField[], body: Record<string, unknown>): FormAnswer {
	const data: Record<string, unknown> = {};
	const errors: Record<number, string> = {};
	fields.forEach((field, index) => {
		const given = asList(body[inputName(index)]).map((value) => value.trim());
		const filled = given.filter((value) => value !== '');
		if (filled.length === 0) {
			if (field.required) errors[index] = 'This field is required.';
			else data[field.label] = field.type === 'checkbox' ? [] : field.type === 'number' ? null : '';
			return;
		}
		if (field.type === 'checkbox') {
			const unknown = filled.find((value) => !field.options!.includes(value));
			if (unknown !== undefined) errors[index] = 'Choose among the options shown.';
			else data[field.label] = filled;
			return;
		}
		const value = filled[0];
		if (field.type === 'number') {
			const number = Number(value);
			if (!Number.isFinite(number)) errors[index] = 'Enter a number.';
			else data[field.label] = number;
		} else if (field.type === 'email' && !isEmail(value)) {
			errors[index] = 'Enter an email address, e.g. name@example.com.';
		} else if ((field.type === 'dropdown' || field.type === 'radio') && !field.options!.includes(value)) {
			errors[index] = 'Choose among the options shown.';
		} else if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
			errors[index] = 'Enter a date as YYYY-MM-DD.';
		} else {
			data[field.label] = value;
		}
	});
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}
