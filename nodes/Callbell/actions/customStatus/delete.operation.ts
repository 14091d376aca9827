import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { customStatusPath } from './customStatusPath';
import { readLocatorId } from '../parameters';
import { customStatusLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [customStatusLocator, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['customStatus'], operation: ['delete'] } }, properties);

/**
 * `DELETE /custom_statuses/:id` (the docs page's path; their snippet's singular `/custom_status/:id`
 * is not used); outputs `{ deleted: true, id }`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const id = readLocatorId.call(this, 'customStatus', 'Custom Status', itemIndex);
	await callbellApiRequest.call(this, context.api, { method: 'DELETE', path: customStatusPath(id), itemIndex });
	return { deleted: true, id };
}
