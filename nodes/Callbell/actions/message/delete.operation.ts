import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { messageIdField, messageIdOf, messagePath } from './messageId';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deletes the message’s text and attachments in Callbell only: the customer keeps the message on their phone',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	{
		...messageIdField,
		description:
			'The uuid Callbell gave the message (the uuid field of Message → Send’s output, e.g. adf3d1216d4c4dcd908199d6700f2381), or the provider’s message ID',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['delete'] } }, properties);

/**
 * `DELETE /messages/:uuid` (204); outputs `{ deleted: true, uuid }`. The docs' page uses this path
 * form, their code snippet `DELETE /messages` with a `{uuid}` body (Callbell API docs, Messages → Delete a message): the node uses the page.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = messageIdOf.call(this, itemIndex);
	await callbellApiRequest.call(this, context.api, { method: 'DELETE', path: messagePath('/messages', uuid), itemIndex });
	return { deleted: true, uuid };
}
