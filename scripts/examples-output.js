#!/usr/bin/env node
'use strict';

/**
 * `node scripts/examples-output.js <out.json>`: runs every example workflow that starts by hand in
 * real n8n (the e2e set-up: the packed package, a fresh sandbox per workflow) and writes what each
 * node output and which requests the sandbox received, with times made neutral. Run it before and
 * after a refactoring and `diff` the two files: a change that keeps behaviour keeps them identical.
 */

const fs = require('node:fs');

const { setUp, runWorkflow, SEED } = require('../test/e2e/real-n8n');

const TIMES = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?( ?Z| ?[+-]\d{2}:?\d{2})/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Times made neutral, and ids the sandbox draws at random (custom statuses created in the run)
 * numbered by first appearance, so equal ids stay equal. The sandbox's other ids are derived
 * from their labels, the same in every run.
 */
function neutral(value, seeded) {
	const numbered = new Map();
	const text = JSON.stringify(value ?? null)
		.replace(TIMES, '<time>')
		.replace(UUID, (id) => (seeded.has(id) ? id : `<id ${numbered.get(id) ?? numbered.set(id, numbered.size + 1).get(id)}>`));
	return JSON.parse(text);
}

async function main() {
	const out = process.argv[2];
	if (!out) throw new Error('usage: node scripts/examples-output.js <out.json>');
	const env = await setUp();
	const seeded = new Set(JSON.stringify(SEED).match(UUID) ?? []);
	const report = {};
	try {
		for (const [file, workflow] of Object.entries(env.workflows).sort(([a], [b]) => a.localeCompare(b))) {
			if (!workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')) continue;
			env.sandbox.reset();
			const run = await runWorkflow(env.userFolder, workflow.id);
			const nodes = {};
			for (const [name, tasks] of Object.entries(run.runData ?? {})) {
				nodes[name] = tasks.map((task) => ({
					error: task.error ? { message: task.error.message, description: task.error.description ?? null } : undefined,
					outputs: (task.data?.main ?? []).map((items) => (items ?? []).map((item) => ({ json: item.json, pairedItem: item.pairedItem }))),
				}));
			}
			const requests = env.sandbox.requests.map((request) => [request.method, request.path, request.query, request.body ?? null, request.status]);
			report[file] = neutral({ ok: run.ok, nodes, requests }, seeded);
			process.stdout.write(`${file}: ${run.ok ? 'ok' : 'FAILED'}, ${requests.length} requests\n`);
		}
	} finally {
		await env.sandbox.close();
	}
	fs.writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
