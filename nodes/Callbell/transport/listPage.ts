import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallbellConnection } from './request';
import { callbellApiRequest } from './request';

export type CallbellContext = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * Where a page of a list is: its number (`?page=`), or Callbell's cursor (`meta.next`, sent back
 * as `after`), which only `GET /contacts` gives (README → Contact operations → Get Many).
 */
export type PageToken = { page: number } | { after: string };

/** How a list's pages follow each other, and how many of them the node reads. */
export interface ListPaging {
	/** Pages read by number at most; when the list has more, the read fails (cursor pages are not counted). */
	cap: number;
	/** The cap is Callbell's own: past it Callbell answers 400 "Pagination limit exceeded" (contacts). */
	capIsCallbells?: boolean;
	/** Follow Callbell's cursor `meta.next` (sent back as `after`) when an answer gives one. */
	followsCursor?: boolean;
	/**
	 * Without `meta.pages`, ask for the next page until an empty one (messages, contacts); otherwise
	 * a list without `meta` is one page (funnels). Either way `meta.pages`, when given, ends the list.
	 */
	untilEmptyPage?: boolean;
	/** No `page` is sent: the first answer is the whole list (see ONE_ANSWER). */
	unpaged?: boolean;
}

/** List operations and pickers read at most this many pages, then fail rather than return part of a list. */
export const LIST_PAGE_CAP = 1000;

/** Teams, channels, templates, custom statuses, members, delivery events, funnels: `?page=` until `meta.pages`. */
export const PAGE_NUMBERS: ListPaging = { cap: LIST_PAGE_CAP };

/**
 * A list that comes as one answer without `meta` (funnels; README → Funnel, Plan),
 * read without a `page` parameter, as the Funnel picker has always asked for it.
 */
export const ONE_ANSWER: ListPaging = { cap: 1, unpaged: true };

/**
 * `GET /contacts`: Callbell's cursor when it gives one, page numbers until an empty page otherwise,
 * and at most 500 pages by number, about 10,000 contacts (README → Contact operations → Get Many).
 */
export const CONTACT_PAGES: ListPaging = { cap: 500, capIsCallbells: true, followsCursor: true, untilEmptyPage: true };

export interface ListRequest {
	path: string;
	/** The answer's list key, e.g. `teams`. */
	key: string;
	/** Query parameters (filters), sent again with every page. */
	qs?: IDataObject;
	/** PAGE_NUMBERS when not given. */
	paging?: ListPaging;
	/** A page-size parameter (only `GET /webhooks/events` has one: `items`) and its largest value. */
	pageSize?: { param: string; max: number };
	/** Stop once this many elements are kept; all when undefined. */
	limit?: number;
	/** Only the elements this accepts are returned and counted toward `limit` (a filter Callbell does not offer). */
	keep?: (element: IDataObject) => boolean;
	itemIndex?: number;
	/** What the user can do when the list passes its cap, given how many elements were kept (e.g. set a Limit). */
	adviceWhenCapped?: (kept: number) => string;
}

export interface ListPage {
	elements: IDataObject[];
	/** The next page; undefined at the end of the list. May lie past the paging's cap. */
	next?: PageToken;
}

interface PageMeta {
	pages?: unknown;
	next?: unknown;
}

function metaOf(response: unknown): PageMeta | undefined {
	const meta = (response as { meta?: unknown } | undefined)?.meta;
	return typeof meta === 'object' && meta !== null ? (meta as PageMeta) : undefined;
}

function pagesOf(meta: PageMeta | undefined): number | undefined {
	const pages = typeof meta?.pages === 'string' && meta.pages.trim() !== '' ? Number(meta.pages) : meta?.pages;
	return typeof pages === 'number' && !Number.isNaN(pages) ? pages : undefined;
}

/** ` [item 3]` after an error message, as n8n's own item errors read; nothing outside an item (pickers). */
export function itemSuffix(itemIndex: number | undefined): string {
	return itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
}

/** `page 2 of GET /teams`, `the page after a cursor of GET /contacts`, or `GET /funnels` (one answer). */
function describePage(request: ListRequest, token: PageToken): string {
	if (request.paging?.unpaged) return `GET ${request.path}`;
	return 'page' in token ? `page ${token.page} of GET ${request.path}` : `the page after a cursor of GET ${request.path}`;
}

function missingListError(this: CallbellContext, request: ListRequest, token: PageToken, readBefore: number) {
	const earlier = readBefore > 0 ? `, after ${readBefore} elements from the pages before it` : '';
	return new NodeOperationError(this.getNode(), `Callbell answered without a "${request.key}" list${itemSuffix(request.itemIndex)}`, {
		itemIndex: request.itemIndex,
		description: `The answer to ${describePage(request, token)} had no "${request.key}"${earlier}. Nothing was output, so that no partial list passes as complete.`,
	});
}

function nextPage(paging: ListPaging, token: PageToken, elements: IDataObject[], meta: PageMeta | undefined): PageToken | undefined {
	if (paging.followsCursor && typeof meta?.next === 'string' && meta.next !== '') return { after: meta.next };
	if ('after' in token || elements.length === 0) return undefined;
	const pages = pagesOf(meta);
	const more = pages !== undefined ? token.page < pages : paging.untilEmptyPage === true;
	return more ? { page: token.page + 1 } : undefined;
}

/**
 * One page of a list, and where the next one is. An answer without the list fails (the error says
 * which key it lacked and how many elements `readBefore` pages gave), so a missing list never
 * passes as an empty one.
 */
export async function requestListPage(
	this: CallbellContext,
	api: CallbellConnection,
	request: ListRequest,
	token: PageToken,
	readBefore = 0,
): Promise<ListPage> {
	const paging = request.paging ?? PAGE_NUMBERS;
	const qs: IDataObject = paging.unpaged ? { ...request.qs } : { ...request.qs, ...token };
	if (request.pageSize) qs[request.pageSize.param] = Math.min(request.limit ?? request.pageSize.max, request.pageSize.max);
	const response = await callbellApiRequest.call(this, api, { method: 'GET', path: request.path, qs, itemIndex: request.itemIndex });
	const list = (response as Record<string, unknown> | undefined)?.[request.key];
	if (!Array.isArray(list)) throw missingListError.call(this, request, token, readBefore);
	const elements = list as IDataObject[];
	return { elements, next: paging.unpaged ? undefined : nextPage(paging, token, elements, metaOf(response)) };
}

/** A page token as text for n8n's listSearch `paginationToken`. */
export function encodePageToken(token: PageToken | undefined): string | undefined {
	if (!token) return undefined;
	return 'after' in token ? `after:${token.after}` : `page:${token.page}`;
}

export function decodePageToken(text: string | undefined): PageToken | undefined {
	if (!text) return undefined;
	if (text.startsWith('after:')) return { after: text.slice(6) };
	const page = Number(text.startsWith('page:') ? text.slice(5) : NaN);
	return Number.isInteger(page) && page > 0 ? { page } : undefined;
}
