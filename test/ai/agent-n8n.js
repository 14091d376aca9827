'use strict';
/**
 * One real n8n with the packed package, the sandbox (as Callbell and as webhook sender), the
 * scripted model, and the published support-bot workflow of ./agent-workflow.js.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, runtimeSpec } = require('../../scripts/lib/n8n-runtime');
const { installPackedPackage } = require('../../scripts/lib/community-install');
const { importCredentials, importWorkflow, activateWorkflow, startN8n, setupOwner, freePortPair, n8nRest, restJson } = require('../../scripts/lib/n8n-instance');
const { DEMO_OWNER, SANDBOX_CREDENTIAL, SANDBOX_TOKEN } = require('../../scripts/lib/demo-setup');
const { createSandbox, SEED } = require('../sandbox');
const { generateSecret } = require('../sandbox/webhooks/signing');
const { waitFor } = require('../trigger/real-n8n-trigger');
const { startScriptedModel } = require('./scripted-model');
const { buildAgentWorkflow, OPENAI_CREDENTIAL_ID, OPENAI_CREDENTIAL_NAME } = require('./agent-workflow');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WEBHOOK_ID = '3f6c1a2e-7b8d-4e9f-a0b1-c2d3e4f5a6b7';

/** The hand-over targets the system message lists, as the model reads them. */
const TEAMS_TEXT = Object.values(SEED.teams).map((t) => `${t.name} (id ${t.uuid})`).join(', ');

/**
 * @param {{ steps: Parameters<typeof startScriptedModel>[0], log?: (line: string) => void, env?: Record<string, string>,
 *   moreWorkflows?: (opts: { modelId: string, agentVersion: number }) => object[] }} opts `moreWorkflows`: further
 *   workflows for the same n8n, imported with the support bot (one import) and left unpublished
 */
async function setUpAgent({ steps, log = () => {}, env = {}, moreWorkflows = () => [] }) {
	await ensureN8n({ log });
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js'))) {
		throw new Error('Build the package first (npm run build)');
	}
	const secret = generateSecret();
	const sandbox = await createSandbox({ port: 0, token: SANDBOX_TOKEN, webhookSecret: secret });
	const model = await startScriptedModel(steps);
	const runtime = runtimeSpec();
	// A set-up that fails must not leave n8n, the sandbox or the model running (jest would wait on them).
	let n8n;
	let cookie;
	try {
		const userFolder = path.join(REPO_ROOT, '.e2e', runtime.isDefault ? 'n8n-ai-agent' : `n8n-ai-agent-${runtime.name}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.mkdirSync(userFolder, { recursive: true });
		installPackedPackage(userFolder);
		await importCredentials(userFolder, [
			{ ...SANDBOX_CREDENTIAL, data: { apiToken: SANDBOX_TOKEN, baseUrl: sandbox.url, webhookSecret: secret } },
			{ id: OPENAI_CREDENTIAL_ID, name: OPENAI_CREDENTIAL_NAME, type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url: model.baseUrl } },
		]);
		// The AI Agent's newest version: 3.1 on n8n 2.x, 3 on 1.123.81 (its Agent.node.js defaultVersion).
		const agentVersion = Number(runtime.n8n.split('.')[0]) >= 2 ? 3.1 : 3;
		const workflow = buildAgentWorkflow({ webhookId: WEBHOOK_ID, teams: TEAMS_TEXT, modelId: model.modelId, agentVersion });
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-ai-'));
		try {
			const file = path.join(tmp, 'workflow.json');
			fs.writeFileSync(file, JSON.stringify([workflow, ...moreWorkflows({ modelId: model.modelId, agentVersion })], null, 2));
			await importWorkflow(userFolder, file);
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
		await activateWorkflow(userFolder, workflow.id);
		const port = await freePortPair();
		n8n = startN8n(userFolder, { port, env: { N8N_LOG_LEVEL: 'info', ...env } });
		const readyMs = await n8n.ready;
		log(`n8n ${runtime.n8n} ready on :${port} in ${readyMs} ms`);
		({ cookie } = await setupOwner(n8n.url, DEMO_OWNER));
		const productionUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/callbell`;
		// As in test/trigger: wait until the trigger subscribed and its GET webhook is registered
		// (generous: on a loaded machine n8n 1.123.81 activates slowly).
		await waitFor('the published workflow’s GET and POST webhooks', async () => {
			if (!sandbox.webhook) return false;
			return (await fetch(productionUrl)).status !== 404;
		}, 120000);
		return {
			sandbox, model, n8n, workflow, cookie, rest: n8nRest(n8n.url, cookie), productionUrl, runtime, SEED, TEAMS_TEXT,
			execution: (id) => executionSummary(n8n.url, cookie, runtime, id),
		};
	} catch (error) {
		if (n8n) log(`set-up failed; n8n's last lines:\n${n8n.log.slice(-20).join('\n')}`);
		await n8n?.stop();
		await sandbox.close();
		await model.close();
		throw error;
	}
}

/**
 * One execution as n8n stores it (GET /rest/executions/:id, its run data serialized with `flatted`,
 * read with the runtime's own copy): status, the error's node and message, the nodes that ran.
 */
async function executionSummary(baseUrl, cookie, runtime, id) {
	const res = await restJson(`${baseUrl}/rest/executions/${id}`, { cookie });
	if (!res.ok) throw new Error(`GET /rest/executions/${id} answered ${res.status}: ${res.text.slice(0, 300)}`);
	const flatted = require(path.join(runtime.dir, 'node_modules', 'flatted'));
	const record = res.json.data;
	const data = typeof record.data === 'string' ? flatted.parse(record.data) : record.data;
	const error = data?.resultData?.error;
	return {
		status: record.status,
		error: error ? { node: error.node?.name, message: error.message, description: error.description } : undefined,
		ran: Object.keys(data?.resultData?.runData ?? {}),
	};
}

module.exports = { setUpAgent, TEAMS_TEXT, WEBHOOK_ID };
