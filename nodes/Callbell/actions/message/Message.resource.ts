import { defineResource } from '../defineResource';
import * as deleteMessage from './delete.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export const message = defineResource(
	{
		name: 'Message',
		value: 'message',
		description: 'A WhatsApp, Instagram, Messenger or Telegram message sent through Callbell',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a message in Callbell (not on the customer’s phone)',
				action: 'Delete a message',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get whether a message was sent, delivered or read, optionally waiting for it',
				action: 'Get the status of a message',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a text, a file or an approved WhatsApp template',
				action: 'Send a message',
			},
		],
		default: 'send',
	},
	{ delete: deleteMessage, getStatus, send },
);
