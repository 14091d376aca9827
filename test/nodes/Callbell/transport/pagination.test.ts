import type { INodeParameters } from 'n8n-workflow';

import { sandboxRunner } from '../../../harness/contact';
import { useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const teams = { resource: 'team', operation: 'getAll', returnAll: true } as INodeParameters;

describe('List operations never output a partial list as complete (requestList)', () => {
	it('a list longer than 1000 pages fails the item and outputs none of it', async () => {
		const stub = await startStubServer({
			handle: (request) => ({ body: { teams: [{ uuid: `t${request.query.page}`, name: 'Team' }], meta: { page: Number(request.query.page), pages: 5000 } } }),
		});
		try {
			const result = await run(teams, [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{ error: 'Callbell\'s list has more than 1000 pages [item 0]', description: expect.stringMatching(/^Stopped after 1000 elements and output none of them/) },
			]);
			expect(stub.requests).toHaveLength(1000);
		} finally {
			await stub.close();
		}
	}, 60_000);

	it('an answer without the list fails the item instead of outputting nothing', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			const result = await run(teams, [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json.error)).toEqual(['Callbell answered without a "teams" list [item 0]']);
		} finally {
			await stub.close();
		}
	});

	it('a list without meta is one page (funnels); pages stop at meta.pages', async () => {
		const stub = await startStubServer({
			handle: (request) =>
				request.path === '/funnels'
					? { body: { funnels: [{ position: 2, name: 'B' }, { position: 1, name: 'A' }] } }
					: { body: { teams: [{ uuid: `t${request.query.page}` }], meta: { page: Number(request.query.page), pages: 3 } } },
		});
		try {
			const funnels = await run({ resource: 'funnel', operation: 'getAll', returnAll: true } as INodeParameters, [{}], { baseUrl: stub.url });
			expect(funnels.output!.map((item) => item.json.name)).toEqual(['A', 'B']);
			const all = await run(teams, [{}], { baseUrl: stub.url });
			expect(all.output!.map((item) => item.json.uuid)).toEqual(['t1', 't2', 't3']);
			expect(stub.requests.map((request) => `${request.path}?${request.query.page ?? ''}`)).toEqual(['/funnels?1', '/teams?1', '/teams?2', '/teams?3']);
		} finally {
			await stub.close();
		}
	});
});
