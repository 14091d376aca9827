import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { UpdateFieldsInput } from '../../helpers/contactUpdate';
import { buildContactUpdateBody, contactPath, unwrapContact } from '../../helpers/contactUpdate';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactFields } from './contactFields';
import { contactLocator, phoneLookupChannel, resolveContactId } from './locator';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change. A field whose value (or expression result) is empty is not sent, so the contact keeps its current value.',
		options: contactFields,
	},
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
	const body = buildContactUpdateBody(fields);
	const uuid = await resolveContactId.call(this, itemIndex, context);

	const response = await callbellApiRequest.call(this, context.baseUrl, {
		method: 'PATCH',
		path: contactPath(uuid),
		body: body as IDataObject,
		itemIndex,
	});
	const contact = unwrapContact(response);
	if (!contact) {
		throw new NodeOperationError(this.getNode(), 'Callbell answered without the updated contact', {
			itemIndex,
			description: 'The update may have been applied. The answer had no "contact" object.',
		});
	}
	return contact as IDataObject;
}
