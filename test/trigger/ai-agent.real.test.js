'use strict';
// The Callbell node as tools of n8n's real AI Agent (npm run test:trigger; CALLBELL_N8N_RUNTIME picks
// the n8n): a published Callbell Trigger → AI Agent (OpenAI Chat Model pointed at the scripted model
// of test/ai) → Callbell tools, driven by signed inbound WhatsApp messages from the sandbox: one the
// agent handles with all four tools, two whose tool calls Callbell refuses, and one whose reply Callbell
// sends but whose answer is lost (the model must be told not to resend it).
const fs = require('node:fs');

const { setUpAgent } = require('../ai/agent-n8n');
const { TOOLS } = require('../ai/agent-workflow');
const { toolSchemas, schemaSection, replaceSchemaSection, DOC_FILE } = require('../ai/tool-schemas');
const { waitFor, incomingMessage } = require('./real-n8n-trigger');
const { hitlSteps, hitlWorkflows, registerHitlCases } = require('./ai-agent-hitl.cases');
const { SEED } = require('../sandbox');
const { runtimeSpec } = require('../../scripts/lib/n8n-runtime');

const ada = SEED.contacts.ada;
const grace = SEED.contacts.grace;
const cleo = SEED.users.cleo;
const support = SEED.teams.support;
const INBOUND = 'Hi, order #1042 arrived broken. I want a refund please.';
const REPLY = 'Sorry about order #1042, Ada! Cleo from our Support team will arrange your refund.';
const FINAL = 'Tagged the contact Support, answered, and handed the conversation over to Cleo (Support).';
const TOOL_NAMES = ['Hand_over_to_a_human', 'Read_recent_messages', 'Reply_to_customer', 'Tag_contact'];
const GRACE_INBOUND = 'Please put me on your Refund list.';
const GRACE_FINAL = 'Could not tag Grace: Callbell refused the tag.';
const alan = SEED.contacts.alan;
const ALAN_INBOUND = 'Let me talk to Mr Nobody, please.';
const ALAN_FINAL = 'Could not hand Alan over.';
const NOBODY = 'nobody@example.com';
const barbara = SEED.contacts.barbara;
const BARBARA_INBOUND = 'Is my parcel on its way?';
const BARBARA_REPLY = 'Yes, Barbara: your parcel left our warehouse this morning.';
const BARBARA_FINAL = 'The reply may have been sent; not sending it again.';
/** What the model must read in the tool result of a send whose answer Callbell lost. */
const DO_NOT_RESEND = /The message may have been sent, so it was not sent again; do not resend it before checking the conversation \(the connection was lost before the answer/;

/** Whether the n8n at hand hands a failed tool's error to the model (2.41.1) or fails the run (2.8.4, 1.123.81). */
const errorsReachModel = (() => {
	const [major, minor] = runtimeSpec().n8n.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 41);
})();

/** Why a request is not what every step expects: the four tools, the prompt of this message. */
function commonProblem(req, customer = ada.name, inbound = INBOUND) {
	const names = (req.tools || []).map((t) => t.function?.name).sort();
	if (JSON.stringify(names) !== JSON.stringify(TOOL_NAMES)) return `tools ${JSON.stringify(names)}, expected ${JSON.stringify(TOOL_NAMES)}`;
	const [system] = req.messages;
	if (system?.role !== 'system' || !String(system.content).includes(`The customer is ${customer}.`)) return `system message ${JSON.stringify(system)}`;
	if (!req.messages.some((m) => m.role === 'user' && String(m.content).includes(inbound))) return 'no user message with the inbound text';
	return undefined;
}

/** The content of the tool result for `id`, or a reason why it is missing. */
function toolResult(req, id) {
	const message = req.messages.find((m) => m.role === 'tool' && m.tool_call_id === id);
	return message ? String(message.content) : undefined;
}

function resultsProblem(req, expectations) {
	for (const [id, mustContain] of expectations) {
		const content = toolResult(req, id);
		if (content === undefined) return `no tool result for ${id}`;
		if (!content.includes(mustContain)) return `tool result ${id} lacks ${JSON.stringify(mustContain)}: ${content.slice(0, 300)}`;
	}
	return undefined;
}

const STEPS = [
	{
		name: 'read the conversation and tag the contact',
		check: (req) => commonProblem(req) || (req.messages.some((m) => m.role === 'tool') ? 'tool results before any tool call' : undefined),
		reply: { toolCalls: [{ name: 'Read_recent_messages', args: { limit: 5 } }, { name: 'Tag_contact', args: { tag: 'Support' } }] },
	},
	{
		name: 'answer and hand over',
		// The messages tool returned the conversation as text (the inbound message last); the tag tool the contact.
		check: (req) => commonProblem(req) || resultsProblem(req, [['call_1_1', `Customer: ${INBOUND}`], ['call_1_2', 'Support']]),
		reply: {
			toolCalls: [
				{ name: 'Reply_to_customer', args: { text: REPLY } },
				{ name: 'Hand_over_to_a_human', args: { agent_email: cleo.email, team_id: support.uuid } },
			],
		},
	},
	{
		name: 'final answer',
		check: (req) => commonProblem(req) || resultsProblem(req, [['call_2_1', '"status":"enqueued"'], ['call_2_2', cleo.email]]),
		reply: { content: FINAL },
	},
	// Grace's message: the model picks a tag the account does not have, Callbell answers 422.
	{
		name: 'tag with an unknown tag',
		check: (req) => commonProblem(req, grace.name, GRACE_INBOUND) || (req.messages.some((m) => m.role === 'tool') ? 'tool results from another execution' : undefined),
		reply: { toolCalls: [{ name: 'Tag_contact', args: { tag: 'Refund' } }] },
	},
	{
		name: 'the refusal comes back as the tool result, with Callbell’s reason (On Error: Continue)',
		check: (req) => commonProblem(req, grace.name, GRACE_INBOUND) || resultsProblem(req, [['call_4_1', 'unknown tag(s): Refund']]),
		reply: { content: GRACE_FINAL },
	},
	// Alan's message: a hand-over to someone who is not a user; that tool keeps n8n's default On Error.
	{
		name: 'hand over to an unknown user',
		check: (req) => commonProblem(req, alan.name, ALAN_INBOUND) || (req.messages.some((m) => m.role === 'tool') ? 'tool results from another execution' : undefined),
		reply: { toolCalls: [{ name: 'Hand_over_to_a_human', args: { agent_email: NOBODY, team_id: support.uuid } }] },
	},
	// Only where n8n gives the model the failed tool's error (2.41.1); 2.8.4 and 1.123.81 end the run at the tool.
	...(errorsReachModel
		? [{
			name: 'n8n 2.41: the refusal comes back as the tool result (the error’s message only)',
			check: (req) => commonProblem(req, alan.name, ALAN_INBOUND) || resultsProblem(req, [['call_6_1', '"error"']]),
			reply: { content: ALAN_FINAL },
		}]
		: []),
	// Barbara's message: the reply's send is carried out by Callbell, then its answer is lost.
	{
		name: 'reply to Barbara',
		check: (req) => commonProblem(req, barbara.name, BARBARA_INBOUND) || (req.messages.some((m) => m.role === 'tool') ? 'tool results from another execution' : undefined),
		reply: { toolCalls: [{ name: 'Reply_to_customer', args: { text: BARBARA_REPLY } }] },
	},
	{
		name: 'the lost send comes back as "may have been sent, do not resend" (On Error: Continue)',
		check: (req, ctx) => {
			const problem = commonProblem(req, barbara.name, BARBARA_INBOUND);
			if (problem) return problem;
			const content = toolResult(req, ctx.toolCallIds.at(-1));
			return content !== undefined && DO_NOT_RESEND.test(content) ? undefined : `the send's tool result lacks the do-not-resend headline: ${String(content).slice(0, 400)}`;
		},
		reply: { content: BARBARA_FINAL },
	},
	// The human-review cases (ai-agent-hitl.cases.js), last: an agent whose tag tool waits for approval.
	...hitlSteps,
];

let env;
const lines = [];

beforeAll(async () => {
	env = await setUpAgent({ steps: STEPS, moreWorkflows: hitlWorkflows, log: (line) => process.stdout.write(`${line}\n`) });
	env.n8n.process.stdout.on('data', (d) => lines.push(String(d)));
	env.n8n.process.stderr.on('data', (d) => lines.push(String(d)));
}, 900000);

afterAll(async () => {
	// CALLBELL_AI_DUMP=<file>: every request the model got and every Callbell API request, for debugging.
	if (process.env.CALLBELL_AI_DUMP && env) {
		fs.writeFileSync(process.env.CALLBELL_AI_DUMP, JSON.stringify({ model: env.model.requests, failures: env.model.failures, callbell: apiRequests() }, null, 2));
	}
	await env?.n8n.stop();
	await env?.sandbox.close();
	await env?.model.close();
});

const runs = async () => (await env.rest.executions(env.workflow.id)).filter((e) => e.status !== 'running' && e.status !== 'new');
/** The Callbell API requests the workflow made (the trigger's own subscription left out). */
const apiRequests = () => env.sandbox.requests.filter((r) => !r.path.startsWith('/webhooks/'));

/** Sends a customer's message and waits for the n-th execution; returns it and the API requests it made. */
async function conversation(contact, text, count) {
	const before = env.sandbox.requests.length;
	incomingMessage(env.sandbox, contact.uuid, text);
	const [execution] = await waitFor(`execution ${count}`, async () => {
		const list = await runs();
		return list.length === count ? list : null;
	}, 90000);
	if (env.model.failures.length) process.stdout.write(`model failures: ${JSON.stringify(env.model.failures, null, 2)}\n`);
	const made = env.sandbox.requests.slice(before).filter((r) => !r.path.startsWith('/webhooks/')).map((r) => [r.method, r.path, r.body, r.status]);
	return { execution, made, summary: await env.execution(execution.id) };
}

describe('an incoming WhatsApp message, answered by an AI Agent with Callbell tools', () => {
	let execution;

	test('one signed inbound message runs the published workflow to success, through the three scripted model steps', async () => {
		incomingMessage(env.sandbox, ada.uuid, INBOUND);
		[execution] = await waitFor('the finished execution', async () => ((await runs()).length ? runs() : null), 90000);
		if (execution.status !== 'success' || env.model.failures.length) {
			process.stdout.write(`model failures: ${JSON.stringify(env.model.failures, null, 2)}\nn8n log:\n${lines.join('').slice(-6000)}\n`);
		}
		expect(env.model.failures).toEqual([]);
		expect(env.model.other).toEqual([]);
		expect(env.model.requests).toHaveLength(3);
		expect([execution.mode, execution.status]).toEqual(['webhook', 'success']);
	});

	test('the model got the four tools with the $fromAI keys as a JSON schema: names, types, descriptions', () => {
		const schemas = toolSchemas(env.model.requests[0]);
		expect(Object.keys(schemas).sort()).toEqual(TOOL_NAMES);
		const property = (type, description) => ({ type, description });
		expect(schemas.Reply_to_customer.parameters.properties).toEqual({ text: property('string', 'The WhatsApp message to send to the customer, in their language') });
		expect(schemas.Tag_contact.parameters.properties).toEqual({ tag: property('string', 'One tag for the contact, one of the account tags: Lead, Customer, VIP, Support, Churn Risk') });
		expect(schemas.Hand_over_to_a_human.parameters.properties).toEqual({
			agent_email: property('string', 'Email of the Callbell user who takes over the conversation'),
			team_id: property('string', 'ID of the team inbox the conversation moves to'),
		});
		expect(schemas.Read_recent_messages.parameters.properties).toEqual({ limit: property('number', 'How many of the newest messages to read, 1 to 20') });
		for (const schema of Object.values(schemas)) {
			expect(schema.parameters.type).toBe('object');
			expect([...schema.parameters.required].sort()).toEqual(Object.keys(schema.parameters.properties).sort());
		}
		// Without a description of its own (Set Automatically), n8n describes a tool by the operation's action text.
		expect(schemas.Reply_to_customer.description).toBe('Send a message in Callbell');
		expect(schemas.Read_recent_messages.description).toBe('Get the messages of a contact in Callbell');
		expect(schemas.Tag_contact.description).toBe(TOOLS.Tag_contact.description);
		expect(schemas.Hand_over_to_a_human.description).toBe(TOOLS.Hand_over_to_a_human.description);
		// Every step got the same tools.
		for (const req of env.model.requests.slice(1)) expect(toolSchemas(req)).toEqual(schemas);
	});

	test('the sandbox got exactly the requests the tool calls imply, with the values the model chose', () => {
		const contact = `/contacts/${ada.uuid}`;
		const whatsapp = SEED.channels.whatsapp;
		// Per model step, what its tool calls imply, compared per step in any order: n8n 2.41.1 runs a
		// step's tool calls in the model's order, 2.8.4 and 1.123.81 ran them last first.
		const expected = [
			[
				// Read_recent_messages {limit: 5}: one page holds them (Output: Conversation as Text)
				['GET', `${contact}/messages`, { page: '1' }, undefined, 200],
				// Tag_contact {tag: "Support"}: Tag Mode Add reads the contact's tags, then adds the tag
				['GET', contact, {}, undefined, 200],
				['PATCH', contact, {}, { tags: ['Customer', 'VIP', 'Support'] }, 200],
			],
			[
				// Reply_to_customer {text}: to the contact who wrote (its phone and channel looked up)
				['GET', contact, {}, undefined, 200],
				['GET', '/channels', { page: '1' }, undefined, 200],
				['POST', '/messages/send', {}, { to: ada.phoneNumber, from: 'whatsapp', channel_uuid: whatsapp.uuid, type: 'text', content: { text: REPLY } }, 200],
				// Hand_over_to_a_human {agent_email, team_id}: assign, move to the team, stop the bot
				['PATCH', contact, {}, { assigned_user: cleo.email, team_uuid: support.uuid, bot_status: 'bot_end' }, 200],
			],
			// after the agent: File the answer
			[['POST', `${contact}/conversation/note`, {}, { text: `Bot: ${FINAL}` }, 200]],
		];
		const calls = apiRequests().map((r) => [r.method, r.path, r.query, r.body, r.status]);
		const bySteps = [];
		for (const step of expected) bySteps.push(calls.splice(0, step.length));
		const sorted = (list) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		expect(bySteps.map(sorted)).toEqual(expected.map(sorted));
		expect(calls).toEqual([]); // nothing more
		// Within one tool call the order holds: the tag is added after the tags were read.
		const tagRead = apiRequests().findIndex((r) => r.method === 'GET' && r.path === contact);
		const tagWrite = apiRequests().findIndex((r) => r.method === 'PATCH' && r.body?.tags);
		expect(tagRead).toBeLessThan(tagWrite);
		const after = env.sandbox.getContact(ada.uuid);
		expect([after.tags, after.assignedUser, after.team?.uuid]).toEqual([['Customer', 'VIP', 'Support'], cleo.email, support.uuid]);
		expect([...env.sandbox.state.sent.values()].filter((m) => m.contactUuid === ada.uuid).map((m) => m.item.text)).toEqual([REPLY]);
	});

	test('the agent’s final answer is filed as a note on the conversation', () => {
		const notes = (env.sandbox.state.notes.get(ada.uuid) || []).map((n) => n.text);
		expect(notes).toEqual([`Bot: ${FINAL}`]);
	});

	test('the tool schemas in docs/ai-agent.md are the ones n8n built (CALLBELL_UPDATE_DOCS=1 rewrites them; other n8n: the same schemas)', () => {
		const doc = fs.readFileSync(DOC_FILE, 'utf8');
		const documented = /Captured from n8n (\S+) /.exec(doc)?.[1];
		const schemas = toolSchemas(env.model.requests[0]);
		if (env.runtime.isDefault && process.env.CALLBELL_UPDATE_DOCS === '1') {
			fs.writeFileSync(DOC_FILE, replaceSchemaSection(doc, schemaSection(schemas, env.runtime.n8n)));
		}
		const now = fs.readFileSync(DOC_FILE, 'utf8');
		// On the default n8n the doc names it; an older n8n must build the very schemas the doc shows.
		expect(replaceSchemaSection(now, schemaSection(schemas, env.runtime.isDefault ? env.runtime.n8n : documented))).toBe(now);
	});
});

describe('tool calls Callbell refuses', () => {
	test('with On Error → Continue, the refusal and Callbell’s reason are the tool’s result and the model answers on', async () => {
		const tags = env.sandbox.getContact(grace.uuid).tags;
		const { execution, made, summary } = await conversation(grace, GRACE_INBOUND, 2);
		expect(env.model.failures).toEqual([]);
		expect(env.model.requests).toHaveLength(5);
		expect([execution.status, summary.error]).toEqual(['success', undefined]);
		const contact = `/contacts/${grace.uuid}`;
		expect(made).toEqual([
			['GET', contact, undefined, 200],
			['PATCH', contact, { tags: [...tags, 'Refund'] }, 422],
			['POST', `${contact}/conversation/note`, { text: `Bot: ${GRACE_FINAL}` }, 200],
		]);
		expect(env.sandbox.getContact(grace.uuid).tags).toEqual(tags);
		const told = JSON.parse(env.model.requests[4].messages.find((m) => m.role === 'tool' && m.tool_call_id === 'call_4_1').content);
		process.stdout.write(`the model's tool result for the refused tag: ${JSON.stringify(told)}\n`);
		expect(told).toEqual([{ error: expect.stringMatching(/^Callbell answered 422: .*unknown tag\(s\): Refund/), description: expect.stringContaining('unknown tag(s): Refund'), httpCode: '422' }]);
	});

	test('with n8n’s default On Error: 2.41.1 gives the model the error’s message; 2.8.4 and 1.123.81 fail the execution', async () => {
		const { execution, made, summary } = await conversation(alan, ALAN_INBOUND, 3);
		expect(env.model.failures).toEqual([]);
		const contact = `/contacts/${alan.uuid}`;
		const handOver = ['PATCH', contact, { assigned_user: NOBODY, team_uuid: support.uuid, bot_status: 'bot_end' }, 422];
		if (errorsReachModel) {
			expect(env.model.requests).toHaveLength(7);
			expect([execution.status, summary.error]).toEqual(['success', undefined]);
			expect(made).toEqual([handOver, ['POST', `${contact}/conversation/note`, { text: `Bot: ${ALAN_FINAL}` }, 200]]);
			const told = JSON.parse(env.model.requests[6].messages.find((m) => m.role === 'tool' && m.tool_call_id === 'call_6_1').content);
			process.stdout.write(`the model's tool result for the refused hand-over: ${JSON.stringify(told)}\n`);
			// The headline carries Callbell's reason: all the model gets with the default On Error.
			expect(told).toEqual([{ error: expect.stringMatching(/^Callbell answered 422: .*must be the email of a user of the account/) }]);
		} else {
			expect(env.model.requests).toHaveLength(6);
			expect(execution.status).toBe('error');
			expect(summary.error).toEqual({
				node: 'Hand over to a human',
				message: expect.stringMatching(/^Callbell answered 422: .*must be the email of a user of the account/),
				description: expect.stringContaining('must be the email of a user of the account'),
			});
			expect(made).toEqual([handOver]);
		}
	});
});

describe('a reply whose fate is unknown (Callbell sends it, then the connection is lost)', () => {
	test('the model is told the message may have been sent and must not be resent; Callbell sent it exactly once', async () => {
		const requestsBefore = env.model.requests.length;
		// Callbell carries out the next POST /messages/send, then resets the connection instead of answering.
		env.sandbox.failNext(1, 'reset', { applied: true, when: { method: 'POST', path: '^/messages/send$' } });
		const { execution, made, summary } = await conversation(barbara, BARBARA_INBOUND, 4);
		expect(env.model.failures).toEqual([]);
		// Two model steps: the reply's tool call, then the final answer after reading the tool's result.
		expect(env.model.requests).toHaveLength(requestsBefore + 2);
		const told = JSON.parse(toolResult(env.model.requests.at(-1), env.model.requests.at(-1).messages.findLast((m) => m.role === 'tool').tool_call_id));
		process.stdout.write(`the model's tool result for the send of unknown fate: ${JSON.stringify(told)}\n`);
		// With On Error → Continue the model gets the headline and how to check, on every n8n.
		expect(told).toEqual([expect.objectContaining({ error: expect.stringMatching(DO_NOT_RESEND), description: expect.stringMatching(/^Check the contact’s conversation in Callbell/) })]);
		// n8n adds the error's code where it has one (ECONNRESET on 2.41.1, 2.8.4 and 1.123.81); nothing else.
		expect(Object.keys(told[0]).filter((key) => !['error', 'description', 'httpCode'].includes(key))).toEqual([]);
		expect(told[0].error).not.toMatch(/retry/i);
		expect([execution.status, summary.error]).toEqual(['success', undefined]);
		const contact = `/contacts/${barbara.uuid}`;
		const sends = made.filter(([method, path]) => method === 'POST' && path === '/messages/send');
		expect(sends).toEqual([['POST', '/messages/send', expect.objectContaining({ to: barbara.phoneNumber, content: { text: BARBARA_REPLY } }), 'reset']]);
		const toBarbara = env.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/messages/send' && r.body?.to === barbara.phoneNumber);
		expect(toBarbara.map((r) => [r.status, r.appliedStatus])).toEqual([['reset', 200]]);
		expect(made.at(-1)).toEqual(['POST', `${contact}/conversation/note`, { text: `Bot: ${BARBARA_FINAL}` }, 200]);
		// Callbell applied exactly one send to Barbara: the one whose answer was lost.
		expect([...env.sandbox.state.sent.values()].filter((m) => m.contactUuid === barbara.uuid).map((m) => m.item.text)).toEqual([BARBARA_REPLY]);
	});
});

registerHitlCases(() => env);
