import { Callbell } from '../../../../nodes/Callbell/Callbell.node';
import { callListSearch } from '../../../harness/loadOptions';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const credentials = () => ({ apiToken: SEED.token, baseUrl: sandbox.get().url });

describe('Team and Custom Status pickers as n8n’s editor calls them', () => {
	it('searchTeams: default team first, then by name; a filter matches names', async () => {
		const all = await callListSearch('searchTeams', credentials());
		expect(all.results).toEqual([
			{ name: 'Sales (default)', value: SEED.teams.sales.uuid },
			{ name: 'Onboarding', value: SEED.teams.onboarding.uuid },
			{ name: 'Support', value: SEED.teams.support.uuid },
		]);
		const filtered = await callListSearch('searchTeams', credentials(), 'supp');
		expect(filtered.results.map((item) => item.name)).toEqual(['Support']);
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual(['/teams', '/teams']);
	});

	it('searchCustomStatuses: every page, labelled with the emoji, valued by id', async () => {
		for (let i = 1; i <= 9; i++) sandbox.get().state.account.customStatuses.push({ id: `s-${i}`, name: `Extra ${i}`, emoji: '', createdAt: 'x', updatedAt: 'x' });
		const all = await callListSearch('searchCustomStatuses', credentials());
		expect(all.results).toHaveLength(13);
		expect(all.results[0]).toEqual({ name: '🥪 Lunch', value: SEED.customStatuses.lunch.id });
		expect((await callListSearch('searchCustomStatuses', credentials(), 'vacation')).results).toEqual([
			{ name: '🌴 Vacationing', value: SEED.customStatuses.vacationing.id },
		]);
	});

	it('searchCustomStatuses pages to the end (meta.pages)', async () => {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { customStatuses: [{ id: `s${page}`, name: `Status ${page}`, emoji: '' }], meta: { page, pages: 3 } } };
			},
		});
		try {
			const { results } = await callListSearch('searchCustomStatuses', { apiToken: 'x', baseUrl: stub.url });
			expect(results).toEqual([1, 2, 3].map((n) => ({ name: `Status ${n}`, value: `s${n}` })));
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		} finally {
			await stub.close();
		}
	});

	it('no picker offers team-member emails for the User UUID (By ID only)', () => {
		const field = new Callbell().description.properties.find((property) => property.name === 'userUuid');
		expect(field?.type).toBe('string');
		expect(field?.typeOptions).toBeUndefined();
		expect(field?.hint).toMatch(/team member emails do not work here/);
	});
});
