import { defineResource } from '../defineResource';
import * as deleteMessage from './delete.operation';
import * as downloadMedia from './downloadMedia.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

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
		// Five operations: n8n-node lint wants them alphabetical by name, as n8n's own Slack node lists
		// Send and Send and Wait for Response among Delete and Update; Send stays the default.
		options: [
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
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				description: 'Send a message with approval links or a form and wait for the answer',
				action: 'Send a message and wait for response',
			},
		],
		default: 'send',
	},
	{ delete: deleteMessage, downloadMedia, getStatus, send, sendAndWait },
);
