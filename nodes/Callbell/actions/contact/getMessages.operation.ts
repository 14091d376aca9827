import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toLimit } from '../../helpers/values';
import type { ListPaging } from '../../transport/listPage';
import { requestList, setALimit } from '../../transport/pagination';
import { contactPath } from '../../transport/paths';
import type { ExecutionContext } from '../types';
import { contactLocator, listFields, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';

/**
 * Callbell documents neither the page size nor a `meta` (Callbell API docs, Contacts → List a
 * contact's messages), so pages are read until an empty one, or `meta.pages` when given. The cap bounds a
 * server that never returns an empty page: 100,000 messages at Callbell's 20 per page.
 */
const MESSAGE_PAGES: ListPaging = { cap: 5000, untilEmptyPage: true };

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	...listFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMessages'] } }, properties);

/**
 * `GET /contacts/:uuid/messages?page=`, newest first, every page or up to Limit (see MESSAGE_PAGES).
 * One output item per message, with `contactUuid` added.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toLimit(this.getNodeParameter('limit', itemIndex, 50));
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const messages = await requestList.call(this, context.api, {
		path: contactPath(uuid, '/messages'),
		key: 'messages',
		paging: MESSAGE_PAGES,
		limit,
		itemIndex,
		adviceWhenCapped: setALimit,
	});
	return messages.map((message) => ({ ...message, contactUuid: uuid }));
}
