import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toLimit } from '../../helpers/values';
import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactLocator, listFields, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';

/** Bounds a server that never returns an empty page (100,000 messages at Callbell's 20 per page). */
const MAX_PAGES = 5000;

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	...listFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMessages'] } }, properties);

function messagesOf(response: unknown): IDataObject[] {
	const list = (response as { messages?: unknown } | undefined)?.messages;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function pagesOf(response: unknown): number | undefined {
	const pages = (response as { meta?: { pages?: unknown } } | undefined)?.meta?.pages;
	return typeof pages === 'number' ? pages : undefined;
}

/**
 * `GET /contacts/:uuid/messages?page=`, newest first. Callbell documents neither the page size
 * nor a `meta`, so pages are read until an empty one (or `meta.pages`, when given).
 * One output item per message, with `contactUuid` added.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toLimit(this.getNodeParameter('limit', itemIndex, 50));
	const uuid = await resolveContactId.call(this, itemIndex, context);

	const messages: IDataObject[] = [];
	let previous = '';
	for (let page = 1; page <= MAX_PAGES; page++) {
		const response = await callbellApiRequest.call(this, context.api, {
			method: 'GET',
			path: contactPath(uuid, '/messages'),
			qs: { page },
			itemIndex,
		});
		const list = messagesOf(response);
		if (list.length === 0) return messages;
		const fingerprint = JSON.stringify(list);
		if (fingerprint === previous) {
			throw new NodeOperationError(this.getNode(), `Callbell returned the same page of messages twice [item ${itemIndex}]`, {
				itemIndex,
				description: `Page ${page} repeated page ${page - 1}; the API may not support the page parameter here.`,
			});
		}
		previous = fingerprint;
		messages.push(...list.map((message) => ({ ...message, contactUuid: uuid })));
		if (limit !== undefined && messages.length >= limit) return messages.slice(0, limit);
		const pages = pagesOf(response);
		if (pages !== undefined && page >= pages) return messages;
	}
	throw new NodeOperationError(this.getNode(), `Stopped after ${MAX_PAGES} pages of messages [item ${itemIndex}]`, {
		itemIndex,
		description: 'Turn off Return All and set a Limit.',
	});
}
