import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { contactLabel, contactMatches } from '../actions/contact/helpers/contactLabels';
import { decodePageToken, encodePageToken, requestContactsPage, type ContactsPage, type ContactsPageToken } from '../transport/pagination';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

/** While filtering, read up to this many pages per call to find enough matches. */
const PAGES_PER_SEARCH = 5;
const ENOUGH_MATCHES = 20;

/**
 * The Contact picker: `GET /contacts` page by page (Callbell's cursor when it gives one),
 * filtered by name or phone. Callbell has no search endpoint, so the filter is applied here.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const results: INodeListSearchItems[] = [];
	let token: ContactsPageToken | undefined = decodePageToken(paginationToken) ?? { page: 1 };
	for (let read = 0; token && read < PAGES_PER_SEARCH && results.length < ENOUGH_MATCHES; read++) {
		const page: ContactsPage = await requestContactsPage.call(this, api, {}, token);
		for (const contact of page.contacts) {
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
