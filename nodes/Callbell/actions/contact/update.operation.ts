import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { UpdateFieldsInput } from '../../helpers/contactUpdate';
import { buildContactUpdateBody, contactPath } from '../../helpers/contactUpdate';
import { mergeTags, toTagMode } from '../../helpers/tags';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { optionsCollection } from '../requestOptions';
import { accountCustomFields, readAccountCustomFields } from './accountCustomFields';
import { contactFields } from './contactFields';
import { contactLocator, phoneLookupChannel, resolveContactId } from './locator';
import { contactFromResponse } from './results';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	{
		displayName: 'Tag Mode',
		name: 'tagMode',
		type: 'options',
		default: 'replace',
		description: 'What Tags in Update Fields does to the contact’s tags',
		options: [
			{ name: 'Replace', value: 'replace', description: 'The contact gets exactly these tags; tags not listed are removed from it' },
			{
				name: 'Add',
				value: 'add',
				description: 'Read the contact, add these tags to its tags (no request when it already has them)',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Read the contact, remove these tags from its tags (no request when it has none of them)',
			},
		],
	},
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

	if (tagMode !== 'replace' && body.tags) {
		const read = await callbellApiRequest.call(this, context.api, { method: 'GET', path: contactPath(uuid), itemIndex });
		const current = contactFromResponse.call(this, read, itemIndex, 'Nothing was changed.');
		const currentTags = Array.isArray(current.tags) ? (current.tags as string[]) : [];
		const { tags, changed } = mergeTags(currentTags, body.tags, tagMode);
		if (changed) body.tags = tags;
		else delete body.tags;
		if (Object.keys(body).length === 0) return current;
	}

	const response = await callbellApiRequest.call(this, context.api, {
		method: 'PATCH',
		path: contactPath(uuid),
		body: body as IDataObject,
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, 'The update may have been applied.');
}
