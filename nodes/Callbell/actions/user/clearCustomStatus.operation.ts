import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toCallbellId } from '../../helpers/values';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { userStatusPath, userUuidField } from './userUuid';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [userUuidField, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['clearCustomStatus'] } }, properties);

/** `DELETE /users/:uuid/status` (Callbell answers with an empty body); outputs `{ cleared: true, userUuid }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = toCallbellId('User UUID', this.getNodeParameter('userUuid', itemIndex, ''));
	await callbellApiRequest.call(this, context.api, { method: 'DELETE', path: userStatusPath(uuid), itemIndex });
	return { cleared: true, userUuid: uuid };
}
