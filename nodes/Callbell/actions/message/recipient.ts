import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { toInternationalPhone } from './helpers/messageRecipient';
import type { Recipient } from './helpers/messageSend';
import { describeValue } from '../../helpers/values';
import { InputError } from '../../helpers/InputError';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { toBsuid } from '../../helpers/contacts';
import { contactLocator, phoneLookupChannel } from '../common.descriptions';
import { contactFromResponse, resolveContactId } from '../contactLookup';

const showFor = (sendTo: string) => ({ show: { sendTo: [sendTo] } });

export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		default: 'phone',
		description: 'How the recipient is given',
		options: [
			{ name: 'Phone Number', value: 'phone', description: 'A phone number in international format' },
			{ name: 'Contact', value: 'contact', description: 'A Callbell contact: its number (or BSUID) and its channel are used' },
			{ name: 'BSUID', value: 'bsuid', description: 'The WhatsApp BSUID of a contact who hides their number' },
		],
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +44 7700 900001',
		description:
			'The recipient’s phone number in international format with the country code, e.g. +44 7700 900001 or +12025550102. Spaces, dashes, dots and parentheses are removed and a leading 00 becomes +. Callbell creates the contact if it does not exist yet.',
		displayOptions: showFor('phone'),
	},
	{ ...contactLocator, displayOptions: showFor('contact') },
	{ ...phoneLookupChannel, displayOptions: { show: { sendTo: ['contact'], '/contact.mode': ['phone'] } } },
	{
		displayName: 'BSUID',
		name: 'bsuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. bsuid_abc123',
		description:
			'The business-scoped user ID WhatsApp gives a contact who uses a username instead of a phone number, e.g. US.13491208655302741918',
		displayOptions: showFor('bsuid'),
	},
];

export type SendTo = 'phone' | 'contact' | 'bsuid';

/** Checks the recipient fields that need no request: the phone number or the BSUID. */
export function localRecipient(this: IExecuteFunctions, itemIndex: number): { sendTo: SendTo; recipient?: Recipient } {
	const sendTo = this.getNodeParameter('sendTo', itemIndex, 'phone') as string;
	if (sendTo === 'phone') return { sendTo, recipient: { to: toInternationalPhone('Phone Number', this.getNodeParameter('phoneNumber', itemIndex, '')) } };
	if (sendTo === 'bsuid') return { sendTo, recipient: { bsuid: toBsuid('BSUID', this.getNodeParameter('bsuid', itemIndex, '')) } };
	if (sendTo === 'contact') return { sendTo };
	throw new InputError('Send To', `must be Phone Number, Contact or BSUID, got ${describeValue(sendTo)}`);
}

/**
 * A Contact recipient: the contact is read (`GET /contacts/:uuid`) for its phone number, or its
 * BSUID when it has no number, and its channel.
 */
export async function contactRecipient(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
): Promise<{ recipient: Recipient; channelUuid?: string }> {
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: contactPath(uuid), itemIndex });
	const contact = contactFromResponse.call(this, response, itemIndex, 'Nothing was sent.');
	const channel = contact.channel as { uuid?: unknown } | undefined;
	const channelUuid = typeof channel?.uuid === 'string' ? channel.uuid : undefined;
	const phone = typeof contact.phoneNumber === 'string' ? contact.phoneNumber.trim() : '';
	if (phone) return { recipient: { to: phone }, channelUuid };
	const bsuid = typeof contact.bsuid === 'string' ? contact.bsuid.trim() : '';
	if (bsuid) return { recipient: { bsuid }, channelUuid };
	throw new NodeOperationError(this.getNode(), `The contact ${uuid} has neither a phone number nor a BSUID [item ${itemIndex}]`, {
		itemIndex,
		description:
			'Nothing was sent. Callbell needs one of them to address the message; its contacts from Instagram and Messenger have neither, and Callbell documents no other way to address them.',
	});
}
