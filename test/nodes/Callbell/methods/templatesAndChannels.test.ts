import { callListSearch } from '../../../harness/loadOptions';
import { seedChannels } from '../../../harness/messages';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const credentials = () => ({ apiToken: SEED.token, baseUrl: sandbox.get().url });
const calls = () => requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}?page=${request.query.page}`);
const C = SEED.channels;

describe('the Channel pickers as n8n’s editor calls them', () => {
	it('searchActiveChannels (Send): active channels named as users know them, the main one first', async () => {
		const { results } = await callListSearch('searchActiveChannels', credentials());
		expect(results[0]).toEqual({ name: 'WhatsApp · Main line (main)', value: C.whatsapp.uuid });
		expect(results.map((item) => item.value)).not.toContain(C.whatsappOld.uuid);
		expect(results.map((item) => item.value).sort()).toEqual(
			seedChannels(C)
				.map((channel) => channel.uuid)
				.filter((uuid) => uuid !== C.whatsappOld.uuid)
				.sort(),
		);
		expect(results.map((item) => item.name)).toContain('Instagram · @callbell.sandbox');
		expect(calls()).toEqual(['GET /channels?page=1']);
	});

	it('searchActiveChannels filters by the typed text', async () => {
		const { results } = await callListSearch('searchActiveChannels', credentials(), 'telegram');
		expect(results).toEqual([{ name: 'Telegram · @CallbellSandboxBot', value: C.telegram.uuid }]);
	});

	it('searchChannels (Get, Rename): every channel, deactivated ones marked', async () => {
		const { results } = await callListSearch('searchChannels', credentials(), 'old');
		expect(results).toEqual([{ name: 'WhatsApp · Old number (deactivated)', value: C.whatsappOld.uuid }]);
	});

	it('reads every page and prefixes the type to plain titles (a real account’s channels)', async () => {
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				const channels =
					page === 1
						? [{ uuid: 'c2', title: 'Shop', type: 'instagram', main: false, discardedAt: null }]
						: [{ uuid: 'c1', title: 'Main line', type: 'whatsapp', main: true, discardedAt: '' }, { uuid: 'c3', title: 'Old', type: 'whatsapp', main: false, discardedAt: '2025-01-01T00:00:00Z' }];
				return { body: { channels, meta: { page, pages: 2 } } };
			},
		});
		try {
			const { results } = await callListSearch('searchActiveChannels', { apiToken: SEED.token, baseUrl: stub.url });
			expect(results).toEqual([
				{ name: 'WhatsApp · Main line (main)', value: 'c1' },
				{ name: 'Instagram · Shop', value: 'c2' },
			]);
		} finally {
			await stub.close();
		}
	});
});

const T = SEED.templates;

describe('the Template pickers as n8n’s editor calls them', () => {
	it('searchApprovedTemplates (Send): approved only, with title, media type, variables and the start of the text', async () => {
		const { results } = await callListSearch('searchApprovedTemplates', credentials());
		expect(results.find((item) => item.value === T.orderShipped.uuid)).toEqual({
			name: 'Order shipped · text · 3 variables · “Hi {{1}}, your order {{2}} has shipped …”',
			value: T.orderShipped.uuid,
			description: 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}.',
		});
		expect(results.find((item) => item.value === T.brochure.uuid)?.name).toBe('Brochure · document · 1 variable · “Hi {{1}}, here is the brochure you aske…”');
		const approved = Object.values(T as Record<string, { uuid: string; status: string }>).filter((template) => template.status === 'approved');
		expect(results.map((item) => item.value).sort()).toEqual(approved.map((template) => template.uuid).sort());
		expect(results.map((item) => item.name)).toEqual([...results.map((item) => item.name)].sort((a, b) => a.localeCompare(b)));
		expect(calls()).toEqual(['GET /templates?page=1', 'GET /templates?page=2']);
	});

	it('searchApprovedTemplates filters by title or text', async () => {
		const { results } = await callListSearch('searchApprovedTemplates', credentials(), 'invoice');
		expect(results.map((item) => item.value)).toEqual([T.paymentLink.uuid]);
	});

	it('searchTemplates (Get, Rename): every template, the status named when not approved', async () => {
		const { results } = await callListSearch('searchTemplates', credentials(), 'promo');
		expect(results).toEqual([{ name: 'Weekend promo · text · 1 variable (pending) · “{{1}}, get 20% off everything this week…”', value: T.promoPending.uuid, description: '{{1}}, get 20% off everything this weekend only!' }]);
	});
});
