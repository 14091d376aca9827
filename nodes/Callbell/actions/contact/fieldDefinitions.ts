import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { ListPage, ListRequest, PageToken } from '../../transport/listPage';
import { CONTACT_PAGES, requestListPage } from '../../transport/listPage';
import type { CallbellConnection } from '../../transport/request';
import type { CustomFieldDefinition, CustomFieldType } from './helpers/customFields';
import { CUSTOM_FIELD_TYPES } from './helpers/customFields';

/*
 * The account's custom field definitions, in one place: Callbell has no endpoint listing the
 * fields, so they are gathered from contacts (loadFieldDefinitions) and, for fields the account
 * did not show, from the schema the resource mapper saved with the workflow.
 */

/**
 * Custom field definitions from contacts read with `include_field_types=true`: each contact's
 * `customFieldsMetadata` is `{ "<name>": { value, type, options? } }`. Callbell has no endpoint
 * listing the fields, so the definitions are gathered from contacts.
 */
export function collectFieldDefinitions(
	contacts: Array<Record<string, unknown>>,
	into: Record<string, CustomFieldDefinition> = {},
): Record<string, CustomFieldDefinition> {
	for (const contact of contacts) {
		const metadata = contact.customFieldsMetadata;
		if (typeof metadata !== 'object' || metadata === null) continue;
		for (const [name, entry] of Object.entries(metadata as Record<string, unknown>)) {
			const { type, options } = (entry ?? {}) as { type?: unknown; options?: unknown };
			if (into[name] || !(CUSTOM_FIELD_TYPES as readonly unknown[]).includes(type)) continue;
			const definition: CustomFieldDefinition = { type: type as CustomFieldType };
			if (Array.isArray(options)) definition.options = options.filter((option): option is string => typeof option === 'string');
			into[name] = definition;
		}
	}
	return into;
}

const FROM_MAPPER_TYPE: Record<string, CustomFieldType> = {
	string: 'text',
	number: 'number',
	dateTime: 'date',
	options: 'dropdown',
	array: 'checkbox',
};

interface MapperSchemaField {
	id?: unknown;
	type?: unknown;
	options?: Array<{ value?: unknown }>;
}

/**
 * Definitions from a saved resource-mapper schema, for fields the account did not show:
 * the mapper's field types map back to Callbell's (string → text; email is not told apart).
 */
export function definitionsFromMapperSchema(schema: unknown): Record<string, CustomFieldDefinition> {
	const definitions: Record<string, CustomFieldDefinition> = {};
	if (!Array.isArray(schema)) return definitions;
	for (const field of schema as MapperSchemaField[]) {
		const type = typeof field.type === 'string' ? FROM_MAPPER_TYPE[field.type] : undefined;
		if (typeof field.id !== 'string' || !type) continue;
		const options = (field.options ?? []).map((option) => option.value).filter((value): value is string => typeof value === 'string');
		definitions[field.id] = options.length > 0 ? { type, options } : { type };
	}
	return definitions;
}

/** Pages of contacts read to find the account's custom fields (20 contacts a page). */
const PAGES_TO_READ = 3;

const CONTACTS_WITH_FIELD_TYPES: ListRequest = { path: '/contacts', key: 'contacts', qs: { include_field_types: true }, paging: CONTACT_PAGES };

/**
 * The account's custom field definitions, gathered from `GET /contacts?include_field_types=true`
 * over the first pages (Callbell has no field list). Stops early once `wanted` names are all known.
 */
export async function loadFieldDefinitions(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	api: CallbellConnection,
	wanted: string[] = [],
	itemIndex?: number,
): Promise<Record<string, CustomFieldDefinition>> {
	const definitions: Record<string, CustomFieldDefinition> = {};
	let token: PageToken | undefined = { page: 1 };
	for (let read = 0; token && read < PAGES_TO_READ; read++) {
		const page: ListPage = await requestListPage.call(this, api, { ...CONTACTS_WITH_FIELD_TYPES, itemIndex }, token);
		collectFieldDefinitions(page.elements, definitions);
		if (wanted.length > 0 && wanted.every((name) => definitions[name])) break;
		token = page.next;
	}
	return definitions;
}
