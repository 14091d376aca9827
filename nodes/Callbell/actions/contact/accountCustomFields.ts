import type { IExecuteFunctions, INodeProperties, ResourceMapperValue } from 'n8n-workflow';

import type { CustomFieldDefinition } from './helpers/customFields';
import { definitionsFromMapperSchema, loadFieldDefinitions } from './fieldDefinitions';
import { isEmptyValue } from '../../helpers/values';
import type { ExecutionContext } from '../types';

/** Custom fields picked from the account (a resource mapper), shared by Create and Update. */
export const accountCustomFields: INodeProperties = {
	displayName: 'Custom Fields (From Account)',
	name: 'accountCustomFields',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	description:
		'Custom fields found in your Callbell account, with their types and dropdown options. Values are checked before anything is sent. A field set here wins over the same field under Custom Fields.',
	typeOptions: {
		resourceMapper: {
			resourceMapperMethod: 'getCustomFields',
			mode: 'add',
			// The editor shows this heading, not the displayName ("Values to Send" without it).
			valuesLabel: 'Custom Fields (From Account)',
			fieldWords: { singular: 'custom field', plural: 'custom fields' },
			addAllFields: false,
			multiKeyMatch: false,
			supportAutoMap: false,
		},
	},
};

/**
 * This item's mapped values and the definitions to check them against: the account's current
 * fields (read once per execution), falling back to the schema saved with the workflow.
 */
export async function readAccountCustomFields(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
): Promise<{ mapped: Record<string, unknown>; definitions: Record<string, CustomFieldDefinition> }> {
	const parameter = this.getNodeParameter('accountCustomFields', itemIndex, null) as ResourceMapperValue | null;
	const mapped = Object.fromEntries(
		Object.entries(parameter?.value ?? {}).filter(([, value]) => !isEmptyValue(value)),
	);
	if (Object.keys(mapped).length === 0) return { mapped, definitions: {} };
	context.fieldDefinitions ??= loadFieldDefinitions.call(this, context.api, Object.keys(mapped), itemIndex);
	const fromAccount = await context.fieldDefinitions;
	return { mapped, definitions: { ...definitionsFromMapperSchema(parameter?.schema), ...fromAccount } };
}
