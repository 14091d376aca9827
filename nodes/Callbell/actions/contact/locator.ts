import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toBsuid } from './helpers/contactLookup';
import { toContactId, unwrapContact } from './helpers/contactUpdate';
import { toCallbellId, toPhoneDigits } from '../../helpers/values';
import { isNodeApiError, toCallbellApiError } from '../../transport/errors';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';

/** The Contact picker shared by every contact operation: From list, By ID, By Phone, By BSUID. */
export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contact',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Callbell contact',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a contact...',
			typeOptions: { searchListMethod: 'searchContacts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 414a6d692bd645ed803f2e7ce360d4c8',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9_-]{1,64}\\s*$',
						errorMessage: 'A Callbell contact ID is made of letters, digits and dashes',
					},
				},
			],
		},
		{
			displayName: 'By Phone',
			name: 'phone',
			type: 'string',
			placeholder: 'e.g. +44 7700 900001',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\+?[\\d\\s().-]{5,30}\\s*$',
						errorMessage: 'Enter a phone number, e.g. +44 7700 900001',
					},
				},
			],
		},
		{
			displayName: 'By BSUID',
			name: 'bsuid',
			type: 'string',
			placeholder: 'e.g. US.13491208655302741918',
			hint: 'WhatsApp’s Business Suite User ID, for contacts who hide their phone number behind a username',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\\s*$',
						errorMessage: 'A BSUID is letters, digits, dots, dashes and underscores',
					},
				},
			],
		},
	],
};

/**
 * Which channel a By Phone lookup searches; only shown for By Phone. The condition is a root
 * path ('/contact.mode'): n8n before 2.34.2 takes any other key as a sibling parameter's name and
 * fails every workflow with "Could not resolve parameter dependencies" (test/package/displayOptions).
 */
export const phoneLookupChannel: INodeProperties = {
	displayName: 'Phone Lookup Channel Name or ID',
	name: 'phoneLookupChannel',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	displayOptions: { show: { '/contact.mode': ['phone'] } },
	description:
		'The channel to look the phone number up on. Leave empty for the main WhatsApp channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

function phoneNotFound(this: IExecuteFunctions, phone: string, channel: string, itemIndex: number) {
	return new NodeOperationError(this.getNode(), `No Callbell contact has the phone number "${phone}" [item ${itemIndex}]`, {
		itemIndex,
		description: channel
			? 'Check the number and the Phone Lookup Channel.'
			: 'Check the number. Without a Phone Lookup Channel, Callbell searches the main WhatsApp channel.',
	});
}

/** By BSUID: `GET /contacts/bsuid/:bsuid`, the contact's uuid. */
async function uuidByBsuid(this: IExecuteFunctions, value: unknown, itemIndex: number, context: ExecutionContext): Promise<string> {
	const bsuid = toBsuid('Contact (By BSUID)', value);
	let response: unknown;
	try {
		response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: `/contacts/bsuid/${encodeURIComponent(bsuid)}`, itemIndex });
	} catch (error) {
		if (!(isNodeApiError(error) && error.httpCode === '404')) throw toCallbellApiError(this.getNode(), error, itemIndex);
		throw new NodeOperationError(this.getNode(), `No Callbell contact has the BSUID "${bsuid}" [item ${itemIndex}]`, { itemIndex, description: 'Check the BSUID.' });
	}
	const uuid = unwrapContact(response)?.uuid;
	if (typeof uuid !== 'string') {
		throw new NodeOperationError(this.getNode(), `Callbell found no contact for the BSUID [item ${itemIndex}]`, { itemIndex });
	}
	return uuid;
}

/** The contact's uuid for this item; By Phone and By BSUID are looked up first. */
export async function resolveContactId(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
): Promise<string> {
	const locator = this.getNodeParameter('contact', itemIndex) as INodeParameterResourceLocator;
	if (locator.mode === 'bsuid') return await uuidByBsuid.call(this, locator.value, itemIndex, context);
	if (locator.mode !== 'phone') return toContactId(locator.value);

	const phone = toPhoneDigits('Contact (By Phone)', locator.value);
	const channel = this.getNodeParameter('phoneLookupChannel', itemIndex, '') as string;
	const qs = channel ? { channel_uuid: toCallbellId('Phone Lookup Channel', channel) } : undefined;
	let response: unknown;
	try {
		response = await callbellApiRequest.call(this, context.api, {
			method: 'GET',
			path: `/contacts/phone/${encodeURIComponent(phone)}`,
			qs,
			itemIndex,
		});
	} catch (error) {
		const notFound = isNodeApiError(error) && error.httpCode === '404';
		throw notFound ? phoneNotFound.call(this, String(locator.value).trim(), channel, itemIndex) : toCallbellApiError(this.getNode(), error, itemIndex);
	}
	const uuid = unwrapContact(response)?.uuid;
	if (typeof uuid !== 'string') {
		throw new NodeOperationError(this.getNode(), `Callbell found no contact for the phone number [item ${itemIndex}]`, { itemIndex });
	}
	return uuid;
}
