'use strict';
// One real n8n user folder for the end-to-end suite: the packed package installed as n8n's
// community install places it, the sandbox credential (plus one with a wrong token) and every example workflow imported.
// Which n8n: CALLBELL_N8N_RUNTIME (default 2.41.1; `npm run test:compat` runs this suite on 1.123.81
// and 2.8.4 too), see scripts/lib/n8n-runtime.js. Version differences belong in scripts/lib, not here.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, runtimeSpec } = require('../../scripts/lib/n8n-runtime');
const { installPackedPackage } = require('../../scripts/lib/community-install');
const {
	importCredentials,
	importWorkflow,
	executeWorkflow,
} = require('../../scripts/lib/n8n-instance');
const { createSandbox, SEED } = require('../sandbox');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');
const SANDBOX_CREDENTIAL = { id: 'callbellSandbox1', name: 'Callbell (local sandbox)' };
const WRONG_TOKEN = 'wrong-token-e2e-7c1d';
const WRONG_CREDENTIAL = { id: 'callbellWrongToken', name: 'Callbell (wrong token)' };

/** Starts the sandbox and prepares a fresh n8n user folder with everything imported. */
async function setUp({ log = () => {} } = {}) {
	await ensureN8n({ log });
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js'))) {
		throw new Error('Build the package first (npm run build)');
	}
	const sandbox = await createSandbox({ port: 0 });
	const runtime = runtimeSpec();
	const userFolder = path.join(REPO_ROOT, '.e2e', runtime.isDefault ? 'n8n-user' : `n8n-user-${runtime.name}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const installed = installPackedPackage(userFolder);

	await importCredentials(userFolder, [
		{ ...SANDBOX_CREDENTIAL, type: 'callbellApi', data: { apiToken: SEED.token, baseUrl: sandbox.url } },
		{ ...WRONG_CREDENTIAL, type: 'callbellApi', data: { apiToken: WRONG_TOKEN, baseUrl: sandbox.url } },
	]);
	const workflows = {};
	for (const file of fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'))) {
		workflows[file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	}
	await importWorkflow(userFolder, EXAMPLES, ['--separate']);
	return { sandbox, userFolder, installed, workflows, runtime };
}

/**
 * An e2e file's set-up, registered as its hooks: before all its tests, setUp (the sandbox and a
 * fresh n8n user folder with everything imported), then `prepare(env)` for what the file adds
 * (workflows of its own, a running n8n server); after all of them, `cleanUp(env)` and the sandbox
 * closes; before each test, the sandbox goes back to its seed unless `resetEach` is false.
 * Returns the getter of setUp's env, for use inside tests and hooks.
 */
function useRealN8n({ prepare, cleanUp, resetEach = true } = {}) {
	let env;
	beforeAll(async () => {
		env = await setUp({ log: (line) => process.stdout.write(`${line}\n`) });
		await prepare?.(env);
	}, 900000);
	afterAll(async () => {
		await cleanUp?.(env);
		await env?.sandbox.close();
	});
	if (resetEach) beforeEach(() => env.sandbox.reset());
	return () => {
		if (!env) throw new Error('Real n8n is not set up: use the env inside tests and hooks');
		return env;
	};
}

/** Imports a copy of an example that uses another credential, under a new id. */
async function importVariant(userFolder, workflow, { id, credential }) {
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = `${workflow.name} (${credential.name})`;
	for (const node of copy.nodes) {
		if (node.credentials?.callbellApi) node.credentials.callbellApi = credential;
	}
	const file = path.join(userFolder, `${id}.json`);
	fs.writeFileSync(file, JSON.stringify(copy));
	await importWorkflow(userFolder, file);
	return copy;
}

/** Imports workflows built in a test, all with one `n8n import:workflow` (the file holds an array). */
async function importWorkflows(userFolder, workflows, fileName = 'test-workflows.json') {
	const file = path.join(userFolder, fileName);
	fs.writeFileSync(file, JSON.stringify(workflows));
	await importWorkflow(userFolder, file);
}

/**
 * Runs a workflow with `n8n execute --id` and returns the Callbell node's run. `ok` is true for a
 * successful run, also when n8n 2.41 crashes while exiting after it (see executeWorkflow).
 */
async function runWorkflow(userFolder, id, nodeName = 'Callbell') {
	const result = await executeWorkflow(userFolder, id);
	const runData = result.data?.data?.resultData?.runData ?? result.data?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	/** Output items of any node of the run, by name. */
	const itemsOf = (name) => runData?.[name]?.[0]?.data?.main?.[0] ?? [];
	return { ...result, task, items: task?.data?.main?.[0] ?? [], itemsOf, runData };
}

module.exports = { setUp, useRealN8n, importVariant, importWorkflows, runWorkflow, SEED, WRONG_TOKEN, WRONG_CREDENTIAL, SANDBOX_CREDENTIAL };
