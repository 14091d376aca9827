import type { IDataObject } from 'n8n-workflow';

import { contactOperation, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

function getAll(extra: IDataObject = {}) {
	return contactOperation('getAll', undefined, extra);
}

/** The sandbox's contacts in list order (most recent conversation first), as uuids. */
function listOrder(filter: (contact: IDataObject) => boolean = () => true): string[] {
	const contacts = [...sandbox.get().state.contacts.values()] as unknown as Array<{ uuid: string; lastMessageAt: string }>;
	return contacts
		.sort((a, b) => (a.lastMessageAt !== b.lastMessageAt ? (a.lastMessageAt < b.lastMessageAt ? 1 : -1) : a.uuid < b.uuid ? -1 : 1))
		.map((contact) => sandbox.get().getContact(contact.uuid) as IDataObject)
		.filter(filter)
		.map((contact) => contact.uuid as string);
}

const uuids = (output: Array<[IDataObject, number | undefined]>) => output.map(([contact]) => contact.uuid);

/** A fake contact for stub servers. */
const fakeContact = (n: number) => ({ uuid: `c${String(n).padStart(31, '0')}`, name: `Contact ${n}`, source: 'whatsapp' });
const fakePage = (page: number, size = 20) => Array.from({ length: size }, (_, k) => fakeContact((page - 1) * size + k + 1));

describe('Contact → Get Many through n8n’s engine against the sandbox (cursor pagination)', () => {
	it('Return All reads every page by cursor and outputs one item per contact, all paired to the input', async () => {
		const result = await run(getAll({ returnAll: true }));
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		expect(output).toHaveLength(SEED.contactCount);
		expect(uuids(output)).toEqual(listOrder());
		expect(new Set(output.map(([, item]) => item))).toEqual(new Set([0]));
		const queries = requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query]);
		expect(queries).toHaveLength(3);
		expect(queries[0]).toEqual(['GET', '/contacts', { page: '1' }]);
		for (const [, path, query] of queries.slice(1)) {
			expect(path).toBe('/contacts');
			expect(Object.keys(query as IDataObject)).toEqual(['after']);
		}
		expect(output[0][0]).toEqual(sandbox.get().getContact(SEED.contacts.ada.uuid));
	});

	it('Limit defaults to 50: three pages, cut to 50', async () => {
		const result = await run(getAll());
		expect(uuids(pairs(result))).toEqual(listOrder().slice(0, 50));
		expect(requestsTo(sandbox.get())).toHaveLength(3);
	});

	it('a Limit smaller than a page reads one page', async () => {
		const result = await run(getAll({ limit: 5 }));
		expect(uuids(pairs(result))).toEqual(listOrder().slice(0, 5));
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});

	it('a Limit spanning pages reads just enough pages', async () => {
		const result = await run(getAll({ limit: 25 }));
		expect(uuids(pairs(result))).toEqual(listOrder().slice(0, 25));
		expect(requestsTo(sandbox.get())).toHaveLength(2);
	});

	it('filters by tags (a comma-separated text) and resends the filter with every page', async () => {
		const result = await run(getAll({ returnAll: true, filters: { tags: 'vip' } }));
		const expected = listOrder((contact) => (contact.tags as string[]).includes('VIP'));
		expect(expected.length).toBeGreaterThan(0);
		expect(uuids(pairs(result))).toEqual(expected);
		for (const request of requestsTo(sandbox.get())) expect(request.query.tags).toBe('vip');
	});

	it('filters by tags from an expression returning a list (all tags must match)', async () => {
		const result = await run(getAll({ returnAll: true, filters: { tags: '={{ ["Customer", "VIP"] }}' } }));
		expect(requestsTo(sandbox.get())[0].query).toEqual({ page: '1', tags: 'Customer,VIP' });
		expect(uuids(pairs(result))).toEqual(listOrder((c) => ['Customer', 'VIP'].every((tag) => (c.tags as string[]).includes(tag))));
	});

	it('filters by source across two cursor pages', async () => {
		const result = await run(getAll({ returnAll: true, filters: { source: 'whatsapp' } }));
		const expected = listOrder((contact) => contact.source === 'whatsapp');
		expect(expected.length).toBeGreaterThan(20);
		expect(uuids(pairs(result))).toEqual(expected);
		const requests = requestsTo(sandbox.get());
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({ page: '1', source: 'whatsapp' });
		expect(requests[1].query).toEqual({ source: 'whatsapp', after: expect.any(String) });
	});

	it('filters by team and adds field types', async () => {
		const support = SEED.teams.support.uuid;
		const result = await run(getAll({ returnAll: true, filters: { teamUuid: support, includeFieldTypes: true } }));
		expect(requestsTo(sandbox.get())[0].query).toEqual({ page: '1', team_uuid: support, include_field_types: 'true' });
		const output = pairs(result);
		expect(uuids(output)).toEqual(listOrder((contact) => (contact.team as IDataObject).uuid === support));
		for (const [contact] of output) expect(contact.customFieldsMetadata).toBeDefined();
	});

	it('runs once per input item, each item’s contacts paired to it', async () => {
		const result = await run(getAll({ limit: '={{ $json.limit }}', filters: { source: '={{ $json.source }}' } }), [
			{ limit: 2, source: 'instagram' },
			{ limit: 3, source: 'telegram' },
		]);
		expect(pairs(result).map(([contact, item]) => [contact.source, item])).toEqual([
			['instagram', 0],
			['instagram', 0],
			['telegram', 1],
			['telegram', 1],
			['telegram', 1],
		]);
	});

	it('outputs nothing for an item whose filters match no contact', async () => {
		const result = await run(getAll({ returnAll: true, filters: { source: 'facebook', tags: 'VIP, Customer' } }));
		expect(listOrder((c) => c.source === 'facebook' && ['VIP', 'Customer'].every((tag) => (c.tags as string[]).includes(tag)))).toEqual([]);
		expect(result.error).toBeUndefined();
		expect(result.output ?? []).toEqual([]);
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});

	it.each<[string, IDataObject, RegExp]>([
		['a Limit of 0', { limit: '={{ 0 }}' }, /^Limit must be a whole number of at least 1, got number 0 \[item 0\]$/],
		['a team id with a slash', { filters: { teamUuid: '={{ "a/b" }}' } }, /^Team "a\/b" is not a valid Callbell ID \[item 0\]$/],
		['a source that is not one', { filters: { source: '={{ "e mail" }}' } }, /^Source "e mail" is not a Callbell source \[item 0\]$/],
	])('refuses %s before any request', async (_case, extra, message) => {
		const result = await run(getAll(extra));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('reports a page that fails (500) after the first one and outputs none of that item’s contacts', async () => {
		const sb = sandbox.get();
		const proxy = await startStubServer({
			target: sb.url,
			handle: (request) => (request.query.after ? { status: 500, body: { error: 'Internal Server Error' } } : undefined),
		});
		try {
			const result = await run(getAll({ returnAll: true, options: { maxRetries: 0 } }), [{}], { baseUrl: proxy.url });
			expect(result.output).toBeUndefined();
			expect(result.error?.name).toBe('NodeApiError');
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('500');
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(proxy.requests.map((request) => Object.keys(request.query))).toEqual([['page'], ['after']]);
		} finally {
			await proxy.close();
		}
	});

	it('with Continue On Fail, a failed item yields one error item and the others their contacts', async () => {
		const items = [{ limit: 2 }, { limit: 'many' }, { limit: 30 }];
		const result = await run(getAll({ limit: '={{ $json.limit }}' }), items, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		expect(output.map(([, item]) => item)).toEqual([0, 0, 1, ...Array(30).fill(2)]);
		expect(output[2][0]).toEqual({ error: 'Limit must be a whole number of at least 1, got "many" [item 1]' });
		expect(uuids(output.filter(([, item]) => item === 2))).toEqual(listOrder().slice(0, 30));
	});

	it('with Continue On Fail, an API error yields one error item for its input', async () => {
		sandbox.get().failNext(1, '500');
		const options = { maxRetries: 0, concurrency: 1 };
		const result = await run(getAll({ limit: '={{ $json.limit }}', options }), [{ limit: 30 }, { limit: 1 }], { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.httpCode ?? json.uuid, item])).toEqual([
			['500', 0],
			[listOrder()[0], 1],
		]);
	});
});

describe('Contact → Get Many against a stub server (page numbers, the 500-page cap)', () => {
	const stubs: Array<{ close: () => Promise<void> }> = [];
	afterEach(async () => {
		await Promise.all(stubs.splice(0).map(async (stub) => await stub.close()));
	});

	async function stub(answer: (page: number, query: Record<string, string>) => { status?: number; body?: unknown }) {
		const server = await startStubServer({
			handle: (request) => (request.path === '/contacts' ? answer(Number(request.query.page), request.query) : undefined),
		});
		stubs.push(server);
		return server;
	}

	it('follows page numbers when Callbell gives meta.pages but no cursor', async () => {
		const server = await stub((page) => ({ body: { contacts: fakePage(page), meta: { page, pages: 3 } } }));
		const result = await run(getAll({ returnAll: true, filters: { tags: 'Lead' } }), [{}], { baseUrl: server.url });
		expect(result.error).toBeUndefined();
		expect(uuids(pairs(result))).toEqual([1, 2, 3].flatMap((page) => fakePage(page).map((contact) => contact.uuid)));
		expect(server.requests.map((request) => request.query)).toEqual([
			{ tags: 'Lead', page: '1' },
			{ tags: 'Lead', page: '2' },
			{ tags: 'Lead', page: '3' },
		]);
	});

	it('without any meta, reads page numbers until an empty page', async () => {
		const server = await stub((page) => ({ body: { contacts: page <= 2 ? fakePage(page, 7) : [] } }));
		const result = await run(getAll({ returnAll: true }), [{}], { baseUrl: server.url });
		expect(result.output).toHaveLength(14);
		expect(server.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
	});

	it('with a Limit, stops at the page that completes it', async () => {
		const server = await stub((page) => ({ body: { contacts: fakePage(page), meta: { page, pages: 9 } } }));
		const result = await run(getAll({ limit: 45 }), [{}], { baseUrl: server.url });
		expect(result.output).toHaveLength(45);
		expect(server.requests).toHaveLength(3);
	});

	it('Return All stops cleanly at Callbell’s 500-page cap (meta.pages > 500) and outputs no partial list', async () => {
		const server = await stub((page) => ({ body: { contacts: fakePage(page), meta: { page, pages: 600 } } }));
		const result = await run(getAll({ returnAll: true }), [{}], { baseUrl: server.url });
		expect(server.requests).toHaveLength(500);
		expect(server.requests.at(-1)?.query.page).toBe('500');
		expect(result.output).toBeUndefined();
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Callbell lists at most 500 pages of contacts; there are more contacts than that [item 0]');
		expect(result.error?.description).toMatch(/^Stopped after reading 10000 contacts and output none of them.*Narrow the list with Filters \(Source, Tags, Team\), or turn off Return All and set a Limit of at most 10000\.$/);
	});

	it('a Limit within the cap is served even when there are more than 500 pages', async () => {
		const server = await stub((page) => ({ body: { contacts: fakePage(page), meta: { page, pages: 600 } } }));
		const result = await run(getAll({ limit: 30 }), [{}], { baseUrl: server.url });
		expect(result.output).toHaveLength(30);
		expect(server.requests).toHaveLength(2);
	});

	it('turns Callbell’s 400 "Pagination limit exceeded" into the same clear error', async () => {
		const server = await stub((page) =>
			page >= 3 ? { status: 400, body: { error: 'Pagination limit exceeded' } } : { body: { contacts: fakePage(page) } },
		);
		const result = await run(getAll({ returnAll: true }), [{}], { baseUrl: server.url });
		expect(result.error?.message).toBe('Callbell lists at most 500 pages of contacts; there are more contacts than that [item 0]');
		expect(result.error?.description).toMatch(/Stopped after reading 40 contacts.*Limit of at most 40\.$/);
	});

	it('with Continue On Fail, the capped item yields one error item; the other item its contacts', async () => {
		const server = await stub((page, query) =>
			query.tags === 'small' ? { body: { contacts: page === 1 ? fakePage(1, 2) : [] } } : { status: 400, body: { error: 'Pagination limit exceeded' } },
		);
		const result = await run(getAll({ returnAll: true, filters: { tags: '={{ $json.tags }}' } }), [{ tags: 'big' }, { tags: 'small' }], {
			baseUrl: server.url,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(pairs(result).map(([json, item]) => [json.uuid ?? json.error, item])).toEqual([
			['Callbell lists at most 500 pages of contacts; there are more contacts than that [item 0]', 0],
			[fakeContact(1).uuid, 1],
			[fakeContact(2).uuid, 1],
		]);
	});

	it('passes other 400s on (e.g. an invalid cursor)', async () => {
		const server = await stub(() => ({ status: 400, body: { error: 'Invalid pagination cursor' } }));
		const result = await run(getAll({ returnAll: true }), [{}], { baseUrl: server.url });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toBe('Callbell says: Invalid pagination cursor');
	});

	it('stops when Callbell repeats a cursor instead of looping', async () => {
		const server = await stub(() => ({ body: { contacts: fakePage(1, 2), meta: { next: 'same' } } }));
		const result = await run(getAll({ returnAll: true }), [{}], { baseUrl: server.url });
		expect(result.error?.message).toBe('Callbell returned the same page cursor twice [item 0]');
		expect(server.requests).toHaveLength(2);
	});
});
