import type { IDataObject } from 'n8n-workflow';

import { useSandbox, requestsTo, SEED } from '../../harness/sandbox';
import { lifecycle, WEBHOOK_ID } from '../../harness/trigger';
import type { TriggerSetup } from '../../harness/trigger';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStubServer } = require('../../support/stubServer');

const sandbox = useSandbox();

/** Stands in for n8n's own webhook server: the production URL answers 200 {"status":"ok"} while "published". */
let n8n: { url: string; requests: Array<{ method: string; path: string }>; close: () => Promise<void> };
let published = false;
let probeAnswer: number | undefined;
beforeAll(async () => {
	n8n = await startStubServer({
		handle: (request: { method: string; path: string }) => {
			if (request.method !== 'GET' || !request.path.startsWith('/webhook/')) return undefined;
			if (probeAnswer !== undefined) return { status: probeAnswer, body: { message: 'proxy error' } };
			return published ? { status: 200, body: { status: 'ok' } } : undefined; // undefined → 404, as n8n answers
		},
	});
});
afterAll(async () => await n8n.close());
beforeEach(() => {
	published = false;
	probeAnswer = undefined;
	n8n.requests.length = 0;
});

function setup(parameters: IDataObject = {}): TriggerSetup {
	return {
		parameters: { registration: 'automatic', events: ['message_created', 'contact_updated'], ...parameters },
		credentials: { apiToken: SEED.token, baseUrl: sandbox.get().url },
		n8nBaseUrl: n8n.url, // ends in /v1: the stub strips it
		staticData: {},
	};
}

const production = () => `${n8n.url}/webhook/${WEBHOOK_ID}/callbell`;
const testUrl = () => `${n8n.url}/webhook-test/${WEBHOOK_ID}/callbell`;

describe('Automatic', () => {
	test('activation subscribes the production URL with the chosen events; deactivation unsubscribes', async () => {
		const s = setup();
		expect((await lifecycle(s, 'checkExists')).result).toBe(false); // Callbell cannot be read: always (re)subscribe
		const created = await lifecycle(s, 'create');
		expect(created.result).toBe(true);
		expect(created.url).toBe(production());
		expect(sandbox.get().webhook).toMatchObject({ url: production(), subscriptions: ['message_created', 'contact_updated'], enabled: true });
		expect(n8n.requests).toHaveLength(0); // production never probes
		expect((await lifecycle(s, 'delete')).result).toBe(true);
		expect(sandbox.get().webhook).toBeNull();
		expect(requestsTo(sandbox.get()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /webhooks/subscribe 200',
			'DELETE /webhooks/unsubscribe 200',
		]);
	});

	test('no events chosen: activation fails with a clear error and sends nothing', async () => {
		await expect(lifecycle(setup({ events: [] }), 'create')).rejects.toThrow('Choose at least one event');
		expect(requestsTo(sandbox.get())).toHaveLength(0);
	});

	test('a wrong token fails the activation with the credential hint', async () => {
		const s = { ...setup(), credentials: { apiToken: 'wrong', baseUrl: sandbox.get().url } };
		await expect(lifecycle(s, 'create')).rejects.toMatchObject({ description: expect.stringContaining('Check the API Token') });
	});
});

describe('Automatic: a test listen never breaks production', () => {
	test('while the production webhook is live, the test listen is refused and Callbell is not touched', async () => {
		const prod = setup();
		await lifecycle(prod, 'create');
		published = true;
		const testRun = setup(); // test hooks get empty static data
		await expect(lifecycle(testRun, 'create', { isTest: true })).rejects.toThrow(/This workflow is published/);
		// n8n calls delete after a failed create: it must not unsubscribe production either
		expect((await lifecycle(testRun, 'delete', { isTest: true })).result).toBe(true);
		expect(sandbox.get().webhook).toMatchObject({ url: production(), enabled: true });
		expect(n8n.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /webhook/${WEBHOOK_ID}/callbell`]);
		expect(requestsTo(sandbox.get()).map((r) => r.path)).toEqual(['/webhooks/subscribe']);
	});

	test('the refusal says what to do', async () => {
		published = true;
		await expect(lifecycle(setup(), 'create', { isTest: true })).rejects.toMatchObject({
			description: expect.stringMatching(/Production keeps receiving events.*unpublish the workflow.*Registration to Manual/s),
		});
	});

	test('unpublished: the test URL is subscribed, and the test listen’s end unsubscribes it', async () => {
		const testRun = setup();
		const created = await lifecycle(testRun, 'create', { isTest: true });
		expect(created.url).toBe(testUrl());
		expect(sandbox.get().webhook).toMatchObject({ url: testUrl() });
		await lifecycle(testRun, 'delete', { isTest: true });
		expect(sandbox.get().webhook).toBeNull();
	});

	test('published while a test listened: the test’s end leaves the production subscription alone', async () => {
		const testRun = setup();
		await lifecycle(testRun, 'create', { isTest: true });
		await lifecycle(setup(), 'create'); // the workflow gets published meanwhile
		published = true;
		await lifecycle(testRun, 'delete', { isTest: true });
		expect(sandbox.get().webhook).toMatchObject({ url: production() });
	});

	test('production state unknown (the probe gets a 502): refused, nothing sent', async () => {
		probeAnswer = 502;
		await expect(lifecycle(setup(), 'create', { isTest: true })).rejects.toThrow(/Could not check/);
		expect(requestsTo(sandbox.get())).toHaveLength(0);
	});
});

describe('Manual', () => {
	test('lifecycle methods never call Callbell, in production or test', async () => {
		const s = setup({ registration: 'manual' });
		for (const isTest of [false, true]) {
			await lifecycle(s, 'checkExists', { isTest });
			expect((await lifecycle(s, 'create', { isTest })).result).toBe(true);
			expect((await lifecycle(s, 'delete', { isTest })).result).toBe(true);
		}
		expect(requestsTo(sandbox.get())).toHaveLength(0);
		expect(n8n.requests).toHaveLength(0);
		expect(sandbox.get().webhook).toBeNull();
	});
});
