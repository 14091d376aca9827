import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { contactFromResponse, resolveContactId } from '../contactLookup';

/** The UI of an operation that only needs the contact (open, close, bot status…). */
export function contactOnlyDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['contact'], operation: [operation] } }, [
		contactLocator,
		phoneLookupChannel,
		optionsCollection(),
	]);
}

/** `POST /contacts/:uuid/conversation/open|close` (no body); outputs the contact. */
export async function changeConversation(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
	action: 'open' | 'close',
): Promise<IDataObject> {
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: contactPath(uuid, `/conversation/${action}`),
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, `The conversation may have been ${action === 'open' ? 'opened' : 'closed'}.`);
}
