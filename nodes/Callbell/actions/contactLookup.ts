import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toBsuid, toContactId, unwrapContact } from '../helpers/contacts';
import { toCallbellId, toPhoneDigits } from '../helpers/values';
import { isNodeApiError, toCallbellApiError } from '../transport/errors';
import { callbellApiRequest } from '../transport/request';
import type { ExecutionContext } from './types';

/*
 * The Contact picker at run time (common.descriptions.ts has its form), for every contact
 * operation and for Send: By Phone and By BSUID look the contact up first.
 */

/** The contact of a Callbell answer (object or one-element array), or a clear error. */
export function contactFromResponse(
	this: IExecuteFunctions,
	response: unknown,
	itemIndex: number,
	hint: string,
): IDataObject {
	const contact = unwrapContact(response);
	if (!contact) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a contact [item ${itemIndex}]`, {
			itemIndex,
			description: `${hint} The answer had no "contact" object.`,
		});
	}
	return contact as IDataObject;
}

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
