import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'This removes the account’s only webhook, whoever registered it: Callbell then sends no events to any URL',
		name: 'unsubscribeNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['unsubscribe'] } }, properties);

/** `DELETE /webhooks/unsubscribe`; outputs `{ deleted: true }` (an account without a webhook fails with Callbell's answer). */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	await callbellApiRequest.call(this, context.api, { method: 'DELETE', path: '/webhooks/unsubscribe', itemIndex });
	return { deleted: true };
}
