import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toDeliveryStatus, toEventList } from '../../helpers/webhookInput';
import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { EVENT_OPTIONS } from '../../helpers/webhookEvents';
import { filtersCollection, listFields, optionsCollection } from '../common.descriptions';
import { readLimit } from '../parameters';

/** Callbell's page size parameter `items`; the node asks for at most this many per page. */
const MAX_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	...listFields,
	filtersCollection([
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			default: [],
			description: 'Only deliveries of these events',
			options: EVENT_OPTIONS,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'failed',
			description: 'Only deliveries your endpoint answered with 200 (success), or the others (failed)',
			options: [
				{ name: 'Failed', value: 'failed' },
				{ name: 'Success', value: 'success' },
			],
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getDeliveryEvents'] } }, properties);

/**
 * `GET /webhooks/events` (`status`, `subscriptions`, `page`, `items`), every page or up to Limit;
 * one item per delivery: event, payload, response {body, code, headers}, success, createdAt.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { events?: unknown; status?: unknown };
	const qs: IDataObject = {};
	const status = toDeliveryStatus(filters.status);
	if (status) qs.status = status;
	const events = toEventList('Events', filters.events, false);
	if (events.length > 0) qs.subscriptions = events.join(',');
	const limit = readLimit.call(this, itemIndex);
	return await requestList.call(this, context.api, {
		path: '/webhooks/events',
		key: 'webhook_events',
		qs,
		limit,
		itemIndex,
		pageSize: { param: 'items', max: MAX_PAGE_SIZE },
		adviceWhenCapped: setALimit,
	});
}
