import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { channelFromResponse, channelLocator, channelPath } from './locator';
import { optionsCollection } from '../common.descriptions';
import { readLocatorId } from '../parameters';

const properties: INodeProperties[] = [channelLocator, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['channel'], operation: ['get'] } }, properties);

/** `GET /channels/:uuid`; outputs the channel with `active`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = readLocatorId.call(this, 'channel', 'Channel', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: channelPath(uuid), itemIndex });
	return channelFromResponse.call(this, response, itemIndex);
}
