import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../actions/contact/helpers/customFields';
import { loadFieldDefinitions } from '../actions/contact/fieldDefinitions';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

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
