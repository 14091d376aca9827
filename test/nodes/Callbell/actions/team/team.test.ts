import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const support = SEED.teams.support.uuid;
const sales = SEED.teams.sales.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const team = (operation: string, extra: IDataObject = {}) => ({ resource: 'team', operation, ...extra }) as INodeParameters;
const ref = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const sent = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query, request.body ?? null]);

describe('Team → Get Many', () => {
	it('Return All: GET /teams, one item per team, all paired with the input item', async () => {
		const result = await run(team('getAll', { returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(pairs(result).map(([json, item]) => [json.name, item])).toEqual([['Sales', 0], ['Support', 0], ['Onboarding', 0]]);
		expect(sent()).toEqual([['GET', '/teams', { page: '1' }, null]]);
	});

	it('Limit 2 outputs two teams; two input items get their own lists', async () => {
		const result = await run(team('getAll', { returnAll: false, limit: 2 }), [{}, {}]);
		expect(pairs(result).map(([json, item]) => [json.name, item])).toEqual([['Sales', 0], ['Support', 0], ['Sales', 1], ['Support', 1]]);
	});

	it('a failed page fails the item', async () => {
		sandbox.get().failNext(1, '500');
		const result = await run(team('getAll', { returnAll: true, options: { maxRetries: 0 } }));
		expect(result.output).toBeUndefined();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.context?.itemIndex).toBe(0);
	});
});

describe('Team → Get and Rename', () => {
	it('Get From List: GET /teams/:uuid, outputs the team', async () => {
		const result = await run(team('get', { team: ref(support) }));
		expect(pairs(result)).toEqual([[{ uuid: support, name: 'Support', createdAt: '2025-03-04T09:16:30Z', default: false, members: 3 }, 0]]);
		expect(sent()).toEqual([['GET', `/teams/${support}`, {}, null]]);
	});

	it('Get By ID of an unknown team: Callbell’s 404, with Continue On Fail an error item', async () => {
		const result = await run(team('get', { team: ref(unknown, 'id') }), [{}], { continueOnFail: true });
		expect(result.output![0].json).toMatchObject({ httpCode: '404', description: expect.stringContaining('Team not found') });
	});

	it('Rename: PATCH /teams/:uuid with the trimmed name; outputs the renamed team', async () => {
		const result = await run(team('rename', { team: ref(sales, 'id'), name: '  Sales EMEA ' }));
		expect(result.output![0].json).toMatchObject({ uuid: sales, name: 'Sales EMEA' });
		expect(sent()).toEqual([['PATCH', `/teams/${sales}`, {}, { name: 'Sales EMEA' }]]);
	});
});

describe('Team → Get Members', () => {
	it('one item per member, every page', async () => {
		const result = await run(team('getMembers', { team: ref(support), returnAll: true }));
		expect(pairs(result).map(([json, item]) => [json.email, item])).toEqual([
			['ben.agent@example.com', 0],
			['cleo.agent@example.com', 0],
			['dan.agent@example.com', 0],
		]);
		expect(result.output![2].json.userCustomStatus).toMatchObject({ name: 'Lunch' });
	});

	it.each([
		['available', ['cleo.agent@example.com']],
		['away', ['ben.agent@example.com', 'dan.agent@example.com']],
	])('Status %s: sends status and outputs only those members', async (status, emails) => {
		const result = await run(team('getMembers', { team: ref(support), returnAll: true, filters: { status } }));
		expect(result.output!.map((item) => item.json.email)).toEqual(emails);
		expect(sent()[0][2]).toEqual({ page: '1', status });
	});

	it('Limit 1', async () => {
		const result = await run(team('getMembers', { team: ref(support), returnAll: false, limit: 1 }));
		expect(result.output!.map((item) => item.json.email)).toEqual(['ben.agent@example.com']);
	});
});
