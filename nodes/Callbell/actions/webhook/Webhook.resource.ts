import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as getDeliveryEvents from './getDeliveryEvents.operation';
import * as subscribe from './subscribe.operation';
import * as unsubscribe from './unsubscribe.operation';

export const resource: INodePropertyOptions = {
	name: 'Webhook',
	value: 'webhook',
	description: 'The account’s one webhook, managed by hand (the Callbell Trigger manages it automatically)',
};

export const operations: Record<string, OperationExecute> = {
	getDeliveryEvents: getDeliveryEvents.execute,
	subscribe: subscribe.execute,
	unsubscribe: unsubscribe.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Get Delivery Events',
				value: 'getDeliveryEvents',
				description: 'List the deliveries Callbell made to the webhook, with your endpoint’s answers',
				action: 'Get webhook delivery events',
			},
			{
				name: 'Subscribe',
				value: 'subscribe',
				description: 'Register the account’s webhook URL and events, replacing the current one',
				action: 'Subscribe a webhook',
			},
			{
				name: 'Unsubscribe',
				value: 'unsubscribe',
				description: 'Delete the account’s webhook',
				action: 'Unsubscribe the webhook',
			},
		],
		default: 'getDeliveryEvents',
	},
	...getDeliveryEvents.description,
	...subscribe.description,
	...unsubscribe.description,
];
