import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requestList } from '../../transport/pagination';
import type { ExecutionContext } from '../types';

type ListName = 'templates' | 'channels';

/** Per execution: the account's templates and channels, each read once and shared by every item. */
const lists = new WeakMap<ExecutionContext, Map<ListName, Promise<IDataObject[]>>>();

/**
 * `GET /templates` or `GET /channels` (every page), read on first use in this execution. Items
 * that look up a template or a channel all wait for this one read, so a thousand sends read the
 * template list once, and an unknown or unapproved template costs no extra request. A read that
 * fails is forgotten, so that one lost answer does not fail every later item.
 */
export async function accountList(this: IExecuteFunctions, context: ExecutionContext, name: ListName): Promise<IDataObject[]> {
	let byName = lists.get(context);
	if (!byName) {
		byName = new Map();
		lists.set(context, byName);
	}
	let list = byName.get(name);
	if (!list) {
		const reading = requestList.call(this, context.api, { path: `/${name}`, key: name });
		// A failed read is not kept: the items waiting for it fail, later items read again.
		reading.catch(() => {
			if (byName?.get(name) === reading) byName.delete(name);
		});
		list = reading;
		byName.set(name, list);
	}
	return await list;
}
