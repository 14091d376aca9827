import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { teamLocator } from './teamLocator';
import { readLocatorId } from '../parameters';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [teamLocator, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['get'] } }, properties);

/** `GET /teams/:uuid`; outputs the team (its `members` is the member count). */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = readLocatorId.call(this, 'team', 'Team', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: `/teams/${encodeURIComponent(uuid)}`, itemIndex });
	return objectFrom.call(this, response, 'team', itemIndex);
}
