import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_SIZE_MB } from '../Callbell/helpers/attachments';
import { EVENT_OPTIONS } from '../Callbell/helpers/webhookEvents';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Publishing the workflow subscribes its URL in Callbell; unpublishing removes it',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'You paste the URL into Callbell yourself; the node never changes Callbell’s webhook',
			},
		],
		default: 'automatic',
	},
	{
		displayName:
			'Callbell keeps one webhook per account. Publishing this workflow REPLACES any webhook set in Callbell’s dashboard or by another workflow, and unpublishing removes it. Use one Automatic Callbell Trigger per Callbell account; "Listen for test event" is refused while the workflow is published, so production keeps its events.',
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
	},
	{
		displayName:
			'Copy the Production URL from "Webhook URLs" above into Callbell → Settings → API → Webhooks and tick the same events there, then publish. The node never calls Callbell’s webhook API. For a test listen, paste the Test URL instead.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		noDataExpression: true,
		required: true,
		options: EVENT_OPTIONS,
		default: ['message_created'],
		description: 'The events that start this workflow. Deliveries of other events are answered and ignored.',
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Incoming Only', value: 'incoming', description: 'Messages the customer sent (status "received")' },
			{ name: 'Outgoing Only', value: 'outgoing', description: 'Messages the account sent, this workflow’s replies included' },
			{ name: 'Both', value: 'both', description: 'Every message; a workflow that replies will also see its own replies' },
		],
		default: 'incoming',
		description: 'Which Message Created deliveries start the workflow. Incoming Only keeps a reply bot from answering itself.',
		displayOptions: { show: { events: ['message_created'] } },
	},
	{
		displayName: 'Download Attachments',
		name: 'downloadAttachments',
		type: 'boolean',
		default: false,
		description:
			'Whether to download each attachment of a Message Created delivery (images, voice notes, documents) into the item’s binary data as attachment_0, attachment_1, …. Callbell is answered first; an attachment that cannot be downloaded is listed in attachmentFiles with its error, and the workflow still runs.',
		displayOptions: { show: { events: ['message_created'] } },
	},
	{
		displayName: 'Max Attachment Size (MB)',
		name: 'maxAttachmentSizeMb',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: 1024, numberPrecision: 2 },
		default: DEFAULT_MAX_FILE_SIZE_MB,
		description: 'A larger attachment is not downloaded; its entry in attachmentFiles says so',
		displayOptions: { show: { events: ['message_created'], downloadAttachments: [true] } },
	},
	{
		displayName:
			'Recommended: set a Webhook Signing Secret (whsec_…, from Callbell → Settings → API → Webhooks → Generate secret) in the credential. Without it, anyone who knows this URL can start the workflow; with it, unsigned or altered deliveries get 401.',
		name: 'signingNotice',
		type: 'notice',
		default: '',
	},
];
