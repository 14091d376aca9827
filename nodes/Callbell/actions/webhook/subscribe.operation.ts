import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toEventList, toWebhookUrl } from '../../helpers/webhookInput';
import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { EVENT_OPTIONS } from '../../helpers/webhookEvents';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Callbell keeps ONE webhook per account: subscribing replaces the URL and events any other tool (or a Callbell Trigger) registered',
		name: 'oneWebhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/webhook/callbell',
		description: 'Where Callbell posts the events: a public https URL, e.g. https://example.com/webhook/callbell (Callbell refuses localhost)',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description: 'The events Callbell sends to the URL',
		options: EVENT_OPTIONS,
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['subscribe'] } }, properties);

/** `POST /webhooks/subscribe` with `{ url, subscriptions }`; outputs the webhook. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const url = toWebhookUrl(this.getNodeParameter('url', itemIndex, ''));
	const subscriptions = toEventList('Events', this.getNodeParameter('events', itemIndex, []), true);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: '/webhooks/subscribe',
		body: { url, subscriptions },
		itemIndex,
	});
	return objectFrom.call(this, response, 'webhook', itemIndex, 'The webhook may have been registered.');
}
