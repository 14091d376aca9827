import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toToggle } from '../../helpers/values';
import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { includeFieldTypes } from './contactFields';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { contactFromResponse, resolveContactId } from '../contactLookup';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	optionsCollection([includeFieldTypes]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

/** `GET /contacts/:uuid`; outputs the contact. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { includeFieldTypes?: unknown };
	const includeTypes = toToggle('Include Field Types', options.includeFieldTypes);
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'GET',
		path: contactPath(uuid),
		qs: includeTypes ? { include_field_types: true } : undefined,
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, 'Check the contact.');
}
