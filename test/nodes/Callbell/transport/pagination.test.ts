import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sandboxRunner } from '../../../harness/contact';
import { callListSearch, callLoadOptions } from '../../../harness/loadOptions';
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

const UUID = '0123456789abcdef0123456789abcdef';
const locator = (value: string) => ({ __rl: true, mode: 'id', value });
const getMany = (resource: string, operation = 'getAll', extra: IDataObject = {}) => ({ resource, operation, returnAll: true, ...extra }) as INodeParameters;

describe('Every Get Many reads its list with the one reader', () => {
	it.each<[string, INodeParameters, string]>([
		['Channel → Get Many', getMany('channel'), 'channels'],
		['Template → Get Many', getMany('template'), 'templates'],
		['Team → Get Many', getMany('team'), 'teams'],
		['Team → Get Members', getMany('team', 'getMembers', { team: locator(UUID) }), 'users'],
		['Custom Status → Get Many', getMany('customStatus'), 'customStatuses'],
		['Funnel → Get Many', getMany('funnel'), 'funnels'],
		['Webhook → Get Delivery Events', getMany('webhook', 'getDeliveryEvents'), 'webhook_events'],
		['Contact → Get Many', getMany('contact'), 'contacts'],
		['Contact → Get Messages', getMany('contact', 'getMessages', { contact: locator(UUID) }), 'messages'],
	])('%s: an answer without its list fails the item, naming the key', async (_name, parameters, key) => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			const result = await run(parameters, [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{ error: `Callbell answered without a "${key}" list [item 0]`, description: expect.stringMatching(/^The answer to page 1 of GET \/.+ had no ".+"\. Nothing was output/) },
			]);
			expect(stub.requests).toHaveLength(1);
		} finally {
			await stub.close();
		}
	});

	it('an answer without its list after the first page says which page and how much was read before it', async () => {
		const stub = await startStubServer({
			handle: (request) => (request.query.page === '2' ? { body: { meta: { page: 2, pages: 3 } } } : { body: { channels: [{ uuid: 'c1' }, { uuid: 'c2' }], meta: { page: 1, pages: 3 } } }),
		});
		try {
			const result = await run(getMany('channel'), [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{
					error: 'Callbell answered without a "channels" list [item 0]',
					description: 'The answer to page 2 of GET /channels had no "channels", after 2 elements from the pages before it. Nothing was output, so that no partial list passes as complete.',
				},
			]);
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		} finally {
			await stub.close();
		}
	});

	it('Template → Get Many past the cap says how many were read and which Limit the read pages can serve', async () => {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { templates: [{ uuid: `p${page}`, status: 'pending' }, { uuid: `a${page}`, status: 'approved' }], meta: { page, pages: 5000 } } };
			},
		});
		try {
			const result = await run(getMany('template'), [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{
					error: 'Callbell\'s list has more than 1000 pages [item 0]',
					description: 'Stopped after 2000 elements and output none of them, so that no partial list passes as complete. Turn off Return All and set a Limit of at most 1000.',
				},
			]);
			expect(stub.requests).toHaveLength(1000);
		} finally {
			await stub.close();
		}
	}, 60_000);

	it('Contact → Get Many without meta fails when Callbell repeats a page instead of reading it until the cap', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { contacts: [{ uuid: 'c1' }, { uuid: 'c2' }] } }) });
		try {
			const result = await run(getMany('contact'), [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{
					error: 'Callbell returned the same page of contacts twice [item 0]',
					description: 'Page 2 repeated page 1; the API may not support the page parameter here. Stopped after 2 elements and output none of them, so that no partial list passes as complete.',
				},
			]);
			expect(stub.requests).toHaveLength(2);
		} finally {
			await stub.close();
		}
	});

	it('Message → Send fails the item when the channel list is missing, rather than finding no active channel', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			const send = { resource: 'message', operation: 'send', sendTo: 'phone', phoneNumber: '+447700900001', messageType: 'text', text: 'Hi' } as INodeParameters;
			const result = await run(send, [{}], { baseUrl: stub.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json.error)).toEqual([expect.stringMatching(/^Callbell answered without a "channels" list/)]);
			expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /channels']);
		} finally {
			await stub.close();
		}
	});
});

const pick = (method: string, baseUrl: string) =>
	method.startsWith('search')
		? callListSearch(method as Parameters<typeof callListSearch>[0], { apiToken: 'x', baseUrl })
		: callLoadOptions(method as Parameters<typeof callLoadOptions>[0], { apiToken: 'x', baseUrl });

describe('Every picker reads its list with the one reader', () => {
	it.each([
		['getTeams', 'teams'],
		['getUsers', 'teams'],
		['getChannels', 'channels'],
		['getFunnels', 'funnels'],
		['searchTeams', 'teams'],
		['searchCustomStatuses', 'customStatuses'],
		['searchTemplates', 'templates'],
		['searchApprovedTemplates', 'templates'],
		['searchChannels', 'channels'],
		['searchActiveChannels', 'channels'],
		['searchContacts', 'contacts'],
	])('%s: an answer without its list fails, naming the key, instead of offering nothing', async (method, key) => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			await expect(pick(method, stub.url)).rejects.toMatchObject({
				name: 'NodeOperationError',
				message: `Callbell answered without a "${key}" list`,
				description: expect.stringMatching(/^The answer to (page 1 of )?GET \/\w+ had no ".+"\. Nothing was output/),
			});
		} finally {
			await stub.close();
		}
	});

	it('getChannels past the cap fails and says how much was read (it used to stop silently after 100 pages)', async () => {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { channels: [{ uuid: `c${page}`, title: `Line ${page}`, type: 'whatsapp' }], meta: { page, pages: 5000 } } };
			},
		});
		try {
			await expect(pick('getChannels', stub.url)).rejects.toMatchObject({
				name: 'NodeOperationError',
				message: "Callbell's list has more than 1000 pages",
				description: 'Stopped after 1000 elements and output none of them, so that no partial list passes as complete.',
			});
			expect(stub.requests).toHaveLength(1000);
		} finally {
			await stub.close();
		}
	}, 60_000);
});
