import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import type { StubAnswer, StubRequest } from '../../../../support/stubServer';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const alan = SEED.contacts.alan.uuid;
const unknown = '0123456789abcdef0123456789abcdef';
const awareness = SEED.funnels.awareness.uuid;
const interest = SEED.funnels.interest.uuid;

const funnelOf = (uuid: string) => (sandbox.get().getContact(uuid) as IDataObject).funnelId;
const calls = (requests: Array<{ method: string; path: string }>) => requests.map((request) => `${request.method} ${request.path}`);

function setFunnel(contact: string | IDataObject, funnelId: string) {
	return contactOperation('setFunnelStage', contact, { funnelId });
}

describe('Contact → Set Funnel Stage through n8n’s engine against the sandbox', () => {
	it('sends the documented PUT …/conversation/update_funnel { funnel_id } and outputs the contact', async () => {
		const result = await run(setFunnel(ada, awareness));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['PUT', `/contacts/${ada}/conversation/update_funnel`, { funnel_id: awareness }],
		]);
		expect(funnelOf(ada)).toBe(awareness);
		expect(pairs(result)).toEqual([[sandbox.get().getContact(ada), 0]]);
	});

	it('From List and By Phone, with the stage from each item', async () => {
		const result = await run(setFunnel(contactRef('={{ $json.phone }}', 'phone'), '={{ $json.stage }}'), [
			{ phone: '+44 7700 900003', stage: interest },
			{ phone: '+44 7700 900001', stage: awareness },
		]);
		expect(pairs(result).map(([contact, item]) => [contact.uuid, contact.funnelId, item])).toEqual([
			[alan, interest, 0],
			[ada, awareness, 1],
		]);
		const fromList = await run(setFunnel(contactRef(alan, 'list'), awareness));
		expect(fromList.output![0].json.funnelId).toBe(awareness);
	});

	it('passes on Callbell’s refusal of an unknown stage without trying the other form', async () => {
		const result = await run(setFunnel(ada, 'ffffffff-0000-4000-8000-000000000000'));
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Callbell says: .*funnel_id/);
		expect(calls(requestsTo(sandbox.get()))).toEqual([`PUT /contacts/${ada}/conversation/update_funnel`]);
	});

	it('for an unknown contact, checks the contact and stops with Callbell’s 404 (no retry)', async () => {
		const result = await run(setFunnel(unknown, awareness));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
		expect(calls(requestsTo(sandbox.get()))).toEqual([`PUT /contacts/${unknown}/conversation/update_funnel`, `GET /contacts/${unknown}`]);
	});

	it.each<[string, string, RegExp]>([
		['an empty stage from an expression', '={{ $json.missing }}', /^Funnel Stage is required \[item 0\]$/],
		['a stage id with a slash', '={{ "a/b" }}', /^Funnel Stage "a\/b" is not a valid Callbell ID \[item 0\]$/],
	])('refuses %s before any request', async (_case, funnelId, message) => {
		const result = await run(setFunnel(ada, funnelId));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [
			{ id: ada, stage: interest },
			{ id: unknown, stage: interest },
			{ id: alan, stage: '' },
			{ id: alan, stage: awareness },
		];
		const result = await run(setFunnel('={{ $json.id }}', '={{ $json.stage }}'), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.funnelId ?? json.httpCode ?? json.error, item])).toEqual([
			[interest, 0],
			['404', 1],
			['Funnel Stage is required [item 2]', 2],
			[awareness, 3],
		]);
	});
});

describe('Contact → Set Funnel Stage falls back to the snippet’s POST …/messages/update_funnel', () => {
	/** A proxy in front of the sandbox that answers the documented PUT itself. */
	async function proxyAnswering(answer: (request: StubRequest) => StubAnswer | undefined) {
		return await startStubServer({ target: sandbox.get().url, handle: answer });
	}
	const isPut = (request: StubRequest) => request.method === 'PUT' && request.path.endsWith('/conversation/update_funnel');

	it('when the PUT answers 404 but the contact exists (a route 404): GET the contact, then POST', async () => {
		const proxy = await proxyAnswering((request) => (isPut(request) ? { status: 404, body: { error: 'Not Found' } } : undefined));
		try {
			const result = await run(setFunnel(ada, awareness), [{}], { baseUrl: proxy.url });
			expect(result.error).toBeUndefined();
			expect(calls(proxy.requests)).toEqual([
				`PUT /contacts/${ada}/conversation/update_funnel`,
				`GET /contacts/${ada}`,
				`POST /contacts/${ada}/messages/update_funnel`,
			]);
			expect(proxy.requests[2].body).toEqual({ funnel_id: awareness });
			expect(funnelOf(ada)).toBe(awareness);
			expect(result.output![0].json).toMatchObject({ uuid: ada, funnelId: awareness });
		} finally {
			await proxy.close();
		}
	});

	it('when the PUT answers 405: POST at once', async () => {
		const proxy = await proxyAnswering((request) => (isPut(request) ? { status: 405, body: { error: 'Method Not Allowed' } } : undefined));
		try {
			const result = await run(setFunnel(alan, interest), [{}], { baseUrl: proxy.url });
			expect(result.error).toBeUndefined();
			expect(calls(proxy.requests)).toEqual([`PUT /contacts/${alan}/conversation/update_funnel`, `POST /contacts/${alan}/messages/update_funnel`]);
			expect(funnelOf(alan)).toBe(interest);
		} finally {
			await proxy.close();
		}
	});

	it('when both forms fail, reports the retry’s error and says both were tried', async () => {
		const proxy = await proxyAnswering((request) =>
			request.path.endsWith('/update_funnel') ? { status: request.method === 'PUT' ? 405 : 404, body: { error: 'Not Found' } } : undefined,
		);
		try {
			const result = await run(setFunnel(ada, awareness), [{}], { baseUrl: proxy.url });
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
			expect(result.error?.description).toBe(
				'Callbell says: Not Found (Tried PUT …/conversation/update_funnel, which answered 405, then POST …/messages/update_funnel.)',
			);
			expect(proxy.requests).toHaveLength(2);
		} finally {
			await proxy.close();
		}
	});

	it('does not fall back on other errors (e.g. a 500, with Max Retries 0)', async () => {
		const proxy = await proxyAnswering((request) => (isPut(request) ? { status: 500, body: { error: 'Internal Server Error' } } : undefined));
		try {
			const result = await run({ ...setFunnel(ada, awareness), options: { maxRetries: 0 } }, [{}], { baseUrl: proxy.url });
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe('500');
			expect(proxy.requests).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	it('under n8n’s Retry On Fail, a POST fallback whose answer was lost is not sent again, and the other item is not repeated', async () => {
		const proxy = await proxyAnswering((request) => (isPut(request) ? { status: 404, body: { error: 'Not Found' } } : undefined));
		sandbox.get().failNext(1, 'reset', { applied: true, when: { method: 'POST', path: `^/contacts/${ada}/messages/update_funnel$` } });
		try {
			const items = [{ uuid: ada }, { uuid: alan }];
			const parameters = setFunnel({ __rl: true, mode: 'id', value: '={{ $json.uuid }}' }, awareness);
			const result = await run({ ...parameters, options: { concurrency: 2 } }, items, { baseUrl: proxy.url, retry: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 } });
			expect(result.error?.message).toMatch(/^POST \/contacts\/[0-9a-f]{32}\/messages\/update_funnel may already have taken effect in Callbell, so it was not sent again; do not repeat it before checking Callbell \(/);
			const posts = proxy.requests.filter((request) => request.method === 'POST').map((request) => request.path);
			expect(posts.sort()).toEqual([`/contacts/${ada}/messages/update_funnel`, `/contacts/${alan}/messages/update_funnel`].sort());
			expect([funnelOf(ada), funnelOf(alan)]).toEqual([awareness, awareness]);
		} finally {
			await proxy.close();
		}
	});
});
