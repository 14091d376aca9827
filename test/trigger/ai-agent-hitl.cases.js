'use strict';
// Human review of an AI Agent's tool call over WhatsApp, as cases of ai-agent.real.test.js (they share
// its n8n, its sandbox and its scripted model: no n8n of their own). n8n 2.x builds
// `n8n-nodes-callbell.callbellHitlTool` from this package's Send and Wait for Response; the workflow of
// test/ai/hitl-workflow.js puts it between the agent and a Callbell tool that tags the customer.
// Approve: the tag is added once, after the answer, and the model reads its result. Decline: the tag
// is never added and the model reads n8n's refusal. n8n 1.123.81 has no human-review tools: there the
// cases assert that absence and are skipped.
const { buildHitlWorkflow, HITL_WORKFLOW_ID, HITL_PATH, NAMES, GATED_TOOL, GATED_DESCRIPTION } = require('../ai/hitl-workflow');
const { SEED } = require('../sandbox');
const { runtimeSpec } = require('../../scripts/lib/n8n-runtime');
const { waitFor } = require('./real-n8n-trigger');

/** n8n ≥ 2 builds human-review tools (n8n/dist/tool-generation/hitl-tools.js); 1.123.81 has none. */
const HITL = Number(runtimeSpec().n8n.split('.')[0]) >= 2;
/** Alan's WhatsApp stands in for the manager's phone: he wrote within 24 hours, so the approval goes as a text. */
const MANAGER = SEED.contacts.alan;
const donald = SEED.contacts.donald;
const radia = SEED.contacts.radia;
const DONALD_TEXT = 'I have bought from you for ten years. Am I a VIP yet?';
const DONALD_FINAL = 'Donald is tagged VIP now: the manager approved.';
const RADIA_TEXT = 'I am thinking of cancelling my plan.';
const RADIA_FINAL = 'The manager declined the Churn Risk tag; Radia is not tagged.';
/** What n8n tells the model of a declined call (processHitlResponses.js getDenialMessage, 2.8.4 and 2.41.1). */
const REJECTED = new RegExp(`^User rejected the tool call to ${NAMES.gated} \\(id: (\\S+)\\)\\. STOP what you are doing and wait for the user to tell you how to proceed\\. The tool is still available if needed\\.$`);

function requestProblem(req, name, text) {
	const names = (req.tools || []).map((t) => t.function?.name);
	if (JSON.stringify(names) !== JSON.stringify([GATED_TOOL])) return `tools ${JSON.stringify(names)}, expected ["${GATED_TOOL}"]`;
	const [system] = req.messages;
	if (system?.role !== 'system' || !String(system.content).includes(`The customer is ${name}.`)) return `system message ${JSON.stringify(system)}`;
	if (!req.messages.some((m) => m.role === 'user' && String(m.content).includes(text))) return 'no user message with the webhook’s text';
	return undefined;
}

const noToolResults = (req) => (req.messages.some((m) => m.role === 'tool') ? 'tool results from another execution' : undefined);
/** The text of a refusal as the model reads it: the tool message holds `[{"output":"…"}]`. */
function refusal(content) {
	try {
		const parsed = JSON.parse(content);
		return Array.isArray(parsed) && parsed.length === 1 && Object.keys(parsed[0]).join() === 'output' ? parsed[0].output : '';
	} catch {
		return '';
	}
}

/** Why the last tool message is not what `test` wants, or undefined. */
function lastToolResult(req, ctx, test) {
	const id = ctx.toolCallIds.at(-1);
	const message = req.messages.find((m) => m.role === 'tool' && m.tool_call_id === id);
	if (!message) return `no tool result for ${id}`;
	return test(String(message.content)) ? undefined : `unexpected tool result for ${id}: ${String(message.content).slice(0, 400)}`;
}

/** The scripted model's steps for these cases, after the support bot's (none where n8n has no human-review tools). */
const hitlSteps = HITL
	? [
		{
			name: 'human review: ask to tag Donald VIP (the gated tool)',
			check: (req) => requestProblem(req, donald.name, DONALD_TEXT) || noToolResults(req),
			reply: { toolCalls: [{ name: GATED_TOOL, args: { toolParameters: { tag: 'VIP' }, hitlParameters: {} } }] },
		},
		{
			name: 'human review: approved, the tag tool ran and its result comes back',
			check: (req, ctx) => requestProblem(req, donald.name, DONALD_TEXT) || lastToolResult(req, ctx, (content) => content.includes('"VIP"') && content.includes(donald.uuid)),
			reply: { content: DONALD_FINAL },
		},
		{
			name: 'human review: ask to tag Radia Churn Risk (the gated tool)',
			check: (req) => requestProblem(req, radia.name, RADIA_TEXT) || noToolResults(req),
			reply: { toolCalls: [{ name: GATED_TOOL, args: { toolParameters: { tag: 'Churn Risk' }, hitlParameters: {} } }] },
		},
		{
			name: 'human review: declined, the model reads the refusal',
			check: (req, ctx) => requestProblem(req, radia.name, RADIA_TEXT) || lastToolResult(req, ctx, (content) => REJECTED.test(refusal(content))),
			reply: { content: RADIA_FINAL },
		},
	]
	: [];

/** The workflows these cases add to the AI-agent test's n8n (for setUpAgent's moreWorkflows). */
const hitlWorkflows = ({ modelId, agentVersion }) => (HITL ? [buildHitlWorkflow({ managerPhone: MANAGER.phoneNumber, modelId, agentVersion })] : []);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {() => any} getEnv the env of setUpAgent */
function registerHitlCases(getEnv) {
	describe('human review of an agent’s tool call over WhatsApp (callbellHitlTool)', () => {
		test(`the editor's node list ${HITL ? 'offers' : 'of n8n 1.x has no'} n8n-nodes-callbell.callbellHitlTool`, async () => {
			const env = getEnv();
			const response = await fetch(`${env.n8n.url}/types/nodes.json`, { headers: env.cookie ? { cookie: env.cookie } : {} });
			expect(response.status).toBe(200);
			const types = await response.json();
			const names = types.map((type) => type.name);
			expect(names).toContain('n8n-nodes-callbell.callbell');
			if (!HITL) {
				// 1.123.81 builds no human-review tools at all (it has no n8n/dist/tool-generation/hitl-tools.js).
				expect(names.filter((name) => name.endsWith('HitlTool'))).toEqual([]);
				return;
			}
			const hitl = types.find((type) => type.name === 'n8n-nodes-callbell.callbellHitlTool');
			expect([hitl.description, hitl.inputs, hitl.outputs]).toEqual([
				'Request human approval for tools',
				[expect.objectContaining({ type: 'ai_tool', required: true })],
				[expect.objectContaining({ type: 'ai_tool', displayName: 'Human review' })],
			]);
		});

		// Without human-review tools the workflow of these cases cannot exist (unknown node type).
		const maybe = HITL ? describe : describe.skip;
		const title = 'an AI Agent whose Callbell tag tool waits for a manager’s approval over WhatsApp (n8n 2.x)';
		maybe(HITL ? title : `${title}: skipped, this n8n has no human-review tools (asserted above)`, () => {
			let env;
			const executions = async () => env.rest.executions(HITL_WORKFLOW_ID);
			const approvals = () => [...env.sandbox.state.sent.values()].filter((m) => m.contactUuid === MANAGER.uuid).map((m) => m.item.text ?? '');
			const tagWrites = (contact) => env.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path === `/contacts/${contact.uuid}`);

			beforeAll(async () => {
				env = getEnv();
				// Published through the REST API (the editor's Publish) in the running n8n: no further n8n process.
				const started = Date.now();
				const published = await env.rest.publish(HITL_WORKFLOW_ID);
				process.stdout.write(`${HITL_WORKFLOW_ID} published in ${Date.now() - started} ms\n`);
				if (!published.ok) throw new Error(`publishing ${HITL_WORKFLOW_ID} answered ${published.status}: ${published.text.slice(0, 300)}`);
			});

			/** Starts the workflow for a customer; returns the waiting execution and the approval message's links. */
			async function askFor(contact, text) {
				const before = approvals().length;
				const modelBefore = env.model.requests.length;
				const started = await waitFor('the webhook to start the workflow', async () => {
					const res = await fetch(`${env.n8n.url}/webhook/${HITL_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact: contact.uuid, name: contact.name, text }) });
					return res.status === 404 ? null : res;
				}, 30000);
				expect(started.status).toBe(200);
				const message = await waitFor('the approval WhatsApp to the manager', () => approvals()[before], 60000);
				const execution = await waitFor('the waiting execution', async () => (await executions()).find((e) => e.status === 'waiting'), 60000);
				expect(env.model.failures).toEqual([]);
				expect(env.model.requests).toHaveLength(modelBefore + 1);
				return { execution, message, links: message.match(/http:\/\/\S+/g) ?? [] };
			}

			/** Posts a link as the page's button does (n8n answers 409 while it still saves the execution as waiting). */
			async function answer(url) {
				for (let attempt = 0; ; attempt++) {
					const response = await fetch(url, { method: 'POST' });
					if (response.status !== 409 || attempt >= 40) return response;
					await sleep(250);
				}
			}

			const finished = (id) => waitFor(`execution ${id} to finish`, async () => (await executions()).find((e) => e.id === id && !['waiting', 'running', 'new'].includes(e.status)), 90000);

			test('approve: the tool waits for the manager’s WhatsApp, runs once after Approve, and the model answers with its result', async () => {
				const tagsBefore = env.sandbox.getContact(donald.uuid).tags;
				const modelBefore = env.model.requests.length;
				const { execution, message, links } = await askFor(donald, DONALD_TEXT);

				// What the model was offered: the gated tool, its arguments wrapped (createHitlToolkit).
				const [tool] = env.model.requests[modelBefore].tools;
				process.stdout.write(`the gated tool as the model sees it: ${JSON.stringify(tool)}\nthe approval WhatsApp: ${JSON.stringify(message)}\n`);
				expect(tool.function.name).toBe(GATED_TOOL);
				expect(tool.function.description).toBe(GATED_DESCRIPTION);
				expect(Object.keys(tool.function.parameters.properties).sort()).toEqual(['hitlParameters', 'toolParameters']);
				expect(tool.function.parameters.properties.toolParameters.properties).toEqual({ tag: { type: 'string', description: 'One tag for the customer: Lead, Customer, VIP, Support, Churn Risk' } });

				// The approval WhatsApp: the tool and the model's arguments ($tool), then one line per signed link.
				expect(message).toMatch(new RegExp(`^The bot wants to run ${GATED_TOOL} with \\{"tag":"VIP"\\}\\. Allow it\\?\\n\\nApprove: http:\\S+\\nDecline: http:\\S+$`));
				expect(links).toHaveLength(2);
				expect(links[0]).toMatch(new RegExp(`/webhook-waiting/${execution.id}/hitl-0004\\?approved=true&signature=`));
				// Waiting: the tag tool has not run.
				expect(tagWrites(donald)).toEqual([]);
				expect(env.sandbox.getContact(donald.uuid).tags).toEqual(tagsBefore);

				// A changed link resumes nothing (n8n checks the signature: the saved node's operation is sendAndWait).
				const forged = await answer(links[1].replace('approved=false', 'approved=true'));
				expect(forged.status).toBe(401);
				await sleep(500);
				expect(tagWrites(donald)).toEqual([]);

				const approved = await answer(links[0]);
				expect(approved.status).toBe(200);
				const done = await finished(execution.id);
				if (env.model.failures.length) process.stdout.write(`model failures: ${JSON.stringify(env.model.failures, null, 2)}\n`);
				expect(env.model.failures).toEqual([]);
				expect(done.status).toBe('success');
				// Exactly one write, with the tag the model chose, after the answer.
				expect(tagWrites(donald).map((r) => [r.body, r.status])).toEqual([[{ tags: [...tagsBefore, 'VIP'] }, 200]]);
				expect(env.sandbox.getContact(donald.uuid).tags).toEqual([...tagsBefore, 'VIP']);
				// The model was asked twice: the tool call, then the answer after reading the tool's result.
				expect(env.model.requests).toHaveLength(modelBefore + 2);
				expect((env.sandbox.state.notes.get(donald.uuid) || []).map((n) => n.text)).toEqual([`Bot: ${DONALD_FINAL}`]);
				const summary = await env.execution(execution.id);
				expect(summary.ran).toEqual(expect.arrayContaining([NAMES.hook, NAMES.agent, NAMES.review, NAMES.gated, NAMES.note]));
			});

			test('decline: the tool never runs, the model reads n8n’s refusal and answers, the execution succeeds', async () => {
				const tagsBefore = env.sandbox.getContact(radia.uuid).tags;
				const modelBefore = env.model.requests.length;
				const { execution, message, links } = await askFor(radia, RADIA_TEXT);
				expect(message).toContain(`run ${GATED_TOOL} with {"tag":"Churn Risk"}`);
				expect(tagWrites(radia)).toEqual([]);
				const declined = await answer(links[1]);
				expect(declined.status).toBe(200);
				const done = await finished(execution.id);
				expect(env.model.failures).toEqual([]);
				expect(done.status).toBe('success');
				expect(env.model.requests).toHaveLength(modelBefore + 2);
				const last = env.model.requests.at(-1);
				const told = last.messages.find((m) => m.role === 'tool').content;
				process.stdout.write(`the model's tool result for the declined call: ${JSON.stringify(told)}\n`);
				expect(JSON.parse(told)).toEqual([{ output: expect.stringMatching(REJECTED) }]);
				// The id n8n names is the model's own tool call id.
				expect(REJECTED.exec(refusal(told))[1]).toBe(last.messages.find((m) => m.role === 'tool').tool_call_id);
				expect(tagWrites(radia)).toEqual([]);
				expect(env.sandbox.getContact(radia.uuid).tags).toEqual(tagsBefore);
				expect((env.sandbox.state.notes.get(radia.uuid) || []).map((n) => n.text)).toEqual([`Bot: ${RADIA_FINAL}`]);
				const summary = await env.execution(execution.id);
				expect(summary.ran).not.toContain(NAMES.gated);
			});
		});
	});
}

module.exports = { hitlSteps, hitlWorkflows, registerHitlCases, HITL };
