'use strict';
// The Message, Template and Channel examples, imported and run inside real n8n 2.41.1 (1.123.81 and
// 2.8.4 in npm run test:compat), and Message → Download Media: attachment URLs served by the
// sandbox's storage become binary data; a missing file is an error item.
const { useRealN8n, importWorkflows, runWorkflow, SANDBOX_CREDENTIAL, SEED } = require('./real-n8n');

const DOWNLOAD_WORKFLOW_ID = 'cbTestDownloadMedia';

/** Manual Trigger → voice note → invoice (into "invoice") → a 404 (Continue On Fail). URLs are the running sandbox's. */
function downloadWorkflow(sandbox) {
	const download = (name, x, url, options = {}, extra = {}) => ({
		id: `dm-${x}`,
		name,
		type: 'n8n-nodes-callbell.callbell',
		typeVersion: 1,
		position: [x * 220, 0],
		parameters: { resource: 'message', operation: 'downloadMedia', url, options },
		credentials: { callbellApi: SANDBOX_CREDENTIAL },
		...extra,
	});
	const nodes = [
		{ id: 'dm-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		download('Download voice note', 1, sandbox.mediaUrl('voice')),
		download('Download invoice', 2, sandbox.mediaUrl('document'), { binaryPropertyName: 'invoice' }),
		download('Download missing file', 3, sandbox.mediaUrl('image', { status: 404 }), {}, { onError: 'continueRegularOutput' }),
	];
	const chain = nodes.map((node) => node.name);
	const connections = Object.fromEntries(chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]));
	return { id: DOWNLOAD_WORKFLOW_ID, name: 'Download Media (e2e)', active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

// One n8n user folder for the examples and the Download Media workflow: one set-up, not two.
const env = useRealN8n({ prepare: async (e) => importWorkflows(e.userFolder, [downloadWorkflow(e.sandbox)], 'download-media.json') });

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

test('an Ogg voice note and a PDF become binary data with mime type, file name and size; a 404 is an error item; no token to the storage host', async () => {
	const { sandbox } = env();
	const run = await runWorkflow(env().userFolder, DOWNLOAD_WORKFLOW_ID, 'Download voice note');
	expect(run.ok).toBe(true);

	const [voice] = run.itemsOf('Download voice note');
	expect(voice.json).toEqual({ url: sandbox.mediaUrl('voice'), fileName: 'voice-note.ogg', mimeType: 'audio/ogg', size: sandbox.media.voice.bytes.length, binaryPropertyName: 'data' });
	expect(voice.binary.data).toMatchObject({ mimeType: 'audio/ogg', fileName: 'voice-note.ogg' });
	expect(voice.pairedItem).toEqual({ item: 0 });

	const [invoice] = run.itemsOf('Download invoice');
	expect(invoice.json).toEqual({ url: sandbox.mediaUrl('document'), fileName: 'invoice-1042.pdf', mimeType: 'application/pdf', size: sandbox.media.document.bytes.length, binaryPropertyName: 'invoice' });
	expect(invoice.binary.invoice).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-1042.pdf' });
	if (invoice.binary.invoice.data && invoice.binary.invoice.data !== 'filesystem-v2') {
		expect(Buffer.from(invoice.binary.invoice.data, 'base64')).toEqual(sandbox.media.document.bytes);
	}

	const [missing] = run.itemsOf('Download missing file');
	expect(missing.json.error).toBe('Attachment URL: The file server answered 404 [item 0]');
	expect(missing.pairedItem).toEqual({ item: 0 });

	expect(sandbox.storage.requests.map((r) => [r.path, r.hasAuthorization, r.status])).toEqual([
		['/media/voice-note.ogg', false, 200],
		['/media/invoice.pdf', false, 200],
		['/media/photo.png', false, 404],
	]);
	expect(sandbox.requests).toHaveLength(0); // nothing went to Callbell's API
});
