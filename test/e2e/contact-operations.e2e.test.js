'use strict';
// One example workflow per operation group of the Contact resource, inside real n8n 2.41.1.
const { useRealN8n, runWorkflow, SEED } = require('./real-n8n');

const env = useRealN8n();

const calls = () => env().sandbox.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{32}/g, ':uuid')}`);

test('contact lifecycle: Create → Get → Update (Tag Mode Add) → Delete, and Get Many with filters', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleLifecycle', 'Create contact');
	expect(run.ok).toBe(true);
	const created = run.itemsOf('Create contact')[0].json;
	expect(created).toMatchObject({ name: 'Mary Somerville', tags: ['Lead'], source: 'whatsapp' });
	expect(run.itemsOf('Get contact')[0].json.customFieldsMetadata.Plan).toMatchObject({ type: 'dropdown', value: 'Free' });
	expect(run.itemsOf('Add VIP tag')[0].json.tags).toEqual(['Lead', 'VIP']);
	expect(run.itemsOf('Delete contact').map((item) => item.json)).toEqual([{ deleted: true, uuid: created.uuid }]);
	expect(env().sandbox.getContact(created.uuid)).toBeUndefined();

	const vips = run.itemsOf('Find WhatsApp VIPs');
	expect(vips.length).toBeGreaterThan(0);
	expect(vips.length).toBeLessThanOrEqual(5);
	for (const item of vips) {
		expect(item.json.source).toBe('whatsapp');
		expect(item.json.tags).toContain('VIP');
		expect(item.pairedItem).toEqual({ item: 0 });
	}
	expect(calls()).toEqual(
		expect.arrayContaining(['POST /contacts', 'GET /contacts/:uuid', 'PATCH /contacts/:uuid', 'DELETE /contacts/:uuid', 'GET /contacts']),
	);
});

test('conversation: By Phone lookup, close, reopen, note, funnel stage, messages', async () => {
	const ada = SEED.contacts.ada.uuid;
	const run = await runWorkflow(env().userFolder, 'cbExampleConversation', 'Close conversation');
	expect(run.ok).toBe(true);
	expect(run.itemsOf('Close conversation')[0].json.closedAt).toEqual(expect.any(String));
	expect(run.itemsOf('Reopen conversation')[0].json).toMatchObject({ uuid: ada, closedAt: null });
	expect(run.itemsOf('Move to Decision')[0].json.funnelId).toBe(SEED.funnels.decision.uuid);
	expect(run.itemsOf('Last messages')).toHaveLength(5);
	expect(calls()).toEqual([
		'GET /contacts/phone/447700900001',
		'POST /contacts/:uuid/conversation/close',
		'POST /contacts/:uuid/conversation/open',
		'POST /contacts/:uuid/conversation/note',
		'PUT /contacts/:uuid/conversation/update_funnel',
		'GET /contacts/:uuid/messages',
	]);
	const state = await (await fetch(`${env().sandbox.origin}/__sandbox/contacts/${ada}`)).json();
	expect(state.notes.map((note) => note.text)).toContain('Followed up on the order. @ben.agent please call back.');
	expect(state.contact).toMatchObject({ closedAt: null, funnelId: SEED.funnels.decision.uuid });
});

test('bot: Get Bot Status, Stop Bot, Start Bot', async () => {
	const grace = SEED.contacts.grace.uuid;
	const run = await runWorkflow(env().userFolder, 'cbExampleBot', 'Bot status');
	expect(run.ok).toBe(true);
	expect(run.itemsOf('Bot status')[0].json).toMatchObject({ contactUuid: grace, status: expect.any(String) });
	expect(run.itemsOf('Stop bot')[0].json).toMatchObject({ contactUuid: grace, status: 'ended' });
	expect(run.itemsOf('Start bot')[0].json).toMatchObject({ contactUuid: grace, status: 'started' });
	expect(env().sandbox.requests.map((request) => [request.method, request.body?.status])).toEqual([
		['GET', undefined],
		['POST', 'bot_end'],
		['POST', 'bot_start'],
	]);
});
