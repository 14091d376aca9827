'use strict';
// The webhook example (examples/queue-webhook-contact-update.json) made live and called over HTTP
// in a real n8n server. How a workflow goes live differs between n8n 1.x (active flag) and 2.x
// (published version): activateWorkflow in scripts/lib/n8n-instance.js picks the right command.
const { startN8n, activateWorkflow } = require('../../scripts/lib/n8n-instance');
const { useRealN8n, SEED } = require('./real-n8n');
const sendAndWait = require('./send-and-wait.cases');

const PORT = Number(process.env.E2E_N8N_PORT || 5691);
const WORKFLOW_ID = 'cbQueueWebhookBatch';
let n8n;

// Its one test reads the sandbox as set-up and n8n's start left it: no reset before it.
const env = useRealN8n({
	prepare: async ({ userFolder }) => {
		await activateWorkflow(userFolder, WORKFLOW_ID);
		await sendAndWait.prepare(userFolder);
		n8n = startN8n(userFolder, { port: PORT });
		await n8n.ready;
	},
	cleanUp: () => n8n?.stop(),
	resetEach: false,
});

test('a POST to the live webhook updates each contact through the Callbell node and answers with them', async () => {
	const { ada, grace } = SEED.contacts;
	const contacts = [
		{ uuid: ada.uuid, name: 'Ada King', orders: 7 },
		{ uuid: grace.uuid, name: 'Grace B. Hopper', orders: 2 },
	];
	// n8n registers the webhook right after "Editor is now accessible": retry briefly on 404.
	let response;
	for (let attempt = 0; attempt < 40; attempt++) {
		response = await fetch(`http://127.0.0.1:${PORT}/webhook/callbell-batch`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ contacts }),
		});
		if (response.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	expect(response.status).toBe(200);
	const body = await response.json();
	expect(body.map((contact) => [contact.uuid, contact.name])).toEqual(contacts.map((contact) => [contact.uuid, contact.name]));
	expect(env().sandbox.requests.filter((request) => request.method === 'PATCH').map((request) => [request.path, request.body])).toEqual(
		contacts.map((contact) => [`/contacts/${contact.uuid}`, { name: contact.name, custom_fields: { 'Order Count': String(contact.orders) } }]),
	);
	expect(env().sandbox.getContact(grace.uuid)).toMatchObject({ name: 'Grace B. Hopper' });
});

// Message → Send and Wait for Response, in this file's n8n server (see send-and-wait.cases.js).
sendAndWait.register(() => ({ env: env(), port: PORT }));
