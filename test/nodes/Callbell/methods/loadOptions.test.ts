import { callLoadOptions } from '../../../harness/loadOptions';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const credentials = () => ({ apiToken: SEED.token, baseUrl: sandbox.get().url });
const calls = () => requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}${request.query.page ? `?page=${request.query.page}` : ''}`);

describe('the loadOptions pickers as n8n’s editor calls them', () => {
	it('getTeams: every team, the default first, with the member count', async () => {
		expect(await callLoadOptions('getTeams', credentials())).toEqual([
			{ name: 'Sales (default)', value: SEED.teams.sales.uuid, description: '2 members' },
			{ name: 'Onboarding', value: SEED.teams.onboarding.uuid, description: '2 members' },
			{ name: 'Support', value: SEED.teams.support.uuid, description: '3 members' },
		]);
		expect(calls()).toEqual(['GET /teams?page=1']);
	});

	it('getUsers: the members of every team by email, once each, by name', async () => {
		expect(await callLoadOptions('getUsers', credentials())).toEqual([
			{ name: 'Ada Agent (ada.agent@example.com)', value: 'ada.agent@example.com' },
			{ name: 'Ben Agent (ben.agent@example.com)', value: 'ben.agent@example.com' },
			{ name: 'Cleo Agent (cleo.agent@example.com)', value: 'cleo.agent@example.com' },
			{ name: 'Dan Agent (dan.agent@example.com)', value: 'dan.agent@example.com' },
		]);
		expect(calls()).toEqual([
			'GET /teams?page=1',
			`GET /teams/${SEED.teams.sales.uuid}/members?page=1`,
			`GET /teams/${SEED.teams.support.uuid}/members?page=1`,
			`GET /teams/${SEED.teams.onboarding.uuid}/members?page=1`,
		]);
	});

	it('getChannels: active channels only, the main one first', async () => {
		expect(await callLoadOptions('getChannels', credentials())).toEqual([
			{ name: 'WhatsApp · Main line (whatsapp, main)', value: SEED.channels.whatsapp.uuid },
			{ name: 'Instagram · @callbell.sandbox (instagram)', value: SEED.channels.instagram.uuid },
			{ name: 'Messenger · Callbell Sandbox (facebook)', value: SEED.channels.facebook.uuid },
			{ name: 'Telegram · @CallbellSandboxBot (telegram)', value: SEED.channels.telegram.uuid },
			{ name: 'WhatsApp · Sales line (whatsapp)', value: SEED.channels.whatsappSales.uuid },
		]);
		expect(calls()).toEqual(['GET /channels?page=1']);
	});

	it('getFunnels: the stages in their position order', async () => {
		expect(await callLoadOptions('getFunnels', credentials())).toEqual([
			{ name: 'Awareness', value: SEED.funnels.awareness.uuid },
			{ name: 'Interest', value: SEED.funnels.interest.uuid },
			{ name: 'Decision', value: SEED.funnels.decision.uuid },
		]);
		expect(calls()).toEqual(['GET /funnels']);
	});

	it('getTeams follows meta.pages across pages', async () => {
		const team = (n: number) => ({ uuid: `t${n}`, name: `Team ${n}`, default: n === 3, members: n });
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { teams: page === 1 ? [team(1), team(2)] : [team(3)], meta: { page, pages: 2 } } };
			},
		});
		try {
			const options = await callLoadOptions('getTeams', { apiToken: 'x', baseUrl: stub.url });
			expect(options.map((option) => option.name)).toEqual(['Team 3 (default)', 'Team 1', 'Team 2']);
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		} finally {
			await stub.close();
		}
	});

	it('sends the credential’s Bearer token', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { funnels: [] } }) });
		try {
			expect(await callLoadOptions('getFunnels', { apiToken: 'token-for-stub', baseUrl: `${stub.url}/` })).toEqual([]);
			expect(stub.requests[0].headers.authorization).toBe('Bearer token-for-stub');
		} finally {
			await stub.close();
		}
	});

	it.each(['getTeams', 'getUsers', 'getChannels', 'getFunnels'] as const)('%s: reports a wrong token as a credential problem', async (method) => {
		await expect(callLoadOptions(method, { apiToken: 'wrong-token', baseUrl: sandbox.get().url })).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			description: expect.stringMatching(/Check the API Token in the Callbell credential/),
		});
	});

	it('refuses a plain-http Base URL that is not loopback before any request', async () => {
		await expect(callLoadOptions('getTeams', { apiToken: SEED.token, baseUrl: 'http://example.com/v1' })).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Base URL in the Callbell credential must use https',
		});
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('getUsers: a team whose member list is missing fails the picker', async () => {
		const stub = await startStubServer({
			handle: (request) => (request.path === '/teams' ? { body: { teams: [{ uuid: 't1', name: 'Sales' }], meta: { page: 1, pages: 1 } } } : { body: {} }),
		});
		try {
			await expect(callLoadOptions('getUsers', { apiToken: 'x', baseUrl: stub.url })).rejects.toMatchObject({
				message: 'Callbell answered without a "users" list',
				description: 'The answer to page 1 of GET /teams/t1/members had no "users". Nothing was output, so that no partial list passes as complete.',
			});
		} finally {
			await stub.close();
		}
	});

	it('getFunnels asks for the one unpaged answer, without a page parameter, and fails when it lacks the list', async () => {
		const stub = await startStubServer({
			handle: (request) => (request.query.empty ? { body: {} } : { body: { funnels: [{ uuid: 'f2', name: 'Won', position: 2 }, { uuid: 'f1', name: 'New', position: 1 }] } }),
		});
		try {
			expect(await callLoadOptions('getFunnels', { apiToken: 'x', baseUrl: stub.url })).toEqual([
				{ name: 'New', value: 'f1' },
				{ name: 'Won', value: 'f2' },
			]);
			expect(stub.requests.map((request) => [request.path, request.query])).toEqual([['/funnels', {}]]);
		} finally {
			await stub.close();
		}
		const empty = await startStubServer({ handle: () => ({ body: {} }) });
		try {
			await expect(callLoadOptions('getFunnels', { apiToken: 'x', baseUrl: empty.url })).rejects.toMatchObject({
				message: 'Callbell answered without a "funnels" list',
				description: 'The answer to GET /funnels had no "funnels". Nothing was output, so that no partial list passes as complete.',
			});
		} finally {
			await empty.close();
		}
	});
});
