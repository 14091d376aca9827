import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallbellConnection } from './request';
import { callbellApiRequest } from './request';

type CallbellContext = IExecuteFunctions | ILoadOptionsFunctions;

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

export function encodePageToken(token: ContactsPageToken | undefined): string | undefined {
	if (!token) return undefined;
	return 'after' in token ? `after:${token.after}` : `page:${token.page}`;
}

export function decodePageToken(text: string | undefined): ContactsPageToken | undefined {
	if (!text) return undefined;
	if (text.startsWith('after:')) return { after: text.slice(6) };
	const page = Number(text.startsWith('page:') ? text.slice(5) : NaN);
	return Number.isInteger(page) && page > 0 ? { page } : undefined;
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

/** List operations read at most this many pages, then fail rather than output a partial list. */
export const LIST_PAGE_CAP = 1000;

export interface ListRequest {
	path: string;
	/** The answer's list key, e.g. `teams`. */
	key: string;
	qs?: IDataObject;
	/** Stop once this many elements are read; all when undefined. */
	limit?: number;
	itemIndex?: number;
	/** A page-size parameter (only `GET /webhooks/events` has one: `items`) and its largest value. */
	pageSize?: { param: string; max: number };
}

function listError(this: CallbellContext, message: string, itemIndex: number | undefined, description: string) {
	const suffix = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	return new NodeOperationError(this.getNode(), `${message}${suffix}`, { itemIndex, description });
}

/**
 * The elements of a page-numbered list (`?page=`, `meta.pages`), up to `limit`. A list without
 * `meta` is one page (e.g. funnels). An answer without the list, or more than LIST_PAGE_CAP pages,
 * fails the item: a partial list never passes as complete.
 */
export async function requestList(this: CallbellContext, api: CallbellConnection, request: ListRequest): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	const size = request.pageSize ? Math.min(request.limit ?? request.pageSize.max, request.pageSize.max) : undefined;
	for (let page = 1; ; page++) {
		const qs: IDataObject = { ...request.qs, page };
		if (request.pageSize && size !== undefined) qs[request.pageSize.param] = size;
		const response = await callbellApiRequest.call(this, api, { method: 'GET', path: request.path, qs, itemIndex: request.itemIndex });
		const list = (response as Record<string, unknown> | undefined)?.[request.key];
		if (!Array.isArray(list)) {
			throw listError.call(this, `Callbell answered without a "${request.key}" list`, request.itemIndex, 'Nothing was output.');
		}
		all.push(...(list as IDataObject[]));
		if (request.limit !== undefined && all.length >= request.limit) return all.slice(0, request.limit);
		const pages = metaOf(response)?.pages;
		if (list.length === 0 || pages === undefined || page >= pages) return all;
		if (page >= LIST_PAGE_CAP) {
			throw listError.call(
				this,
				`Callbell's list has more than ${LIST_PAGE_CAP} pages`,
				request.itemIndex,
				`Stopped after ${all.length} elements and output none of them, so that no partial list passes as complete. Turn off Return All and set a Limit.`,
			);
		}
	}
}
