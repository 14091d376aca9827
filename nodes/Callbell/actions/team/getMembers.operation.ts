import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toMemberStatus } from '../../helpers/userStatus';
import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { teamLocator } from './teamLocator';
import { filtersCollection, listFields, optionsCollection } from '../common.descriptions';
import { readLimit, readLocatorId } from '../parameters';

const properties: INodeProperties[] = [
	teamLocator,
	...listFields,
	filtersCollection([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'available',
			description: 'Only members who are available, or only those who are away',
			options: [
				{ name: 'Available', value: 'available' },
				{ name: 'Away', value: 'away' },
			],
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['getMembers'] } }, properties);

/**
 * `GET /teams/:uuid/members` (with `status`), every page or up to Limit; one item per member
 * (email, name, available, lastUpdatedAt, userCustomStatus). Callbell gives members no uuid.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const uuid = readLocatorId.call(this, 'team', 'Team', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { status?: unknown };
	const status = toMemberStatus(filters.status);
	const limit = readLimit.call(this, itemIndex);
	return await requestList.call(this, context.api, {
		path: `/teams/${encodeURIComponent(uuid)}/members`,
		key: 'users',
		qs: status ? { status } : {},
		limit,
		itemIndex,
		adviceWhenCapped: setALimit,
	});
}
