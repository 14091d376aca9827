'use strict';
// One example workflow per resource group added with the whole API (issue 14), inside real n8n 2.41.1:
// Contact → Create or Update and By BSUID; Team, Plan and Funnel; Custom Status and User; Webhook.
const { useRealN8n, runWorkflow, SEED } = require('./real-n8n');

const env = useRealN8n();

const calls = () => env().sandbox.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{32}|[0-9a-f-]{36}/g, ':id')}`);

test('contact: Create or Update updates an existing contact and creates a new one; Get By BSUID', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleUpsert', 'Create or update');
	expect(run.ok).toBe(true);
	const [updated, created] = run.itemsOf('Create or update').map((item) => item.json);
	expect(updated).toMatchObject({ uuid: SEED.contacts.ada.uuid, action: 'updated', tags: ['Customer', 'VIP', 'Lead'], customFields: { Plan: 'Pro' } });
	expect(created).toMatchObject({ name: 'Mary Somerville', action: 'created', tags: ['Lead'], customFields: { Plan: 'Free' } });
	expect(env().sandbox.getContact(created.uuid)).toMatchObject({ phoneNumber: '+44 7700 900321' });
	expect(run.itemsOf('Get by BSUID')[0].json).toMatchObject({ uuid: SEED.contacts.radia.uuid, bsuid: 'bsuid_radia_perlman_01' });
	expect(calls()).toEqual(expect.arrayContaining([
		'GET /contacts/phone/447700900001', 'PATCH /contacts/:id', 'GET /contacts/phone/447700900321', 'POST /contacts',
		'GET /contacts/bsuid/bsuid_radia_perlman_01',
	]));
});

test('team, plan, funnel: Get Many → Get Members per team, Rename → Get, Plan, funnel stages in order', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleAccount', 'All teams');
	expect(run.ok).toBe(true);
	expect(run.itemsOf('All teams').map((item) => item.json.name)).toEqual(['Sales', 'Support', 'Onboarding']);
	// Away members: Ben (Sales), Ben and Dan (Support), nobody in Onboarding; each paired with its team.
	expect(run.itemsOf('Away members').map((item) => [item.json.email, item.pairedItem.item])).toEqual([
		['ben.agent@example.com', 0],
		['ben.agent@example.com', 1],
		['dan.agent@example.com', 1],
	]);
	expect(run.itemsOf('Get team')[0].json).toMatchObject({ uuid: SEED.teams.onboarding.uuid, name: 'Onboarding EMEA' });
	expect(run.itemsOf('Plan')[0].json).toMatchObject({ plan: 'business_plus', licenses: 5, activeUsers: 2 });
	expect(run.itemsOf('Funnel stages').map((item) => item.json.name)).toEqual(['Awareness', 'Interest', 'Decision']);
});

test('custom status and user: create, set on an agent, clear, rename, get, delete, list', async () => {
	const ben = SEED.users.ben.uuid;
	const run = await runWorkflow(env().userFolder, 'cbExampleStatuses', 'Create status');
	expect(run.ok).toBe(true);
	const status = run.itemsOf('Create status')[0].json;
	expect(status).toMatchObject({ name: 'Focus time', emoji: '🎧' });
	expect(run.itemsOf('Set agent status')[0].json).toMatchObject({
		userUuid: ben, custom_status: { id: status.id, name: 'Focus time' }, appearance: { available: true },
	});
	expect(run.itemsOf('Clear agent status')[0].json).toEqual({ cleared: true, userUuid: ben });
	expect(run.itemsOf('Get status')[0].json).toMatchObject({ id: status.id, name: 'Deep work' });
	expect(run.itemsOf('Delete status')[0].json).toEqual({ deleted: true, id: status.id });
	expect(run.itemsOf('Statuses left').map((item) => item.json.name)).toEqual(['Lunch', 'Vacationing', 'In a meeting', 'Out sick']);
	expect(calls()).toEqual([
		'POST /custom_statuses',
		'PUT /users/:id/status',
		'DELETE /users/:id/status',
		'PUT /custom_statuses/:id',
		'GET /custom_statuses/:id',
		'DELETE /custom_statuses/:id',
		'GET /custom_statuses',
	]);
});

test('webhook: Subscribe then Unsubscribe; Get Delivery Events with filters', async () => {
	const at = Date.UTC(2026, 0, 1);
	env().sandbox.recordWebhookEvent({ event: 'message_created', payload: { text: 'ok' }, response: { code: 200 }, at });
	env().sandbox.recordWebhookEvent({ event: 'message_created', payload: { text: 'lost' }, response: { code: 502 }, at: at + 1000 });
	env().sandbox.recordWebhookEvent({ event: 'contact_created', payload: {}, response: { code: 500 }, at: at + 2000 });
	const run = await runWorkflow(env().userFolder, 'cbExampleWebhook', 'Subscribe');
	expect(run.ok).toBe(true);
	expect(run.itemsOf('Subscribe')[0].json).toMatchObject({
		url: 'https://hooks.example.com/callbell', subscriptions: ['message_created', 'contact_created', 'contact_updated'], enabled: true,
	});
	expect(run.itemsOf('Unsubscribe')[0].json).toEqual({ deleted: true });
	expect(env().sandbox.webhook).toBeNull();
	expect(run.itemsOf('Failed deliveries').map((item) => item.json)).toEqual([
		expect.objectContaining({ event: 'message_created', payload: { text: 'lost' }, success: false, response: expect.objectContaining({ code: 502 }) }),
	]);
	expect(env().sandbox.requests.find((request) => request.path === '/webhooks/events').query).toEqual({
		page: '1', items: '100', status: 'failed', subscriptions: 'message_created',
	});
});
