import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { customStatusPath } from './customStatusPath';
import { readLocatorId } from '../parameters';
import { customStatusLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [customStatusLocator, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['customStatus'], operation: ['get'] } }, properties);

/** `GET /custom_statuses/:id`; outputs the status. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const id = readLocatorId.call(this, 'customStatus', 'Custom Status', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: customStatusPath(id), itemIndex });
	return objectFrom.call(this, response, 'customStatus', itemIndex);
}
