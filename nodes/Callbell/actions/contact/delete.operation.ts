import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting a contact is irreversible: Callbell removes it with its conversation and cannot restore it',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	contactLocator,
	phoneLookupChannel,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

/** `DELETE /contacts/:uuid`; outputs `{ deleted: true, uuid }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = await resolveContactId.call(this, itemIndex, context);
	await callbellApiRequest.call(this, context.api, { method: 'DELETE', path: contactPath(uuid), itemIndex });
	return { deleted: true, uuid };
}
