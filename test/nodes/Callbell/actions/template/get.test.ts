import { operationParameters, ref } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const shipped = SEED.templates.orderShipped;

describe('Template → Get through n8n’s engine against the sandbox', () => {
	it('From List or By ID: GET /templates/:uuid, with variables', async () => {
		for (const mode of ['list', 'id'] as const) {
			sandbox.get().reset();
			const result = await run(operationParameters('template', 'get', { template: ref(shipped.uuid, mode) }));
			expect(pairs(result)).toEqual([[expect.objectContaining({ uuid: shipped.uuid, title: 'Order shipped', status: 'approved', variables: 3 }), 0]]);
			expect(requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}`)).toEqual([`GET /templates/${shipped.uuid}`]);
		}
	});

	it('a 404 for an unknown template; a bad ID is refused without a request', async () => {
		const items = [{ id: '0123456789abcdef0123456789abcdef' }, { id: 'x y' }];
		const result = await run(operationParameters('template', 'get', { template: ref('={{ $json.id }}', 'id') }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.httpCode ?? json.error, item])).toEqual([
			['404', 0],
			['Template "x y" is not a valid Callbell ID [item 1]', 1],
		]);
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});
});
