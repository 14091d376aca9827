import { operationParameters, seedChannels } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const getAll = (extra = {}) => operationParameters('channel', 'getAll', extra);
const calls = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query]);

describe('Channel → Get Many through n8n’s engine against the sandbox', () => {
	it('Return All: every channel with active, one request per page', async () => {
		const result = await run(getAll({ returnAll: true }));
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		expect(output.map(([json]) => json.uuid)).toEqual(seedChannels(SEED.channels).map((channel) => channel.uuid));
		expect(output.every(([, item]) => item === 0)).toBe(true);
		const old = output.find(([json]) => json.uuid === SEED.channels.whatsappOld.uuid)?.[0];
		expect(old).toEqual(expect.objectContaining({ discardedAt: true, active: false, title: 'WhatsApp · Old number' }));
		expect(output.find(([json]) => json.main === true)?.[0].active).toBe(true);
		expect(calls()).toEqual([['GET', '/channels', { page: '1' }]]);
	});

	it('Filters: type and active go to Callbell as query parameters', async () => {
		const result = await run(getAll({ returnAll: true, filters: { type: 'whatsapp', active: 'true' } }));
		expect(pairs(result).map(([json]) => [json.type, json.active])).toEqual(
			seedChannels(SEED.channels)
				.filter((channel) => channel.type === 'whatsapp' && channel.uuid !== SEED.channels.whatsappOld.uuid)
				.map(() => ['whatsapp', true]),
		);
		expect(calls()).toEqual([['GET', '/channels', { page: '1', type: 'whatsapp', active: 'true' }]]);
		const deactivated = await run(getAll({ returnAll: true, filters: { active: 'false' } }));
		expect(pairs(deactivated).map(([json]) => json.uuid)).toEqual([SEED.channels.whatsappOld.uuid]);
	});

	it('Limit', async () => {
		const result = await run(getAll({ returnAll: false, limit: 2 }));
		expect(result.output).toHaveLength(2);
	});

	it('one list per input item, each paired with its item', async () => {
		const result = await run(getAll({ returnAll: false, limit: 1 }), [{}, {}]);
		expect(pairs(result).map(([, item]) => item)).toEqual([0, 1]);
	});

	it('refuses a bad Limit from an expression before any request', async () => {
		const result = await run(getAll({ returnAll: false, limit: '={{ $json.limit }}' }), [{ limit: 0 }]);
		expect(result.error?.message).toBe('Limit must be a whole number of at least 1, got number 0 [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});
});

describe('Channel → Get Many against a stub server (pages)', () => {
	it('pages to the end (meta.pages); with a Limit it reads only the pages the Limit needs', async () => {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { channels: [{ uuid: `c${page}a`, discardedAt: false }, { uuid: `c${page}b`, discardedAt: false }], meta: { page, pages: 3 } } };
			},
		});
		try {
			const all = await run(getAll({ returnAll: true }), [{}], { baseUrl: stub.url });
			expect(all.output!.map((item) => [item.json.uuid, item.json.active])).toEqual(['c1a', 'c1b', 'c2a', 'c2b', 'c3a', 'c3b'].map((uuid) => [uuid, true]));
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
			const three = await run(getAll({ returnAll: false, limit: 3 }), [{}], { baseUrl: stub.url });
			expect(three.output!.map((item) => item.json.uuid)).toEqual(['c1a', 'c1b', 'c2a']);
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2', '3', '1', '2']);
		} finally {
			await stub.close();
		}
	});
});
