import { operationParameters, ref } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const welcome = SEED.templates.welcome;

describe('Template → Rename through n8n’s engine against the sandbox', () => {
	it('PATCH /templates/:uuid with { title }; the renamed template is output', async () => {
		const result = await run(operationParameters('template', 'rename', { template: ref(welcome.uuid), title: 'Welcome (2026)' }));
		expect(result.error).toBeUndefined();
		expect(pairs(result)).toEqual([[expect.objectContaining({ uuid: welcome.uuid, title: 'Welcome (2026)', variables: 0 }), 0]]);
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['PATCH', `/templates/${welcome.uuid}`, { title: 'Welcome (2026)' }],
		]);
		const after = await run(operationParameters('template', 'get', { template: ref(welcome.uuid) }));
		expect(after.output?.[0].json.title).toBe('Welcome (2026)');
	});

	it('accepts the answer under "template" or "templates" (§9.7), as an object or a list', async () => {
		for (const body of [
			{ template: { uuid: 't1', title: 'New', text: 'Hi {{1}}' } },
			{ templates: { uuid: 't1', title: 'New', text: 'Hi {{1}}' } },
			{ templates: [{ uuid: 't1', title: 'New', text: 'Hi {{1}}' }] },
		]) {
			const stub = await startStubServer({ handle: () => ({ body }) });
			try {
				const result = await run(operationParameters('template', 'rename', { template: ref('t1', 'id'), title: 'New' }), [{}], { baseUrl: stub.url });
				expect(result.output?.[0].json).toEqual({ uuid: 't1', title: 'New', text: 'Hi {{1}}', variables: 1 });
			} finally {
				await stub.close();
			}
		}
	});

	it('refuses an empty title before any request', async () => {
		const result = await run(operationParameters('template', 'rename', { template: ref(welcome.uuid), title: '  ' }));
		expect(result.error?.message).toBe('Title is required [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});
});
