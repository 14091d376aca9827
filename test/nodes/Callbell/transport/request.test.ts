import { sandboxRunner, contactOperation, pairs } from '../../../harness/contact';
import { TestCredentialsHelper } from '../../../harness/credentials';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';
import { processSharesInUse } from '../../../../nodes/Callbell/transport/processShare';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;

const rename = (name: string, options: Record<string, unknown> = {}) =>
	contactOperation('update', ada, { updateFields: { name }, options });
const statuses = (method: string) => requestsTo(sandbox.get(), method).map((request) => request.status);

describe('Retries through n8n’s engine against the sandbox', () => {
	it.each([
		['429 without Retry-After', '429', {}],
		['429 with Retry-After in seconds', '429', { retryAfter: 'seconds' }],
		['429 with Retry-After as an HTTP date', '429', { retryAfter: 'date' }],
		['503', '503', {}],
		['502', '502', {}],
		['a connection reset', 'reset', {}],
	] as const)('retries a PATCH after %s and applies it once', async (_name, kind, options) => {
		sandbox.get().failNext(2, kind, options);
		const result = await run(rename('Retried'));
		expect(result.error).toBeUndefined();
		expect(result.output?.[0].json).toMatchObject({ uuid: ada, name: 'Retried' });
		expect(statuses('PATCH')).toEqual([kind === 'reset' ? 'reset' : Number(kind), kind === 'reset' ? 'reset' : Number(kind), 200]);
		expect(sandbox.get().getContact(ada)?.name).toBe('Retried');
	});

	it('honours Retry-After: the retry comes no sooner than Callbell asked', async () => {
		sandbox.get().failNext(1, '429', { retryAfter: 'seconds' });
		await run(rename('Patient'));
		const [first, second] = requestsTo(sandbox.get(), 'PATCH').map((request) => Date.parse(request.at));
		expect(second - first).toBeGreaterThanOrEqual(1000);
	});

	it('retries an attempt slower than Timeout', async () => {
		sandbox.get().failNext(1, 'timeout', { timeoutMs: 2000 });
		const result = await run(rename('After a timeout', { timeout: 300 }));
		expect(result.error).toBeUndefined();
		expect(statuses('PATCH')).toEqual(['timeout', 200]);
		expect(sandbox.get().getContact(ada)?.name).toBe('After a timeout');
	});

	it('does not retry 4xx answers other than 429', async () => {
		const result = await run(contactOperation('update', ada, { updateFields: { assignedUser: 'nobody@example.com' } }));
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(statuses('PATCH')).toEqual([422]);
		expect(result.error?.description).not.toMatch(/The node made/);
	});

	it('gives up after Max Retries, says so, and applies nothing', async () => {
		sandbox.get().failNext(3, '503');
		const result = await run(rename('Never', { maxRetries: 2 }), [{}], { continueOnFail: true });
		expect(pairs(result)).toEqual([[expect.objectContaining({ httpCode: '503' }), 0]]);
		expect(result.output?.[0].json.description).toMatch(/The node made 3 tries over \d+\.\d s of waiting; it reached Max Retries \(2\)\.$/);
		expect(statuses('PATCH')).toEqual([503, 503, 503]);
		expect(sandbox.get().getContact(ada)?.name).toBe('Ada Lovelace');
	});

	it('429s do not use up Max Retries: the account may be shared, so they are retried within the 120 s bound', async () => {
		sandbox.get().failNext(2, '429');
		const result = await run(rename('Later', { maxRetries: 1 }));
		expect(result.error).toBeUndefined();
		expect(statuses('PATCH')).toEqual([429, 429, 200]);
		expect(sandbox.get().getContact(ada)?.name).toBe('Later');
	});

	it('sends each request once with Max Retries 0', async () => {
		sandbox.get().failNext(1, '503');
		const result = await run(rename('Once', { maxRetries: 0 }));
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('503');
		expect(result.error?.description).toMatch(/The node made 1 try; it reached Max Retries \(0\)\.$/);
		expect(statuses('PATCH')).toEqual([503]);
	});

	describe('a POST (Create) is repeated only when Callbell surely did not process it', () => {
		const create = (identifier: string) =>
			contactOperation('create', undefined, { identifier, source: 'whatsapp', name: 'Charles Babbage' });

		it('retries it after a 429', async () => {
			sandbox.get().failNext(1, '429');
			const result = await run(create('+44 7700 900777'));
			expect(result.error).toBeUndefined();
			expect(statuses('POST')).toEqual([429, 200]);
			expect(sandbox.get().state.contacts.size).toBe(SEED.contactCount + 1);
		});

		it.each(['500', '503', 'reset', 'timeout'] as const)('does not retry it after %s', async (kind) => {
			sandbox.get().failNext(1, kind, { timeoutMs: 1000 });
			const result = await run({ ...create('+44 7700 900778'), options: { timeout: 300 } }, [{}], { continueOnFail: true });
			expect(result.output).toHaveLength(1);
			expect(result.output?.[0].json.error).toBeDefined();
			expect(statuses('POST')).toEqual([kind === 'reset' || kind === 'timeout' ? kind : Number(kind)]);
		});

		it('retries it when the connection is refused (nothing was sent), then reports the failure', async () => {
			const closed = await startStubServer({});
			const url = closed.url;
			await closed.close();
			const result = await run({ ...create('+44 7700 900779'), options: { maxRetries: 1 } }, [{}], {
				baseUrl: url,
				continueOnFail: true,
			});
			expect(result.output?.[0].json.description).toMatch(/The node made 2 tries/);
		});
	});
});

describe('Concurrency and the rate cap through n8n’s engine', () => {
	const many = (count: number) => Array.from({ length: count }, (_, index) => ({ index }));
	const renameEach = (options: Record<string, unknown>) =>
		contactOperation('update', '={{ $json.uuid }}', { updateFields: { name: '={{ "Item " + $json.index }}' }, options });

	it('keeps at most Concurrency requests in flight, and the output in input order', async () => {
		const sb = sandbox.get();
		const uuids = sb.addContacts(24);
		sb.setLatency({ min: 5, max: 60 });
		const items = many(24).map((item) => ({ ...item, uuid: uuids[item.index] }));
		const result = await run(renameEach({ concurrency: 4 }), items);
		expect(result.error).toBeUndefined();
		expect(pairs(result).map(([json, paired]) => [json.uuid, json.name, paired])).toEqual(
			items.map((item) => [item.uuid, `Item ${item.index}`, item.index]),
		);
		expect(sb.stats().peakInFlight).toBe(4);
	});

	it('runs strictly one at a time with Concurrency 1', async () => {
		const sb = sandbox.get();
		const uuids = sb.addContacts(5);
		sb.setLatency(10);
		const result = await run(renameEach({ concurrency: 1 }), uuids.map((uuid, index) => ({ uuid, index })));
		expect(result.output).toHaveLength(5);
		expect(sb.stats().peakInFlight).toBe(1);
	});

	it('stays under Callbell’s limit with the cap, and retries the 429s it meets without it', async () => {
		const sb = sandbox.get();
		const uuids = sb.addContacts(60);
		const items = uuids.map((uuid, index) => ({ uuid, index }));
		sb.setRateLimit({ rps: 30 });
		const capped = await run(renameEach({ concurrency: 10, maxRequestsPerSecond: 20 }), items.slice(0, 30));
		expect(capped.output).toHaveLength(30);
		expect(sb.stats().rateLimited).toBe(0);

		sb.setRateLimit({ rps: 10 });
		const uncapped = await run(renameEach({ concurrency: 10, maxRequestsPerSecond: 0 }), items.slice(30));
		expect(uncapped.error).toBeUndefined();
		expect(sb.stats().rateLimited).toBeGreaterThan(0);
		expect(uuids.slice(30).map((uuid) => sb.getContact(uuid)?.name)).toEqual(items.slice(30).map((item) => `Item ${item.index}`));
	});

	it('executions running at the same time in one process pace together under their cap, and leave nothing behind', async () => {
		const sb = sandbox.get();
		const uuids = sb.addContacts(40);
		const items = uuids.map((uuid, index) => ({ uuid, index }));
		// Two executions of one workflow (same credential, Max Requests Per Second 20) at once, against an
		// account that allows 30/s: each at its own 20/s would make 40/s and meet 429s; paced together, none.
		sb.setRateLimit({ rps: 30 });
		const started = Date.now();
		const both = await Promise.all([items.slice(0, 20), items.slice(20)].map(async (half) => await run(renameEach({ maxRequestsPerSecond: 20 }), half)));
		expect(both.map((result) => [result.error, result.output?.length])).toEqual([
			[undefined, 20],
			[undefined, 20],
		]);
		expect(sb.stats().rateLimited).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500); // 40 requests at 20/s together
		expect(processSharesInUse()).toBe(0);
		expect(uuids.map((uuid) => sb.getContact(uuid)?.name)).toEqual(items.map((item) => `Item ${item.index}`));
	});

	it('refuses bad Options before any request', async () => {
		const result = await run(rename('x', { concurrency: -1 }));
		expect(result.error?.message).toBe('Options → Concurrency must be from 0 to 300, got -1');
		expect(sandbox.get().requests).toHaveLength(0);
	});
});

describe('Errors before the first item', () => {
	it('with Continue On Fail, gives every item the error of bad Options, paired', async () => {
		const result = await run(rename('x', { maxRetries: 99 }), [{}, {}, {}], { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(pairs(result)).toEqual([0, 1, 2].map((item) => [{ error: 'Options → Max Retries must be from 0 to 10, got 99' }, item]));
		expect(sandbox.get().requests).toHaveLength(0);
	});
});

describe('The credential', () => {
	it('is read once per execution, not once per request', async () => {
		const uuids = sandbox.get().addContacts(20);
		TestCredentialsHelper.decryptions = 0;
		const parameters = contactOperation('update', '={{ $json.uuid }}', { updateFields: { name: 'Once' } });
		const result = await run(parameters, uuids.map((uuid) => ({ uuid })));
		expect(result.output).toHaveLength(20);
		expect(requestsTo(sandbox.get(), 'PATCH').every((request) => request.authorized)).toBe(true);
		expect(TestCredentialsHelper.decryptions).toBe(1);
	});
});
