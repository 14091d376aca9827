import { InputError } from './InputError';
import { describeValue } from './values';

/** The parts of a Callbell template the node reads. */
export interface TemplateRecord {
	uuid?: unknown;
	title?: unknown;
	text?: unknown;
	templateType?: unknown;
	status?: unknown;
	category?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** How many values a template takes: its highest `{{n}}` placeholder (`{{1}}…{{n}}`). */
export function templateVariableCount(template: TemplateRecord): number {
	let highest = 0;
	for (const match of text(template.text).matchAll(/\{\{\s*(\d+)\s*\}\}/g)) highest = Math.max(highest, Number(match[1]));
	return highest;
}

/** The template's media type (`text` when Callbell does not say). */
export function templateMediaType(template: TemplateRecord): string {
	return text(template.templateType).toLowerCase() || 'text';
}

export function isApproved(template: TemplateRecord): boolean {
	return text(template.status).toLowerCase() === 'approved';
}

/** "Order shipped · image · 2 variables", for pickers. */
export function templateLabel(template: TemplateRecord): string {
	const count = templateVariableCount(template);
	const title = text(template.title).trim() || text(template.uuid);
	return `${title} · ${templateMediaType(template)} · ${count} ${count === 1 ? 'variable' : 'variables'}`;
}

/** The start of the template's text, on one line, for a picker's description. */
export function templatePreview(template: TemplateRecord, length = 80): string {
	const oneLine = text(template.text).replace(/\s+/g, ' ').trim();
	return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine;
}

/** One variable's value: numbers and booleans become text; empty text is refused (WhatsApp refuses it). */
export function toTemplateValue(field: string, value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value === 'boolean') value = String(value);
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	if (value.trim() === '') throw new InputError(field, 'is empty', 'WhatsApp refuses a template variable without a value');
	return value;
}

export interface TemplateValueEntry {
	value?: unknown;
}

/**
 * The values for `{{1}}…{{n}}`, in order. An entry whose expression returns a list contributes
 * each element (an empty list none), so `{{ $json.values }}` in one entry fills every variable.
 * Numbers and booleans become text; an empty value is refused (WhatsApp refuses empty variables).
 */
export function toTemplateValues(field: string, entries: TemplateValueEntry[] | undefined): string[] {
	const values: string[] = [];
	const add = (value: unknown, position: number) => values.push(toTemplateValue(`${field} ${position}`, value));
	for (const entry of entries ?? []) {
		const value = entry.value;
		if (Array.isArray(value)) {
			for (const element of value) add(element, values.length + 1);
		} else {
			add(value, values.length + 1);
		}
	}
	return values;
}

export interface TemplateSendFields {
	type: string;
	content: { text?: string; url?: string };
	template_uuid: string;
	optin_contact: true;
	template_values?: string[];
}

/**
 * The body fields of a template send, as Callbell's docs describe them: `type` is the
 * template's media type; one variable goes in `content.text`, several in `template_values`
 * (with the first also in `content.text`, which Callbell then ignores); a media template
 * carries its file in `content.url`. The template must be approved and the value count must
 * match its variables; the opt-in is checked before (see messageSend).
 */
export function buildTemplateSend(
	template: TemplateRecord,
	values: string[],
	mediaUrl: string | undefined,
): TemplateSendFields {
	const title = text(template.title).trim() || text(template.uuid);
	if (!isApproved(template)) {
		throw new InputError(
			'Template',
			`"${title}" is ${text(template.status) || 'not approved'}, not approved`,
			'WhatsApp sends only templates it approved. Choose an approved template, or wait for its approval.',
		);
	}
	const expected = templateVariableCount(template);
	if (values.length !== expected) {
		throw new InputError(
			'Template Values',
			`has ${values.length} ${values.length === 1 ? 'value' : 'values'}, but the template "${title}" has ${expected} ${expected === 1 ? 'variable' : 'variables'}`,
			expected === 0 ? 'Remove every Template Value.' : `Give exactly ${expected}: one for each of {{1}} to {{${expected}}}, in order.`,
		);
	}
	const type = templateMediaType(template);
	const fields: TemplateSendFields = { type, content: {}, template_uuid: text(template.uuid), optin_contact: true };
	if (type !== 'text') {
		if (mediaUrl === undefined) {
			throw new InputError('Media URL', `is required: the template "${title}" is a ${type} template`, 'Give the public URL of the file to send with it, e.g. https://example.com/files/ticket.pdf');
		}
		fields.content.url = mediaUrl;
	}
	if (expected === 1) fields.content.text = values[0];
	else if (expected > 1) {
		fields.content.text = values[0];
		fields.template_values = values;
	} else if (type === 'text') {
		fields.content.text = text(template.text);
	}
	return fields;
}

const titleKey = (value: unknown) => text(value).replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Template By Name: the template whose title is `name` (spaces trimmed, any case). When several
 * share the title, the approved one if exactly one is. No match, or several, throws naming the field.
 */
export function templateByTitle(templates: TemplateRecord[], name: unknown): TemplateRecord {
	if (typeof name !== 'string' && name !== undefined && name !== null) throw new InputError('Template', `must be a template’s name, got ${describeValue(name)}`);
	const wanted = titleKey(name);
	if (wanted === '') throw new InputError('Template', 'is empty', 'Type the template’s name as Callbell shows it, e.g. Order shipped');
	const found = templates.filter((template) => titleKey(template.title) === wanted);
	const approved = found.filter(isApproved);
	if (found.length === 1) return found[0];
	if (approved.length === 1) return approved[0];
	if (found.length === 0) {
		const names = templates.filter(isApproved).map((template) => text(template.title).trim()).filter(Boolean).sort();
		const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
		throw new InputError(
			'Template',
			`"${text(name).trim()}" is not the name of any of the account’s templates`,
			names.length > 0 ? `Approved templates: ${shown}.` : 'The account has no approved template.',
		);
	}
	const ids = (approved.length > 1 ? approved : found).map((template) => text(template.uuid)).join(', ');
	throw new InputError(
		'Template',
		`"${text(name).trim()}" names ${approved.length > 1 ? approved.length : found.length} templates (${ids})`,
		'Choose the template By ID or From List, or rename one of them in Callbell.',
	);
}
