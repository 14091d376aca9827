'use strict';
// One real n8n with the packed package, the sandbox credential (with a Webhook Signing Secret) and
// the published "incoming message → tag and answer" example, for npm run test:trigger.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, runtimeSpec } = require('../../scripts/lib/n8n-runtime');
const { installPackedPackage } = require('../../scripts/lib/community-install');
const { importCredentials, importWorkflow, activateWorkflow, startN8n, setupOwner, freePortPair, n8nRest } = require('../../scripts/lib/n8n-instance');
const { DEMO_OWNER, SANDBOX_CREDENTIAL, SANDBOX_TOKEN } = require('../../scripts/lib/demo-setup');
const { createSandbox, SEED } = require('../sandbox');
const { generateSecret } = require('../sandbox/webhooks/signing');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOW_FILE = path.join(REPO_ROOT, 'examples', 'trigger-tag-and-reply.json');
/** The one-webhook rule's answer: one receiving workflow hands events on to sub-workflows. */
const FAN_OUT_FILES = ['trigger-fan-out.json', 'trigger-fan-out-messages.json', 'trigger-fan-out-contacts.json'].map((f) => path.join(REPO_ROOT, 'examples', f));

/**
 * A second trigger workflow for Download Attachments: Registration Manual (it never touches
 * Callbell's one webhook; tests POST signed deliveries to its URL), Max Attachment Size 1 MB.
 */
const ATTACHMENTS_WORKFLOW = {
	id: 'cbTriggerAttachments',
	name: 'Callbell Trigger: download attachments (test)',
	active: false,
	nodes: [
		{
			id: 'att-0001-0000-0000-000000000001',
			name: 'Callbell Trigger',
			type: 'n8n-nodes-callbell.callbellTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: '0a7c4e2b-5d1f-4b8a-9c3e-6f2d1a0b9c8d',
			parameters: { registration: 'manual', events: ['message_created'], direction: 'incoming', downloadAttachments: true, maxAttachmentSizeMb: 1 },
			credentials: { callbellApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

/** Polls `check` (sync or async) until it returns a truthy value; throws with `what` after `timeoutMs`. */
async function waitFor(what, check, timeoutMs = 30000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * A customer's WhatsApp message arriving in Callbell: the sandbox's inbound control stores it and
 * emits message_created (status "received"), which the sandbox's deliverer POSTs, signed, to the
 * subscribed URL. Returns the emitted event (its `seq` lets a test resend it as Callbell's retry).
 */
function incomingMessage(sandbox, contactUuid, text) {
	sandbox.inbound({ contact_uuid: contactUuid, text });
	return [...sandbox.events.emitted].reverse().find((e) => e.event === 'message_created');
}

/** A message the account sends through the API (POST /messages/send): message_created with status "sent". */
async function outgoingMessage(sandbox, contactUuid, text) {
	const contact = sandbox.getContact(contactUuid);
	const channel = sandbox.state.account.channels.find((c) => c.type === 'whatsapp' && c.main);
	const res = await fetch(`${sandbox.url}/messages/send`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ to: contact.phoneNumber, from: 'whatsapp', channel_uuid: channel.uuid, type: 'text', content: { text } }),
	});
	if (!res.ok) throw new Error(`POST /messages/send answered ${res.status}: ${await res.text()}`);
	return res.json();
}

async function setUp({ log = () => {} } = {}) {
	await ensureN8n({ log });
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'CallbellTrigger', 'CallbellTrigger.node.js'))) {
		throw new Error('Build the package first (npm run build)');
	}
	const secret = generateSecret();
	const sandbox = await createSandbox({ port: 0, token: SANDBOX_TOKEN, webhookSecret: secret });
	const runtime = runtimeSpec();
	const userFolder = path.join(REPO_ROOT, '.e2e', runtime.isDefault ? 'n8n-trigger' : `n8n-trigger-${runtime.name}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	installPackedPackage(userFolder);
	await importCredentials(userFolder, [
		{ ...SANDBOX_CREDENTIAL, data: { apiToken: SANDBOX_TOKEN, baseUrl: sandbox.url, webhookSecret: secret } },
	]);
	const workflow = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
	// One import for the example and the Download Attachments workflow (each n8n CLI call costs seconds).
	const mainFile = path.join(userFolder, 'trigger-workflows.json');
	fs.writeFileSync(mainFile, JSON.stringify([workflow, ATTACHMENTS_WORKFLOW]));
	await importWorkflow(userFolder, mainFile);
	for (const file of FAN_OUT_FILES) await importWorkflow(userFolder, file);
	const attachmentsStarted = Date.now();
	await activateWorkflow(userFolder, ATTACHMENTS_WORKFLOW.id);
	log(`the Download Attachments workflow published in ${Date.now() - attachmentsStarted} ms`);
	// n8n publishes a workflow only when the sub-workflows it calls are published.
	await activateWorkflow(userFolder, 'cbFanOutMessages');
	await activateWorkflow(userFolder, 'cbFanOutContacts');
	await activateWorkflow(userFolder, workflow.id);
	const port = await freePortPair();
	const n8n = startN8n(userFolder, { port, env: { N8N_LOG_LEVEL: 'info' } });
	const readyMs = await n8n.ready;
	log(`n8n ready on :${port} in ${readyMs} ms`);
	const { cookie } = await setupOwner(n8n.url, DEMO_OWNER);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-callbell.callbellTrigger');
	const productionUrl = `${n8n.url}/webhook/${trigger.webhookId}/callbell`;
	// n8n answers its health check before it has activated the published workflows, and it
	// registers a trigger's webhooks one by one (the POST, whose creation subscribes in Callbell,
	// before the GET): wait for the subscription and the GET, or a test meets a half-activated workflow.
	await waitFor('the published workflow’s GET and POST webhooks', async () => {
		if (!sandbox.webhook) return false;
		return (await fetch(productionUrl)).status !== 404;
	}, 60000);
	const attachmentsUrl = `${n8n.url}/webhook/${ATTACHMENTS_WORKFLOW.nodes[0].webhookId}/callbell`;
	await waitFor('the attachments workflow’s webhooks', async () => (await fetch(attachmentsUrl)).status !== 404, 60000);
	return {
		sandbox, n8n, secret, workflow, trigger, rest: n8nRest(n8n.url, cookie), SEED, cookie, runtime,
		productionUrl, attachments: { workflowId: ATTACHMENTS_WORKFLOW.id, url: attachmentsUrl },
		testUrl: `${n8n.url}/webhook-test/${trigger.webhookId}/callbell`,
	};
}

/**
 * The first node's output items of one execution (GET /rest/executions/:id, run data serialized
 * with `flatted`, read with the runtime's own copy), each with its binary files' bytes (from the
 * item itself in n8n's default mode, else GET /rest/binary-data).
 */
async function triggerOutput(env, executionId, nodeName = 'Callbell Trigger') {
	const res = await fetch(`${env.n8n.url}/rest/executions/${executionId}`, { headers: { cookie: env.cookie } });
	if (!res.ok) throw new Error(`GET /rest/executions/${executionId} answered ${res.status}`);
	const record = (await res.json()).data;
	const flatted = require(path.join(env.runtime.dir, 'node_modules', 'flatted'));
	const data = typeof record.data === 'string' ? flatted.parse(record.data) : record.data;
	const items = data.resultData.runData[nodeName][0].data.main[0];
	for (const item of items) {
		for (const file of Object.values(item.binary ?? {})) {
			if (file.id) {
				const query = new URLSearchParams({ id: file.id, action: 'download' });
				const got = await fetch(`${env.n8n.url}/rest/binary-data?${query}`, { headers: { cookie: env.cookie } });
				file.bytes = got.ok ? Buffer.from(await got.arrayBuffer()) : `GET /rest/binary-data answered ${got.status}`;
			} else file.bytes = Buffer.from(file.data, 'base64');
		}
	}
	return { status: record.status, items };
}

module.exports = { setUp, waitFor, incomingMessage, outgoingMessage, triggerOutput };
