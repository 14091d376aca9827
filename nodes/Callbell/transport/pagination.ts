import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNodeApiError, toCallbellApiError } from './errors';
import type { CallbellContext, ListPage, ListPaging, ListRequest, PageToken } from './listPage';
import { itemSuffix, PAGE_NUMBERS, requestListPage } from './listPage';
import type { CallbellConnection } from './request';

/** The cap error's advice in a Get Many: a Limit that the pages under the cap can serve. */
export function setALimit(kept: number): string {
	return kept > 0 ? `Turn off Return All and set a Limit of at most ${kept}.` : '';
}

/** The cap error's message: whose cap it is, and how many pages it allows. */
export function capMessage(request: ListRequest): string {
	const { cap, capIsCallbells } = request.paging ?? PAGE_NUMBERS;
	return capIsCallbells ? `Callbell lists at most ${cap} pages of ${request.key}; there are more ${request.key} than that` : `Callbell's list has more than ${cap} pages`;
}

function capError(this: CallbellContext, request: ListRequest, read: number, kept: number) {
	const { capIsCallbells } = request.paging ?? PAGE_NUMBERS;
	const stopped = capIsCallbells ? `Stopped after reading ${read} ${request.key}` : `Stopped after ${read} elements`;
	const advice = request.adviceWhenCapped?.(kept) ?? '';
	return new NodeOperationError(this.getNode(), `${capMessage(request)}${itemSuffix(request.itemIndex)}`, {
		itemIndex: request.itemIndex,
		description: `${stopped} and output none of them, so that no partial list passes as complete.${advice ? ` ${advice}` : ''}`,
	});
}

function repeatError(this: CallbellContext, request: ListRequest, token: PageToken, read: number) {
	const what = 'page' in token ? `page of ${request.key}` : 'page cursor';
	const where = 'page' in token ? `Page ${token.page} repeated page ${token.page - 1}; the API may not support the page parameter here.` : `Callbell gave the cursor it was sent as the next one.`;
	return new NodeOperationError(this.getNode(), `Callbell returned the same ${what} twice${itemSuffix(request.itemIndex)}`, {
		itemIndex: request.itemIndex,
		description: `${where} Stopped after ${read} elements and output none of them, so that no partial list passes as complete.`,
	});
}

/** Callbell refused a page past its cap (README → Contact operations → Get Many: 400 "Pagination limit exceeded"). */
function isPaginationLimitError(error: unknown): boolean {
	return isNodeApiError(error) && error.httpCode === '400' && /pagination limit exceeded/i.test(`${error.description ?? ''} ${error.message}`);
}

const pastCap = (paging: ListPaging, token: PageToken) => 'page' in token && token.page > paging.cap;

/**
 * The one list reader of every Get Many and every picker that needs a whole list: pages until the
 * list ends (see ListPaging), until `limit` elements are kept, or until the paging's cap. It never
 * returns part of a list as the whole: an answer without the list, a list longer than the cap
 * (or Callbell refusing a page past its own cap) and a page Callbell repeats instead of moving on
 * fail, and the error says what was read.
 */
export async function requestList(this: CallbellContext, api: CallbellConnection, request: ListRequest): Promise<IDataObject[]> {
	const paging = request.paging ?? PAGE_NUMBERS;
	const kept: IDataObject[] = [];
	let read = 0;
	let previousPage: string | undefined;
	let token: PageToken | undefined = { page: 1 };
	while (token) {
		if (pastCap(paging, token)) throw capError.call(this, request, read, kept.length);
		let page: ListPage;
		try {
			page = await requestListPage.call(this, api, request, token, read);
		} catch (error) {
			if (paging.capIsCallbells && isPaginationLimitError(error)) throw capError.call(this, request, read, kept.length);
			throw error instanceof NodeOperationError ? error : toCallbellApiError(this.getNode(), error, request.itemIndex);
		}
		if (paging.untilEmptyPage && 'page' in token && page.elements.length > 0) {
			// A server that ignores `page` would otherwise be read until the cap.
			const fingerprint = JSON.stringify(page.elements);
			if (fingerprint === previousPage) throw repeatError.call(this, request, token, read);
			previousPage = fingerprint;
		}
		read += page.elements.length;
		kept.push(...(request.keep ? page.elements.filter(request.keep) : page.elements));
		if (request.limit !== undefined && kept.length >= request.limit) return kept.slice(0, request.limit);
		if (page.next && 'after' in page.next && 'after' in token && page.next.after === token.after) {
			throw repeatError.call(this, request, token, read);
		}
		token = page.next;
	}
	return kept;
}
