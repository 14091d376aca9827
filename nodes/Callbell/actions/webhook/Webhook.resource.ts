import { defineResource } from '../defineResource';
import * as getDeliveryEvents from './getDeliveryEvents.operation';
import * as subscribe from './subscribe.operation';
import * as unsubscribe from './unsubscribe.operation';

export const webhook = defineResource(
	{
		name: 'Webhook',
		value: 'webhook',
		description: 'The account’s one webhook, managed by hand (the Callbell Trigger manages it automatically)',
	},
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
	{ getDeliveryEvents, subscribe, unsubscribe },
);
