import type { INodeParameters } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Funnel → Get Many and Plan → Get', () => {
	it('Funnel: one item per stage in position order, whatever order Callbell answers in', async () => {
		sandbox.get().state.account.funnels.reverse();
		const result = await run({ resource: 'funnel', operation: 'getAll', returnAll: true } as INodeParameters);
		expect(pairs(result).map(([json, item]) => [json.position, json.name, item])).toEqual([
			[1, 'Awareness', 0],
			[2, 'Interest', 0],
			[3, 'Decision', 0],
		]);
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual(['/funnels']);
	});

	it('Funnel with Limit 2: the first two stages', async () => {
		const result = await run({ resource: 'funnel', operation: 'getAll', returnAll: false, limit: 2 } as INodeParameters);
		expect(result.output!.map((item) => item.json.name)).toEqual(['Awareness', 'Interest']);
	});

	it('Plan: GET /plan, the answer as one item', async () => {
		const result = await run({ resource: 'plan', operation: 'get' } as INodeParameters, [{}, {}]);
		expect(pairs(result).map(([json, item]) => [json.plan, json.licenses, item])).toEqual([
			['business_plus', 5, 0],
			['business_plus', 5, 1],
		]);
		expect(result.output![0].json.teams).toHaveLength(3);
	});
});
