import type { CustomFieldDefinition, CustomFieldType } from './customFields';
import { CUSTOM_FIELD_TYPES } from './customFields';

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
