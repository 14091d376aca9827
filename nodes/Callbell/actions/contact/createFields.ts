import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContactCreateBody } from './helpers/contactCreate';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { SOURCE_OPTIONS } from '../common.descriptions';
import { contactFromResponse } from '../contactLookup';

/** Identifier, Source and Name: what a new contact needs (Create, Create or Update). */
export const identifierField: INodeProperties = {
	displayName: 'Identifier',
	name: 'identifier',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +44 7700 900001',
	description:
		'The phone number (WhatsApp) in international format, e.g. +44 7700 900001, or the platform ID (Instagram, Messenger, Telegram) of the contact',
};

export const sourceField: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	required: true,
	default: 'whatsapp',
	description: 'The channel type the contact writes from',
	options: SOURCE_OPTIONS,
};

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Ada Lovelace',
	description: 'The contact name',
};

export const channelField: INodeProperties = {
	displayName: 'Channel Name or ID',
	name: 'channelUuid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	description:
		'The channel to attach the contact to, by its ID (e.g. 35f6f8ccb55042788a2e099f3a4e0730). Leave empty for the main channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** `POST /contacts` with a validated body; the created contact. */
export async function postContact(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
	body: ContactCreateBody,
): Promise<IDataObject> {
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: '/contacts',
		body: body as unknown as IDataObject,
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, 'The contact may have been created.');
}
