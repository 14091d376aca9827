import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UpdateFieldsInput } from './helpers/contactUpdate';
import { buildContactUpdateBody } from './helpers/contactUpdate';
import { toTagMode } from './helpers/tags';
import type { ExecutionContext } from '../types';
import { accountCustomFields, readAccountCustomFields } from './accountCustomFields';
import { contactFields } from './contactFields';
import { patchContact, tagModeField } from './patchContact';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	tagModeField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change. A field whose value (or expression result) is empty is not sent, so the contact keeps its current value.',
		options: contactFields,
	},
	accountCustomFields,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFieldsInput;
	const { mapped, definitions } = await readAccountCustomFields.call(this, itemIndex, context);
	const body = buildContactUpdateBody(fields, definitions, mapped);
	const tagMode = toTagMode(this.getNodeParameter('tagMode', itemIndex, 'replace'));
	const uuid = await resolveContactId.call(this, itemIndex, context);

	return await patchContact.call(this, itemIndex, context, uuid, body, tagMode);
}
