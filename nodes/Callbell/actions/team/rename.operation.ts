import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toName } from '../../helpers/names';
import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { teamLocator } from './teamLocator';
import { readLocatorId } from '../parameters';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	teamLocator,
	{
		displayName: 'New Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales EMEA',
		description: 'The team’s new name',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['rename'] } }, properties);

/** `PATCH /teams/:uuid` with `{ name }`; outputs the renamed team. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const name = toName('New Name', this.getNodeParameter('name', itemIndex, ''));
	const uuid = readLocatorId.call(this, 'team', 'Team', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'PATCH',
		path: `/teams/${encodeURIComponent(uuid)}`,
		body: { name },
		itemIndex,
	});
	return objectFrom.call(this, response, 'team', itemIndex, 'The team may have been renamed.');
}
