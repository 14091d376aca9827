import { operationParameters, ref } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const main = SEED.channels.whatsapp.uuid;

describe('Channel → Get through n8n’s engine against the sandbox', () => {
	it('From List or By ID: GET /channels/:uuid, with active', async () => {
		for (const mode of ['list', 'id'] as const) {
			sandbox.get().reset();
			const result = await run(operationParameters('channel', 'get', { channel: ref(main, mode) }));
			expect(pairs(result)).toEqual([[{ uuid: main, title: 'WhatsApp · Main line', type: 'whatsapp', main: true, discardedAt: false, active: true }, 0]]);
			expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path])).toEqual([['GET', `/channels/${main}`]]);
		}
	});

	it('a deactivated channel says active: false', async () => {
		const result = await run(operationParameters('channel', 'get', { channel: ref(SEED.channels.whatsappOld.uuid, 'id') }));
		expect(result.output?.[0].json.active).toBe(false);
	});

	it('explains a 404, and with Continue On Fail keeps one output per input', async () => {
		const items = [{ id: main }, { id: '0123456789abcdef0123456789abcdef' }, { id: 'a/../b' }];
		const result = await run(operationParameters('channel', 'get', { channel: ref('={{ $json.id }}', 'id') }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.uuid ?? json.httpCode ?? json.error, item])).toEqual([
			[main, 0],
			['404', 1],
			['Channel "a/../b" is not a valid Callbell ID [item 2]', 2],
		]);
		expect(requestsTo(sandbox.get())).toHaveLength(2);
	});
});
