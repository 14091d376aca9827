import type { FieldType, ILoadOptionsFunctions, INodeParameterResourceLocator, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../actions/contact/helpers/customFields';
import { loadFieldDefinitions } from '../actions/contact/fieldDefinitions';
import type { OlderTemplateInput } from '../actions/message/helpers/templateVariables';
import { templateVariableFields, unknownTemplateFields } from '../actions/message/helpers/templateVariables';
import type { TemplateRecord } from '../helpers/templates';
import { templateByTitle } from '../helpers/templates';
import { toCallbellId } from '../helpers/values';
import { templatePath } from '../actions/template/locator';
import { requestList } from '../transport/pagination';
import { callbellApiRequest, EDITOR_SETTINGS, getConnection } from '../transport/request';

const MAPPER_TYPES: Record<CustomFieldDefinition['type'], FieldType> = {
	text: 'string',
	email: 'string',
	number: 'number',
	date: 'dateTime',
	dropdown: 'options',
	checkbox: 'array',
};

const TYPE_LABELS: Record<CustomFieldDefinition['type'], string> = {
	text: 'Text',
	email: 'Email',
	number: 'Number',
	date: 'Date',
	dropdown: 'Dropdown',
	checkbox: 'Checkbox',
};

export function toMapperField(name: string, definition: CustomFieldDefinition): ResourceMapperField {
	const options = definition.options ?? [];
	const field: ResourceMapperField = {
		id: name,
		displayName:
			definition.type === 'checkbox' && options.length > 0
				? `${name} (Checkbox: any of ${options.join(', ')})`
				: `${name} (${TYPE_LABELS[definition.type]})`,
		required: false,
		defaultMatch: false,
		display: true,
		type: MAPPER_TYPES[definition.type],
	};
	if (definition.type === 'dropdown') field.options = options.map((option) => ({ name: option, value: option }));
	return field;
}

/** The account's custom fields for the "Custom Fields (From Account)" mapper. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	let definitions: Record<string, CustomFieldDefinition>;
	try {
		definitions = await loadFieldDefinitions.call(this, await getConnection.call(this, EDITOR_SETTINGS));
	} catch (error) {
		return {
			fields: [],
			emptyFieldsNotice: `Callbell's custom fields could not be loaded (${(error as Error).message}). Use Update Fields → Custom Fields to enter them by name.`,
		};
	}
	const fields = Object.entries(definitions)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, definition]) => toMapperField(name, definition));
	if (fields.length === 0) {
		return {
			fields,
			emptyFieldsNotice:
				'No custom fields found on your Callbell contacts. Create them in Callbell → Settings → Custom fields, or enter them by name under Update Fields → Custom Fields.',
		};
	}
	return { fields };
}

/**
 * The picked template as the editor holds it: null when none is picked yet, undefined when unknown
 * (an expression), `{ name }` for Template By Name, else `{ uuid }`.
 */
function pickedTemplate(this: ILoadOptionsFunctions): { uuid: string } | { name: string } | null | undefined {
	let value: unknown;
	let mode: unknown;
	try {
		value = this.getCurrentNodeParameter('template', { extractValue: true });
		mode = (this.getCurrentNodeParameter('template') as INodeParameterResourceLocator | undefined)?.mode;
	} catch {
		return undefined; // an expression the editor cannot resolve
	}
	if (value === undefined || value === null || value === '') return null;
	if (mode === 'name') return typeof value === 'string' && !value.startsWith('=') ? { name: value } : undefined;
	try {
		return { uuid: toCallbellId('Template', value) };
	} catch {
		return undefined; // not an id the editor can ask Callbell about
	}
}

/** The picked template read from Callbell: `GET /templates/:uuid`, or By Name the account's list. */
async function readPickedTemplate(this: ILoadOptionsFunctions, picked: { uuid: string } | { name: string }): Promise<TemplateRecord | undefined> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	if ('name' in picked) {
		const templates = (await requestList.call(this, api, { path: '/templates', key: 'templates' })) as TemplateRecord[];
		return templateByTitle(templates, picked.name);
	}
	const response = (await callbellApiRequest.call(this, api, { method: 'GET', path: templatePath(picked.uuid) })) as { template?: unknown };
	return typeof response?.template === 'object' && response.template !== null ? (response.template as TemplateRecord) : undefined;
}

/** A node from before the per-variable fields: its list of values and Media URL, moved into the fields. */
function olderInput(this: ILoadOptionsFunctions): OlderTemplateInput {
	const list = this.getCurrentNodeParameter('templateValues') as { values?: Array<{ value?: unknown }> } | undefined;
	const values = Array.isArray(list?.values) ? list.values.map((entry) => entry?.value) : undefined;
	return { values, mediaUrl: this.getCurrentNodeParameter('mediaUrl') };
}

/**
 * Send's Template Values: one field per variable of the picked template ("{{1}} — Hi {{1}}, your
 * order…"), and Media URL for media templates. The editor asks again whenever Template changes.
 * A template the editor cannot read gives one field for every value as a list.
 */
export async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const picked = pickedTemplate.call(this);
	if (picked === null) return { fields: [], emptyFieldsNotice: 'Choose a template above: its variables then appear here, one field each.' };
	const older = olderInput.call(this);
	if (picked === undefined) return { fields: unknownTemplateFields(older) };
	let template: TemplateRecord | undefined;
	try {
		template = await readPickedTemplate.call(this, picked);
	} catch {
		template = undefined; // unreadable, or By Name matching no template or several: one field for every value
	}
	if (!template) return { fields: unknownTemplateFields(older) };
	const fields = templateVariableFields(template, older);
	if (fields.length === 0) return { fields, emptyFieldsNotice: 'This template has no variables: there is nothing to fill in.' };
	return { fields };
}
