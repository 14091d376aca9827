import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toTitle } from '../../helpers/names';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { channelFromResponse, channelLocator, channelPath } from './locator';
import { optionsCollection } from '../common.descriptions';
import { readLocatorId } from '../parameters';

const properties: INodeProperties[] = [
	channelLocator,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Main line',
		description: 'The new title of the channel in Callbell',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['channel'], operation: ['rename'] } }, properties);

/** `PATCH /channels/:uuid` with `{ title }`; outputs the renamed channel. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const title = toTitle('Title', this.getNodeParameter('title', itemIndex, ''));
	const uuid = readLocatorId.call(this, 'channel', 'Channel', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'PATCH', path: channelPath(uuid), body: { title }, itemIndex });
	return channelFromResponse.call(this, response, itemIndex);
}
