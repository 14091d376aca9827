'use strict';
// The Message, Template and Channel examples, imported and run inside real n8n 2.41.1.
const { useRealN8n, runWorkflow, SEED } = require('./real-n8n');

const env = useRealN8n();

const calls = () => env().sandbox.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{32}/g, ':uuid')}`);
const sentMessages = () => [...env().sandbox.state.sent.values()];

test('send the approved template "Order shipped" with values from data to three customers', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleSendTemplate', 'Send Order shipped');
	expect(run.ok).toBe(true);
	const items = run.itemsOf('Send Order shipped');
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	for (const { json } of items) {
		expect(json).toMatchObject({ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued', contact: expect.any(Object), conversation: expect.any(Object) });
	}
	expect(items[0].json.contact.uuid).toBe(SEED.contacts.ada.uuid);
	expect(items[1].json.contact.uuid).toBe(SEED.contacts.grace.uuid);

	const posts = env().sandbox.requests.filter((request) => request.method === 'POST').map((request) => request.body);
	expect(posts.map((body) => [body.to, body.template_values, body.metadata])).toEqual([
		['+447700900001', ['Ada', 'A-1042', 'Friday 4 December'], { orderId: 'A-1042' }],
		['+12025550102', ['Grace', 'A-1043', 'Monday 7 December'], { orderId: 'A-1043' }],
		['+393331234567', ['Giulia', 'A-1044', 'Tuesday 8 December'], { orderId: 'A-1044' }],
	]);
	for (const body of posts) {
		expect(body).toMatchObject({ from: 'whatsapp', channel_uuid: SEED.channels.whatsapp.uuid, type: 'text', template_uuid: SEED.templates.orderShipped.uuid, optin_contact: true });
	}
	// Grace is outside the 24-hour window: a template still reaches her. Giulia became a contact.
	expect(sentMessages().map((message) => message.templateUuid)).toEqual([1, 2, 3].map(() => SEED.templates.orderShipped.uuid));
	expect(items[2].json.contact).toMatchObject({ phone: expect.stringContaining('333') });
	expect(calls().filter((call) => call.startsWith('GET')).sort()).toEqual(['GET /channels', 'GET /templates', 'GET /templates']);
});

test('send a text, wait until it is delivered, then delete it in Callbell', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleSendAndWait', 'Send text');
	expect(run.ok).toBe(true);
	const [sent] = run.itemsOf('Send text').map((item) => item.json);
	expect(sent).toMatchObject({ uuid: expect.any(String), status: 'enqueued' });
	const [status] = run.itemsOf('Wait until delivered').map((item) => item.json);
	expect(status).toMatchObject({ uuid: sent.uuid, waitUntil: 'delivered', waitResult: 'reached', messageStatusPayload: expect.any(Object) });
	expect(['delivered', 'read']).toContain(status.status);
	expect(run.itemsOf('Delete in Callbell').map((item) => item.json)).toEqual([{ deleted: true, uuid: sent.uuid }]);
	expect(calls()).toEqual(expect.arrayContaining(['POST /messages/send', 'GET /messages/status/:uuid', 'DELETE /messages/:uuid']));
	expect(env().sandbox.requests.find((request) => request.method === 'POST').body).toMatchObject({
		to: '+447700900001',
		channel_uuid: SEED.channels.whatsapp.uuid,
		type: 'text',
		assigned_user: 'ada.agent@example.com',
	});
	expect(env().sandbox.state.sent.get(sent.uuid)?.deleted).toBe(true);
});

test('templates and channels: Get Many with filters, Get, Rename', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleTemplatesChannels', 'Approved text templates');
	expect(run.ok).toBe(true);
	const templates = run.itemsOf('Approved text templates').map((item) => item.json);
	expect(templates.length).toBeGreaterThan(1);
	for (const template of templates) expect(template).toMatchObject({ status: 'approved', templateType: 'text', variables: expect.any(Number) });
	expect(run.itemsOf('Rename Welcome')[0].json).toMatchObject({ uuid: SEED.templates.welcome.uuid, title: 'Welcome (2026)', variables: 0 });
	const channels = run.itemsOf('Active WhatsApp channels').map((item) => item.json);
	expect(channels.map((channel) => [channel.type, channel.active])).toEqual(channels.map(() => ['whatsapp', true]));
	expect(channels.map((channel) => channel.uuid)).toEqual(expect.arrayContaining([SEED.channels.whatsapp.uuid, SEED.channels.whatsappSales.uuid]));
	expect(run.itemsOf('Get Sales line')[0].json).toMatchObject({ uuid: SEED.channels.whatsappSales.uuid, active: true });
	expect(run.itemsOf('Rename Sales line')[0].json).toMatchObject({ uuid: SEED.channels.whatsappSales.uuid, title: 'Sales (UK)' });
	expect(env().sandbox.state.account.channels.find((channel) => channel.uuid === SEED.channels.whatsappSales.uuid).title).toBe('Sales (UK)');
	expect(env().sandbox.state.account.templates.find((template) => template.uuid === SEED.templates.welcome.uuid).title).toBe('Welcome (2026)');
});
