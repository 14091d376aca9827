import type { INodeProperties } from 'n8n-workflow';

import { CAPTION_LIMIT, MESSAGE_TEXT_LIMIT } from './helpers/messageContent';
import { METADATA_KEY_LIMIT, METADATA_MAX_PAIRS, METADATA_VALUE_LIMIT } from './helpers/metadata';
import { assignedUserField, botStatusField, teamField } from '../common.descriptions';

export const neverTwiceNotice: INodeProperties = {
	displayName:
		'A message is never sent twice: after a timeout, a lost connection or a server error Callbell may already have sent it, so the node does not repeat it and the item fails saying it may have been sent. Check the contact’s messages before sending again. Free-form messages reach WhatsApp contacts only within 24 hours of their last message; after that, send an approved template.',
	name: 'neverTwiceNotice',
	type: 'notice',
	default: '',
};

export const messageTypeField: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	noDataExpression: true,
	default: 'text',
	options: [
		{ name: 'Audio', value: 'audio', description: 'An audio file from a public URL (WhatsApp Business API)' },
		{ name: 'Document', value: 'document', description: 'A file, e.g. a PDF, from a public URL' },
		{ name: 'Image', value: 'image', description: 'An image from a public URL, with an optional caption' },
		{ name: 'Template', value: 'template', description: 'An approved WhatsApp template, also outside the 24-hour window' },
		{ name: 'Text', value: 'text', description: 'A free-form text (within 24 hours of the customer’s last message)' },
		{ name: 'Video', value: 'video', description: 'A video from a public URL (WhatsApp Business API)' },
	],
};

export const contentFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Your order has shipped',
		description: `The message, at most ${MESSAGE_TEXT_LIMIT} characters (WhatsApp’s limit)`,
		displayOptions: { show: { messageType: ['text'] } },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/files/invoice.pdf',
		description: 'A public absolute URL that Callbell downloads the file from, e.g. https://example.com/files/invoice.pdf. Use https.',
		displayOptions: { show: { messageType: ['image', 'document', 'audio', 'video'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		placeholder: 'e.g. Your ticket',
		description: `Text shown under the image, at most ${CAPTION_LIMIT} characters`,
		displayOptions: { show: { messageType: ['image'] } },
	},
];

export const sendAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			...assignedUserField,
			description:
				'Assign the conversation to this Callbell user, by the email they log in with (e.g. cleo@example.com). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ ...botStatusField, description: 'Start or stop the bot for the conversation. Needs an enabled bot in Callbell.' },
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Pair',
			default: {},
			description: `Your own key/value pairs, e.g. an order ID: at most ${METADATA_MAX_PAIRS} pairs, keys up to ${METADATA_KEY_LIMIT} and values up to ${METADATA_VALUE_LIMIT} characters. Callbell echoes them back in its message_created and message_status_updated webhooks. No sensitive data.`,
			options: [
				{
					displayName: 'Pair',
					name: 'pair',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. orderId', description: 'Your name for the value, at most 50 characters, e.g. orderId' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. A-1042', description: 'The value, at most 500 characters, e.g. A-1042' },
					],
				},
			],
		},
		{
			displayName: 'Return Contact and Conversation',
			name: 'returnContactAndConversation',
			type: 'boolean',
			default: false,
			description: 'Whether Callbell adds the contact and the conversation to the answer (fields=contact,conversation)',
		},
		{
			...teamField,
			description:
				'Move the conversation to this team inbox, by its ID (32 hex characters, e.g. 4c1b5e9d2a7f4e0b8c3d6a9f1e2b7c40). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
};
