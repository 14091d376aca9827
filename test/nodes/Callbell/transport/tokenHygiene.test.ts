import { randomBytes } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { contactRef } from '../../../harness/contact';
import type { RunResult } from '../../../harness/engine';
import { runCallbellNode } from '../../../harness/engine';
import type { Sandbox } from '../../../harness/sandbox';
import { SEED } from '../../../harness/sandbox';
import { findSecret } from '../../../harness/secrets';
import { createSandbox } from '../../../sandbox';
import { inspectEverything, logThroughEveryChannel, startLogCapture } from '../../../support/logCapture';
import type { StubRequest } from '../../../support/stubServer';
import { startStubServer } from '../../../support/stubServer';

/**
 * In failing runs the API key appears nowhere: not in the output items, the execution error
 * (message, description, context, cause, stack), the run data, or anything logged through
 * n8n's loggers, console or stdout/stderr. Each failure is run with and without Continue On Fail.
 */

// Recognisable, per-run values standing in for API keys.
const sentKey = `hygiene-${randomBytes(12).toString('hex')}`;
const wrongKey = `hygiene-wrong-${randomBytes(12).toString('hex')}`;
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await createSandbox({ port: 0, token: sentKey });
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.close());

/** Update one contact; no retries, so that failures surface at once. */
const renameAda = {
	resource: 'contact',
	operation: 'update',
	contact: contactRef(ada),
	updateFields: { name: 'Hygiene' },
	options: { maxRetries: 0, timeout: 2000 }, // roomy: a loaded machine answers a normal request in well over 300 ms
} as INodeParameters;

interface Captured {
	result: RunResult;
	logs: unknown[];
}

/** Runs the node with every log channel captured; checks that the capture stayed in place throughout. */
async function runCaptured(parameters: INodeParameters, items: IDataObject[], apiToken: string, baseUrl: string, continueOnFail: boolean): Promise<Captured> {
	const capture = startLogCapture();
	let result: RunResult;
	const probe = `probe-${randomBytes(6).toString('hex')}`;
	let probed: string[];
	try {
		result = await runCallbellNode({ parameters, items, continueOnFail, credentials: { apiToken, baseUrl } });
		probed = logThroughEveryChannel(probe);
	} finally {
		capture.stop();
	}
	for (const source of probed) {
		expect(capture.records.some((record) => record.source === source && inspectEverything(record.args).includes(probe))).toBe(true);
	}
	// n8n logged the run itself through the captured LoggerProxy.
	expect(capture.records.some((record) => record.source.startsWith('LoggerProxy') && !inspectEverything(record.args).includes(probe))).toBe(true);
	return { result, logs: capture.records };
}

function expectNowhere(captured: Captured, secret: string): void {
	const everything = { output: captured.result.output, error: captured.result.error, run: captured.result.run, logs: captured.logs };
	expect(findSecret(everything, secret)).toEqual([]);
	expect(inspectEverything(everything)).not.toContain(secret);
	expect(JSON.stringify(captured.result.run?.data ?? null)).not.toContain(secret);
}

/** The failure, as an error item (Continue On Fail) or as the run's error. */
function failureOf({ result }: Captured, continueOnFail: boolean, itemIndex = 0): IDataObject {
	if (continueOnFail) {
		expect(result.error).toBeUndefined();
		const item = result.output?.[itemIndex];
		expect(item?.pairedItem).toEqual({ item: itemIndex });
		return item?.json ?? {};
	}
	expect(result.output).toBeUndefined();
	const error = result.error as unknown as IDataObject | undefined;
	return { error: error?.message, description: error?.description, httpCode: error?.httpCode };
}

const authorizationOf = (request: StubRequest | undefined) => request?.headers.authorization;

describe.each([
	['with Continue On Fail', true],
	['without Continue On Fail', false],
])('The API key appears nowhere in a failing run, %s', (_mode, continueOnFail) => {
	it('401: the wrong key that was sent is not echoed anywhere', async () => {
		const proxy = await startStubServer({ target: sandbox.url });
		try {
			const captured = await runCaptured(renameAda, [{}], wrongKey, proxy.url, continueOnFail);
			expect(failureOf(captured, continueOnFail)).toMatchObject({ httpCode: '401', error: expect.stringMatching(/Authorization failed/) });
			// n8n's helper may send a request again after a 401; every one carried the wrong key.
			expect(proxy.requests.length).toBeGreaterThan(0);
			expect(new Set(proxy.requests.map(authorizationOf))).toEqual(new Set([`Bearer ${wrongKey}`]));
			expect(new Set(sandbox.requests.map((request) => `${request.authorized} ${request.status}`))).toEqual(new Set(['false 401']));
			expectNowhere(captured, wrongKey);
			expectNowhere(captured, sentKey);
		} finally {
			await proxy.close();
		}
	});

	it('403', async () => {
		const stub = await startStubServer({ handle: () => ({ status: 403, body: { error: 'Forbidden' } }) });
		try {
			const captured = await runCaptured(renameAda, [{}], sentKey, stub.url, continueOnFail);
			expect(failureOf(captured, continueOnFail)).toMatchObject({ httpCode: '403' });
			expect(stub.requests.map(authorizationOf)).toEqual([`Bearer ${sentKey}`]);
			expectNowhere(captured, sentKey);
		} finally {
			await stub.close();
		}
	});

	it('500', async () => {
		sandbox.failNext(20, '500');
		const captured = await runCaptured(renameAda, [{}], sentKey, sandbox.url, continueOnFail);
		expect(failureOf(captured, continueOnFail)).toMatchObject({ httpCode: '500' });
		expect(sandbox.requests.length).toBeGreaterThan(0);
		expect(sandbox.requests.every((request) => request.authorized && request.status === 500)).toBe(true);
		expectNowhere(captured, sentKey);
	});

	it('a connection reset', async () => {
		sandbox.failNext(20, 'reset');
		const captured = await runCaptured(renameAda, [{}], sentKey, sandbox.url, continueOnFail);
		expect(failureOf(captured, continueOnFail).error).toEqual(expect.any(String));
		expect(sandbox.requests.length).toBeGreaterThan(0);
		expect(sandbox.requests.every((request) => request.authorized && request.status === 'reset')).toBe(true);
		expectNowhere(captured, sentKey);
	});

	it('an answer slower than the timeout', async () => {
		// Held for 4 s, then a 504; with the node's Timeout (2 s here) the attempt fails sooner.
		sandbox.failNext(20, 'timeout', { timeoutMs: 4000 });
		const captured = await runCaptured(renameAda, [{}], sentKey, sandbox.url, continueOnFail);
		expect(failureOf(captured, continueOnFail).error).toEqual(expect.any(String));
		expect(sandbox.requests.length).toBeGreaterThan(0);
		expect(sandbox.requests.every((request) => request.authorized && request.status === 'timeout')).toBe(true);
		expectNowhere(captured, sentKey);
	});

	it('a refused connection (nothing listens on the port)', async () => {
		const closed = await startStubServer({});
		await closed.close();
		const captured = await runCaptured(renameAda, [{}], sentKey, closed.url, continueOnFail);
		expect(failureOf(captured, continueOnFail).error).toMatch(/refused|ECONNREFUSED/i);
		expectNowhere(captured, sentKey);
	});

	it('a validation error, next to an item that went through', async () => {
		const parameters = { ...renameAda, contact: contactRef('={{ $json.id }}'), updateFields: { assignedUser: '={{ $json.email }}' } } as INodeParameters;
		const items = [{ id: ada, email: 'ben.agent@example.com' }, { id: grace, email: 'not an email' }];
		const captured = await runCaptured(parameters, items, sentKey, sandbox.url, continueOnFail);
		expect(failureOf(captured, continueOnFail, 1).error).toBe('Assigned User must be an email address, got "not an email" [item 1]');
		expect(sandbox.requests.map((request) => [request.method, request.path, request.authorized])).toEqual([['PATCH', `/contacts/${ada}`, true]]);
		expectNowhere(captured, sentKey);
	});

	it.each([
		['a remote host', 'http://example.com/v1'],
		// 0.0.0.0 reaches this machine, so a request would show in the sandbox's log.
		['0.0.0.0, which reaches the local sandbox', () => sandbox.url.replace('127.0.0.1', '0.0.0.0')],
	])('a Base URL over plain http to %s is refused before any request', async (_host, baseUrl) => {
		const url = typeof baseUrl === 'string' ? baseUrl : baseUrl();
		const captured = await runCaptured(renameAda, [{}], sentKey, url, continueOnFail);
		// The node stops before its first item; with Continue On Fail every item gets the error.
		expect(failureOf(captured, continueOnFail).error).toBe('Base URL in the Callbell credential must use https');
		expect(sandbox.requests).toEqual([]);
		expectNowhere(captured, sentKey);
	});
});

describe('The searches can fail', () => {
	it('find the key wherever it is deliberately put', () => {
		const hidden = Object.defineProperty({}, 'secret', { value: `Bearer ${sentKey}`, enumerable: false });
		const behindGetter = Object.defineProperty({}, 'header', { get: () => sentKey, enumerable: false });
		const deep = new Error('outer', { cause: new Error('inner', { cause: { config: { headers: new Map([['authorization', sentKey]]) } } }) });
		expect(findSecret({ list: [{ hidden }] }, sentKey)).toEqual(['$.list.0.hidden.secret']);
		expect(findSecret(deep, sentKey).length).toBeGreaterThan(0);
		expect(inspectEverything(behindGetter)).toContain(sentKey);
		expect(inspectEverything(deep)).toContain(sentKey);
	});

	it('find the key in a real run’s output, run data and logs when it is there', async () => {
		const parameters = { ...renameAda, updateFields: { name: sentKey } };
		const captured = await runCaptured(parameters, [{}], sentKey, sandbox.url, false);
		expect(captured.result.output?.[0].json.name).toBe(sentKey);
		expect(findSecret(captured.result.output, sentKey)).toEqual(['$.0.json.name']);
		expect(findSecret(captured.result.run, sentKey).length).toBeGreaterThan(0);
		expect(() => expectNowhere(captured, sentKey)).toThrow();

		const logs = startLogCapture();
		const sources = logThroughEveryChannel(sentKey);
		logs.stop();
		for (const source of sources) {
			const record = logs.records.find((entry) => entry.source === source);
			expect(findSecret(record, sentKey).length + (inspectEverything(record).includes(sentKey) ? 1 : 0)).toBeGreaterThan(0);
		}
	});
});
