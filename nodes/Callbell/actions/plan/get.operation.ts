import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['plan'], operation: ['get'] } }, properties);

/** `GET /plan`; outputs the answer as is: plan, includedChannels, licenses, activeUsers, teams. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: '/plan', itemIndex });
	if (typeof response !== 'object' || response === null || Array.isArray(response) || !('plan' in response)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a plan [item ${itemIndex}]`, { itemIndex });
	}
	return response as IDataObject;
}
