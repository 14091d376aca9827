import type { IDataObject } from 'n8n-workflow';

import { callListSearch } from '../../../harness/loadOptions';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { findSecret } from '../../../harness/secrets';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const credentials = () => ({ apiToken: SEED.token, baseUrl: sandbox.get().url });

/** The sandbox's contacts in list order (most recent conversation first). */
function listOrder(): IDataObject[] {
	const records = [...sandbox.get().state.contacts.values()] as unknown as Array<{ uuid: string; lastMessageAt: string }>;
	return records
		.sort((a, b) => (a.lastMessageAt !== b.lastMessageAt ? (a.lastMessageAt < b.lastMessageAt ? 1 : -1) : a.uuid < b.uuid ? -1 : 1))
		.map((record) => sandbox.get().getContact(record.uuid) as IDataObject);
}

describe('searchContacts (the Contact picker) as n8n’s editor calls it', () => {
	it('without a filter, lists the first page with a label, the uuid and the dashboard link', async () => {
		const result = await callListSearch('searchContacts', credentials());
		const first20 = listOrder().slice(0, 20);
		expect(result.results.map((item) => item.value)).toEqual(first20.map((contact) => contact.uuid));
		expect(result.results[0]).toEqual({
			name: 'Ada Lovelace · +44 7700 900001 · WhatsApp',
			value: SEED.contacts.ada.uuid,
			url: `https://dash.callbell.eu/contacts/${SEED.contacts.ada.uuid}`,
		});
		expect(result.paginationToken).toMatch(/^after:[A-Za-z0-9_-]+$/);
		const requests = requestsTo(sandbox.get());
		expect(requests.map((request) => [request.method, request.path, request.query])).toEqual([['GET', '/contacts', { page: '1' }]]);
		expect(requests[0].authorized).toBe(true);
	});

	it('round-trips the pagination token: each call continues where the last one stopped', async () => {
		const pages: unknown[][] = [];
		let token: string | undefined;
		do {
			const result = await callListSearch('searchContacts', credentials(), undefined, token);
			pages.push(result.results.map((item) => item.value));
			token = result.paginationToken as string | undefined;
		} while (token && pages.length < 10);
		expect(pages.map((page) => page.length)).toEqual([20, 20, 20]);
		expect(pages.flat()).toEqual(listOrder().map((contact) => contact.uuid));
		const queries = requestsTo(sandbox.get()).map((request) => Object.keys(request.query));
		expect(queries).toEqual([['page'], ['after'], ['after']]);
	});

	it('filters by name, case-insensitively, reading further pages for matches', async () => {
		const result = await callListSearch('searchContacts', credentials(), 'an');
		const expected = listOrder().filter((contact) => typeof contact.name === 'string' && contact.name.toLowerCase().includes('an'));
		expect(expected.length).toBeGreaterThan(0);
		expect(result.results.map((item) => item.value)).toEqual(expected.slice(0, result.results.length).map((contact) => contact.uuid));
		expect(result.results.length).toBeGreaterThanOrEqual(Math.min(20, expected.length));
		expect(requestsTo(sandbox.get()).length).toBeGreaterThan(1);
	});

	it('filters by phone digits, whatever the formatting', async () => {
		const result = await callListSearch('searchContacts', credentials(), '7700-900-001');
		expect(result.results.map((item) => item.value)).toEqual([SEED.contacts.ada.uuid]);
		expect(result.paginationToken).toBeUndefined();
		expect(requestsTo(sandbox.get())).toHaveLength(3);
	});

	it('finds nothing for a filter that matches no contact, after reading every page', async () => {
		const result = await callListSearch('searchContacts', credentials(), 'Nobody Such');
		expect(result).toEqual({ results: [], paginationToken: undefined });
	});

	it('uses page-number tokens when Callbell gives no cursor', async () => {
		const contact = (n: number) => ({ uuid: `c${n}`, name: `Contact ${n}`, phoneNumber: null, source: 'instagram' });
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { contacts: [contact(page * 2 - 1), contact(page * 2)], meta: { page, pages: 2 } } };
			},
		});
		try {
			const first = await callListSearch('searchContacts', { apiToken: 'x', baseUrl: stub.url });
			expect(first).toEqual({
				results: [
					{ name: 'Contact 1 · Instagram', value: 'c1', url: undefined },
					{ name: 'Contact 2 · Instagram', value: 'c2', url: undefined },
				],
				paginationToken: 'page:2',
			});
			const second = await callListSearch('searchContacts', { apiToken: 'x', baseUrl: stub.url }, undefined, first.paginationToken as string);
			expect(second.results.map((item) => item.value)).toEqual(['c3', 'c4']);
			expect(second.paginationToken).toBeUndefined();
			expect(stub.requests.map((request) => request.query)).toEqual([{ page: '1' }, { page: '2' }]);
		} finally {
			await stub.close();
		}
	});

	it('reports a wrong token as a credential problem, without the token in what the editor shows', async () => {
		const error = await callListSearch('searchContacts', { apiToken: 'wrong-token', baseUrl: sandbox.get().url }).catch((caught: unknown) => caught);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			description: expect.stringMatching(/Check the API Token in the Callbell credential/),
		});
		// Anywhere on the error, its cause included: the HTTP client keeps the request's headers
		// deep inside it (e.g. cause.request._redirectable._options.headers), and they are redacted.
		expect(findSecret(error, 'wrong-token')).toEqual([]);
	});
});

describe('searchContacts at Callbell’s 500-page cap', () => {
	const stubs: Array<{ close: () => Promise<void> }> = [];
	afterEach(async () => {
		await Promise.all(stubs.splice(0).map(async (stub) => await stub.close()));
	});

	async function sixHundredPages() {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { contacts: [{ uuid: `c${page}`, name: `Contact ${page}`, source: 'instagram' }], meta: { page, pages: 600 } } };
			},
		});
		stubs.push(stub);
		return stub;
	}

	it('shows page 500, then fails with Callbell’s cap instead of ending the list silently', async () => {
		const stub = await sixHundredPages();
		const last = await callListSearch('searchContacts', { apiToken: 'x', baseUrl: stub.url }, undefined, 'page:500');
		expect(last.results.map((item) => item.value)).toEqual(['c500']);
		expect(last.paginationToken).toBe('page:501');
		await expect(callListSearch('searchContacts', { apiToken: 'x', baseUrl: stub.url }, undefined, last.paginationToken as string)).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Callbell lists at most 500 pages of contacts; there are more contacts than that',
			description: "The list above holds the contacts of Callbell's first 500 pages. Enter a contact further down By ID, By Phone or By BSUID.",
		});
		expect(stub.requests.map((request) => request.query.page)).toEqual(['500']);
	});

	it('a search stops reading at the cap and keeps what it found', async () => {
		const stub = await sixHundredPages();
		const result = await callListSearch('searchContacts', { apiToken: 'x', baseUrl: stub.url }, 'Contact 499', 'page:498');
		expect(result).toEqual({ results: [{ name: 'Contact 499 · Instagram', value: 'c499', url: undefined }], paginationToken: 'page:501' });
		expect(stub.requests.map((request) => request.query.page)).toEqual(['498', '499', '500']);
	});
});
