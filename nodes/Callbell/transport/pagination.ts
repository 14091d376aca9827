import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNodeApiError, toCallbellApiError } from './errors';
import type { CallbellContext, ListPage, ListPaging, ListRequest, PageToken } from './listPage';
import { itemSuffix, PAGE_NUMBERS, requestListPage } from './listPage';
import type { CallbellConnection } from './request';
import { callbellApiRequest } from './request';

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

// The old readers stay until their callers move to requestList (the next commits remove them).
export { decodePageToken, encodePageToken } from './listPage';

/** Callbell refuses `GET /contacts` pages past 500 ("Pagination limit exceeded"). */
export const CONTACTS_PAGE_CAP = 500;
/** Lists other than contacts are small; this only bounds a misbehaving server. */
const MAX_PAGES = 100;

interface PageMeta {
	page?: number;
	pages?: number;
	next?: string | null;
}

function metaOf(response: unknown): PageMeta | undefined {
	const meta = (response as { meta?: unknown } | undefined)?.meta;
	return typeof meta === 'object' && meta !== null ? (meta as PageMeta) : undefined;
}

function listOf<T>(response: unknown, key: string): T[] {
	const list = (response as Record<string, unknown> | undefined)?.[key];
	return Array.isArray(list) ? (list as T[]) : [];
}

/** Every element of a page-numbered list (`?page=`, `meta.pages`), e.g. teams or channels. */
export async function requestAllPages(
	this: CallbellContext,
	api: CallbellConnection,
	path: string,
	key: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const response = await callbellApiRequest.call(this, api, { method: 'GET', path, qs: { ...qs, page } });
		const items = listOf<IDataObject>(response, key);
		all.push(...items);
		const pages = metaOf(response)?.pages;
		if (items.length === 0 || pages === undefined || page >= pages) break;
	}
	return all;
}

/**
 * Where the next page of contacts is: Callbell's cursor (`meta.next`, sent back as `after`)
 * when the server gives one, a page number otherwise.
 */
export type ContactsPageToken = { after: string } | { page: number };

export interface ContactsPage {
	contacts: IDataObject[];
	next?: ContactsPageToken;
	/** The next page would be past Callbell's 500-page cap. */
	capped: boolean;
}

/** One page of `GET /contacts` with the filters in `qs` (resent with every page, as Callbell asks). */
export async function requestContactsPage(
	this: CallbellContext,
	api: CallbellConnection,
	qs: IDataObject,
	token: ContactsPageToken = { page: 1 },
	itemIndex?: number,
): Promise<ContactsPage> {
	const query = { ...qs, ...token };
	const response = await callbellApiRequest.call(this, api, { method: 'GET', path: '/contacts', qs: query, itemIndex });
	const contacts = listOf<IDataObject>(response, 'contacts');
	const meta = metaOf(response);
	const page = 'page' in token ? token.page : (meta?.page ?? 0);

	if (meta?.next) return { contacts, next: { after: meta.next }, capped: false };
	if ('after' in token || contacts.length === 0) return { contacts, capped: false };
	const more = meta?.pages !== undefined ? page < meta.pages : true;
	if (!more) return { contacts, capped: false };
	if (page + 1 > CONTACTS_PAGE_CAP) return { contacts, capped: true };
	return { contacts, next: { page: page + 1 }, capped: false };
}
