import { operationParameters, ref } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const telegram = SEED.channels.telegram.uuid;

describe('Channel → Rename through n8n’s engine against the sandbox', () => {
	it('PATCH /channels/:uuid with { title }, outputs the renamed channel', async () => {
		const result = await run(operationParameters('channel', 'rename', { channel: ref(telegram), title: '={{ $json.title }}' }), [{ title: '  Support bot ' }]);
		expect(result.error).toBeUndefined();
		expect(pairs(result)).toEqual([[expect.objectContaining({ uuid: telegram, title: 'Support bot', active: true }), 0]]);
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['PATCH', `/channels/${telegram}`, { title: 'Support bot' }],
		]);
		const after = await run(operationParameters('channel', 'get', { channel: ref(telegram) }));
		expect(after.output?.[0].json.title).toBe('Support bot');
	});

	it('refuses an empty title before any request, per item', async () => {
		const result = await run(operationParameters('channel', 'rename', { channel: ref(telegram), title: '={{ $json.title }}' }), [{ title: 'A' }, { title: ' ' }], {
			continueOnFail: true,
		});
		expect(pairs(result).map(([json, item]) => [json.title ?? json.error, item])).toEqual([
			['A', 0],
			['Title is required [item 1]', 1],
		]);
		expect(requestsTo(sandbox.get(), 'PATCH')).toHaveLength(1);
	});
});
