import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contactLabel, contactMatches } from '../actions/contact/helpers/contactLabels';
import type { ListPage, ListRequest, PageToken } from '../transport/listPage';
import { CONTACT_PAGES, decodePageToken, encodePageToken, requestListPage } from '../transport/listPage';
import { capMessage } from '../transport/pagination';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

/** While filtering, read up to this many pages per call to find enough matches. */
const PAGES_PER_SEARCH = 5;
const ENOUGH_MATCHES = 20;

const CONTACTS: ListRequest = { path: '/contacts', key: 'contacts', paging: CONTACT_PAGES };

const pastCallbellsCap = (token: PageToken) => 'page' in token && token.page > CONTACT_PAGES.cap;

/**
 * The Contact picker: `GET /contacts` page by page (Callbell's cursor when it gives one), filtered
 * by name or phone. Callbell has no search endpoint, so the filter is applied here. Scrolling past
 * Callbell's 500 pages by number fails with Callbell's cap rather than ending the list silently.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let token: PageToken | undefined = decodePageToken(paginationToken) ?? { page: 1 };
	if (pastCallbellsCap(token)) {
		throw new NodeOperationError(this.getNode(), capMessage(CONTACTS), {
			description: `The list above holds the contacts of Callbell's first ${CONTACT_PAGES.cap} pages. Enter a contact further down By ID, By Phone or By BSUID.`,
		});
	}
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const results: INodeListSearchItems[] = [];
	for (let read = 0; token && !pastCallbellsCap(token) && read < PAGES_PER_SEARCH && results.length < ENOUGH_MATCHES; read++) {
		const page: ListPage = await requestListPage.call(this, api, CONTACTS, token);
		for (const contact of page.elements) {
			if (typeof contact.uuid !== 'string' || !contactMatches(contact, filter)) continue;
			results.push({
				name: contactLabel(contact),
				value: contact.uuid,
				url: typeof contact.href === 'string' ? contact.href : undefined,
			});
		}
		token = page.next;
		if (!filter) break;
	}
	return { results, paginationToken: encodePageToken(token) };
}
