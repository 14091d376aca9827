'use strict';
// "One answer to a burst" in real n8n (npx jest -c jest.trigger.config.js test/trigger/burst.real.test.js;
// CALLBELL_N8N_RUNTIME picks the n8n): a published Callbell Trigger (message_created, incoming) →
// Contact → Wait for Customer to Finish → Message → Send (the answer). Signed inbound WhatsApp
// messages from the sandbox start one execution each; exactly one answer carries the whole burst.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, runtimeSpec } = require('../../scripts/lib/n8n-runtime');
const { installPackedPackage } = require('../../scripts/lib/community-install');
const { importCredentials, importWorkflow, activateWorkflow, startN8n, setupOwner, freePortPair, n8nRest } = require('../../scripts/lib/n8n-instance');
const { DEMO_OWNER, SANDBOX_CREDENTIAL, SANDBOX_TOKEN } = require('../../scripts/lib/demo-setup');
const { createSandbox, SEED } = require('../sandbox');
const { generateSecret } = require('../sandbox/webhooks/signing');
const { waitFor, incomingMessage, outgoingMessage } = require('./real-n8n-trigger');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const QUIET_SECONDS = 4;
const credentials = { callbellApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };

/** The workflow under test: trigger → wait for the customer to finish → one answer quoting the burst. */
function burstWorkflow() {
	const node = (name, type, x, parameters, extra = {}) => ({ id: `burst-${x}`, name, type, typeVersion: 1, position: [x, 0], parameters, credentials, ...extra });
	return {
		id: 'cbBurstAnswer',
		name: 'Callbell: one answer to a burst',
		active: false,
		nodes: [
			node('Callbell Trigger', 'n8n-nodes-callbell.callbellTrigger', 0, { registration: 'automatic', events: ['message_created'], direction: 'incoming' }, { webhookId: '7d1e6a52-3b8c-4f0e-9a21-5c4b3a291807' }),
			node('Wait for Customer', 'n8n-nodes-callbell.callbell', 220, { resource: 'contact', operation: 'waitForCustomer', quietPeriod: QUIET_SECONDS, maxWait: 60 }),
			node('Answer', 'n8n-nodes-callbell.callbell', 440, {
				resource: 'message',
				operation: 'send',
				sendTo: 'contact',
				contact: { __rl: true, mode: 'id', value: '={{ $json.contactUuid }}' },
				messageType: 'text',
				text: '=You wrote {{ $json.messageCount }} messages: {{ $json.text }}',
			}),
		],
		connections: {
			'Callbell Trigger': { main: [[{ node: 'Wait for Customer', type: 'main', index: 0 }]] },
			'Wait for Customer': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

let env;
const lines = [];

beforeAll(async () => {
	const log = (line) => process.stdout.write(`${line}\n`);
	await ensureN8n({ log });
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Callbell', 'actions', 'contact', 'waitForCustomer.operation.js'))) {
		throw new Error('Build the package first (npm run build)');
	}
	const secret = generateSecret();
	const sandbox = await createSandbox({ port: 0, token: SANDBOX_TOKEN, webhookSecret: secret });
	const runtime = runtimeSpec();
	const userFolder = path.join(REPO_ROOT, '.e2e', runtime.isDefault ? 'n8n-burst' : `n8n-burst-${runtime.name}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	installPackedPackage(userFolder);
	await importCredentials(userFolder, [{ ...SANDBOX_CREDENTIAL, data: { apiToken: SANDBOX_TOKEN, baseUrl: sandbox.url, webhookSecret: secret } }]);
	const workflow = burstWorkflow();
	const file = path.join(userFolder, 'burst-workflow.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	await importWorkflow(userFolder, file);
	await activateWorkflow(userFolder, workflow.id);
	const port = await freePortPair();
	const n8n = startN8n(userFolder, { port, env: { N8N_LOG_LEVEL: 'info' } });
	n8n.process.stdout.on('data', (d) => lines.push(String(d)));
	n8n.process.stderr.on('data', (d) => lines.push(String(d)));
	log(`n8n ${runtime.n8n} ready on :${port} in ${await n8n.ready} ms`);
	const { cookie } = await setupOwner(n8n.url, DEMO_OWNER);
	const productionUrl = `${n8n.url}/webhook/${workflow.nodes[0].webhookId}/callbell`;
	await waitFor('the published workflow’s webhooks', async () => sandbox.webhook && (await fetch(productionUrl)).status !== 404, 60000);
	env = { sandbox, n8n, workflow, userFolder, rest: n8nRest(n8n.url, cookie) };
}, 900000);

afterAll(async () => {
	if (process.env.CALLBELL_BURST_DUMP && lines.length) fs.writeFileSync(process.env.CALLBELL_BURST_DUMP, lines.join(''));
	await env?.n8n.stop();
	await env?.sandbox.close();
	// n8n's user folder holds its editor cache (~60 MB) that `npm run lint` (eslint .) would walk; CALLBELL_BURST_DUMP keeps the log.
	if (env) fs.rmSync(env.userFolder, { recursive: true, force: true });
});

const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The answers the workflow sent to a contact (API sends after `since`), oldest first. */
const answers = (uuid, since) => [...env.sandbox.state.sent.values()].filter((m) => m.contactUuid === uuid && m.item.text.startsWith('You wrote')).slice(since).map((m) => m.item.text);
const finished = async () => (await env.rest.executions(env.workflow.id)).filter((e) => e.status !== 'running' && e.status !== 'new');

/** Waits until `count` executions have finished, then long enough for a late second answer to show. */
async function settle(count) {
	await env.sandbox.webhooks.idle();
	const runs = await waitFor(`${count} finished executions`, async () => {
		const done = await finished();
		return done.length >= count ? done : null;
	}, 90000);
	await later(QUIET_SECONDS * 1000 + 2000);
	return runs;
}

test('three signed messages within 5 s start three executions and get exactly one answer holding all three texts', async () => {
	const ada = SEED.contacts.ada.uuid;
	await outgoingMessage(env.sandbox, ada, 'Your order #1042 is confirmed.');
	const before = answers(ada, 0).length;
	incomingMessage(env.sandbox, ada, 'hi');
	await later(1500);
	incomingMessage(env.sandbox, ada, 'I ordered yesterday');
	await later(1500);
	incomingMessage(env.sandbox, ada, 'where is it?');

	const runs = await settle(3);
	expect(runs.map((run) => [run.mode, run.status])).toEqual(Array(3).fill(['webhook', 'success']));
	expect(await finished()).toHaveLength(3);
	expect(answers(ada, before)).toEqual(['You wrote 3 messages: hi\nI ordered yesterday\nwhere is it?']);
	const deliveries = env.sandbox.webhooks.attempts.filter((a) => a.event === 'message_created' && a.payload.status === 'received');
	expect(deliveries.map((a) => [a.status, a.signature ? 'signed' : 'unsigned'])).toEqual(Array(3).fill([200, 'signed']));
});

test('two customers writing at the same time: one answer each, each with only their own burst', async () => {
	const ada = SEED.contacts.ada.uuid;
	const alan = SEED.contacts.alan.uuid;
	await outgoingMessage(env.sandbox, ada, 'Anything else?');
	await outgoingMessage(env.sandbox, alan, 'Anything else?');
	const already = (await finished()).length;
	const before = { ada: answers(ada, 0).length, alan: answers(alan, 0).length };
	incomingMessage(env.sandbox, ada, 'one more thing');
	incomingMessage(env.sandbox, alan, 'hello');
	await later(1000);
	incomingMessage(env.sandbox, alan, 'are you open on Sunday?');
	incomingMessage(env.sandbox, ada, 'can I change the address?');

	await settle(already + 4);
	expect(await finished()).toHaveLength(already + 4);
	expect(answers(ada, before.ada)).toEqual(['You wrote 2 messages: one more thing\ncan I change the address?']);
	expect(answers(alan, before.alan)).toEqual(['You wrote 2 messages: hello\nare you open on Sunday?']);
});
