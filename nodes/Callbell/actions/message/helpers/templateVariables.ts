import type { ResourceMapperField } from 'n8n-workflow';

import type { TemplateRecord } from '../../../helpers/templates';
import { templateMediaType, templateVariableCount, toTemplateValue } from '../../../helpers/templates';
import { isEmptyValue } from '../../../helpers/values';

/**
 * Send's per-variable fields (the Template Values mapper): one field per `{{n}}` of the picked
 * template, with the template's text around it as the label, and Media URL for media templates.
 * When the editor cannot know the template (an expression, no connection), one field takes every
 * value as a list. Ids are what the mapper stores: `{{1}}`, `{{2}}`…, `values`, `mediaUrl`.
 */

export const ALL_VALUES_ID = 'values';
export const MEDIA_URL_ID = 'mediaUrl';
const VARIABLE_ID = /^\{\{(\d+)\}\}$/;

export const variableId = (position: number) => `{{${position}}}`;

const oneLine = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');

/** "{{2}} — …your order {{2}} has shipped…": the variable with the words around it, short enough for the panel. */
export function variableLabel(template: TemplateRecord, position: number, around = 12): string {
	const id = variableId(position);
	const text = oneLine(template.text);
	const at = text.search(new RegExp(`\\{\\{\\s*${position}\\s*\\}\\}`));
	if (at < 0) return `${id} — not in the template’s text`;
	const end = text.indexOf('}}', at) + 2;
	// Whole words only: from the start of the word `around` characters before, to the end of the one after.
	const start = at > around ? text.lastIndexOf(' ', at - around) + 1 : 0;
	const found = text.length - end > around ? text.indexOf(' ', end + around) : -1;
	const stop = found < 0 ? text.length : found;
	return `${id} — ${start > 0 ? '…' : ''}${text.slice(start, at)}${id}${text.slice(end, stop)}${stop < text.length ? '…' : ''}`;
}

/** What a node from before the per-variable fields holds: its list of values and its Media URL. */
export interface OlderTemplateInput {
	values?: unknown[];
	mediaUrl?: unknown;
}

function field(id: string, displayName: string, older?: unknown): ResourceMapperField {
	const mapperField: ResourceMapperField = {
		id,
		displayName,
		// Not required: an empty field is allowed when a list in an earlier field fills it.
		required: false,
		defaultMatch: false,
		display: true,
		type: 'string',
	};
	// The editor fills a field with its default when it shows the fields: an older node's values move in.
	if ((typeof older === 'string' && older.trim() !== '') || typeof older === 'number' || typeof older === 'boolean') mapperField.defaultValue = older;
	return mapperField;
}

/** The mapper's fields for a known template: `{{1}}…{{n}}` in order, then Media URL for media templates. */
export function templateVariableFields(template: TemplateRecord, older: OlderTemplateInput = {}): ResourceMapperField[] {
	const fields: ResourceMapperField[] = [];
	for (let position = 1; position <= templateVariableCount(template); position++) {
		fields.push(field(variableId(position), variableLabel(template, position), older.values?.[position - 1]));
	}
	const type = templateMediaType(template);
	if (type !== 'text') fields.push(field(MEDIA_URL_ID, `Media URL — the ${type} sent with the template (a public URL)`, older.mediaUrl));
	return fields;
}

/** The mapper's fields when the editor cannot know the template (an expression, no connection). */
export function unknownTemplateFields(older: OlderTemplateInput = {}): ResourceMapperField[] {
	return [
		field(ALL_VALUES_ID, 'All Values — {{1}}, {{2}}… in order (a list, e.g. {{ $json.values }})', older.values?.length === 1 ? older.values[0] : undefined),
		field(MEDIA_URL_ID, 'Media URL — for image, video and document templates only', older.mediaUrl),
	];
}

/** Orders the mapped fields: `values` first, then `{{1}}`, `{{2}}`… by number; anything else is ignored. */
function variableEntries(mapped: Record<string, unknown>): Array<[string, number | undefined, unknown]> {
	const entries: Array<[string, number | undefined, unknown]> = [];
	for (const [id, value] of Object.entries(mapped)) {
		const match = VARIABLE_ID.exec(id);
		if (match) entries.push([id, Number(match[1]), value]);
		else if (id === ALL_VALUES_ID) entries.push([id, undefined, value]);
	}
	return entries.sort(([, a], [, b]) => (a ?? 0) - (b ?? 0));
}

/** A mapper's value as n8n stores it: null (or absent) until the editor has shown its fields. */
export type MappedValues = Record<string, unknown> | null | undefined;

const isMapped = (mapped: MappedValues): mapped is Record<string, unknown> => typeof mapped === 'object' && mapped !== null;

/**
 * The values for `{{1}}…{{n}}` from the mapper, or undefined when its fields were never shown
 * (a workflow from before them: then its list of values is read). A field whose expression returns
 * a list gives every element, so one list fills all the variables; a field left empty is skipped
 * when a list before it already filled its place, and otherwise refused.
 */
export function mappedTemplateValues(field: string, mapped: MappedValues): string[] | undefined {
	if (!isMapped(mapped)) return undefined;
	const values: string[] = [];
	for (const [id, position, value] of variableEntries(mapped)) {
		const name = `${field} ${id}`;
		if (Array.isArray(value)) {
			value.forEach((element, index) => values.push(toTemplateValue(`${name} (element ${index + 1})`, element)));
		} else if (isEmptyValue(value)) {
			// Filled by a list before it, or refused as empty.
			if (position !== undefined && position > values.length) values.push(toTemplateValue(name, ''));
		} else {
			values.push(toTemplateValue(name, value));
		}
	}
	return values;
}

/** The mapper's Media URL; the older Media URL field only while the mapper's fields were never shown. */
export function mappedMediaUrl(mapped: MappedValues, older: unknown): unknown {
	return isMapped(mapped) ? mapped[MEDIA_URL_ID] : older;
}
