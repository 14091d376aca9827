import { defineResource } from '../defineResource';
import * as deleteMessage from './delete.operation';
import * as downloadMedia from './downloadMedia.operation';
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
		// Send first: n8n's node creator lists the actions in this order (fewer than five, so n8n-node
		// lint does not ask for alphabetical order here).
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a text, a file or an approved WhatsApp template',
				action: 'Send a message',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get whether a message was sent, delivered or read, optionally waiting for it',
				action: 'Get the status of a message',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a message in Callbell (not on the customer’s phone)',
				action: 'Delete a message',
			},
			{
				name: 'Download Media',
				value: 'downloadMedia',
				description: 'Download a message’s attachment (image, voice note, document) into binary data',
				action: 'Download a message attachment',
			},
		],
		default: 'send',
	},
	{ send, getStatus, delete: deleteMessage, downloadMedia },
);
