'use strict';
// Message → Send and Wait for Response in a real n8n server, as cases of webhook.e2e.test.js (they
// share its n8n server: one set-up, one start; test:compat runs them on 1.123.81 and 2.8.4 too): a webhook starts the workflow, the node sends the message with
// its signed links to the sandbox and the execution waits; the test opens the link or posts the
// form like the recipient's browser; n8n's waiting-webhook server checks the signature and resumes
// the execution through the node's webhook; a "Report" node then sends the answer to the sandbox,
// which is how the test sees that the execution finished and with what.
const { activateWorkflow, setupOwner } = require('../../scripts/lib/n8n-instance');
const { importWorkflows, SANDBOX_CREDENTIAL, SEED } = require('./real-n8n');

const ADA = '+44 7700 900001'; // wrote 30 minutes before the seed: inside the 24-hour window
const GRACE = '+1 202 555 0102'; // last wrote long ago: outside the window
const credentials = { callbellApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };

/**
 * One workflow (one import, one publish), one branch per case kind: Webhook (its own path) →
 * Callbell Send and Wait → Report (a text to Ada with the case and the answer).
 */
function branch(key, path, sendAndWait, y) {
	const hook = `Webhook ${key}`;
	return {
		nodes: [
			{ id: `saw-${key}-hook`, name: hook, type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, y], webhookId: `saw-${key}-webhook`, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{
				id: `saw-${key}-ask`,
				name: `Ask ${key}`,
				type: 'n8n-nodes-callbell.callbell',
				typeVersion: 1,
				position: [200, y],
				credentials,
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					sendTo: 'phone',
					phoneNumber: '={{ $json.body.phone }}',
					message: '={{ $json.body.case }}: refund 40 EUR for order A-1042?',
					template: { __rl: true, mode: 'id', value: SEED.templates.paymentLink.uuid },
					optIn: true,
					responseOptions: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: '={{ $json.body.minutes || 60 }}', resumeUnit: 'minutes' } } },
					...sendAndWait,
				},
			},
			{
				id: `saw-${key}-report`,
				name: `Report ${key}`,
				type: 'n8n-nodes-callbell.callbell',
				typeVersion: 1,
				position: [400, y],
				credentials,
				parameters: {
					resource: 'message',
					operation: 'send',
					sendTo: 'phone',
					phoneNumber: ADA,
					messageType: 'text',
					text: `={{ 'REPORT ' + $('${hook}').first().json.body.case + ' ' + JSON.stringify($json.data ?? 'no answer') }}`,
				},
			},
		],
		connections: {
			[hook]: { main: [[{ node: `Ask ${key}`, type: 'main', index: 0 }]] },
			[`Ask ${key}`]: { main: [[{ node: `Report ${key}`, type: 'main', index: 0 }]] },
		},
	};
}

const BRANCHES = [
	branch('approval', 'saw-approval', { sendAs: 'text', responseType: 'approval', approvalOptions: { values: { approvalType: 'double', approveLabel: 'Approve', disapproveLabel: 'Decline' } } }, 0),
	// Text, or outside the window the template "Payment link" ({{1}} the message, {{2}} the approve link).
	branch('window', 'saw-window', { sendAs: 'auto', responseType: 'approval', approvalOptions: { values: { approvalType: 'single', approveLabel: 'Approve' } } }, 200),
	branch('text', 'saw-free-text', { responseType: 'freeText', responseOptions: { messageButtonLabel: 'Answer' } }, 400),
	branch('form', 'saw-form', {
		responseType: 'customForm',
		defineForm: 'fields',
		formFields: {
			values: [
				{ fieldLabel: 'Amount', fieldType: 'number', requiredField: true },
				{ fieldLabel: 'Reason', fieldType: 'dropdown', fieldOptions: { values: [{ option: 'Damaged' }, { option: 'Late' }] } },
			],
		},
	}, 600),
];
const WORKFLOW = {
	id: 'cbSendAndWaitE2e',
	name: 'Send and Wait e2e',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: BRANCHES.flatMap((entry) => entry.nodes),
	connections: Object.assign({}, ...BRANCHES.map((entry) => entry.connections)),
};

/** Before n8n starts: the workflow imported and published. */
async function prepare(userFolder) {
	await importWorkflows(userFolder, [WORKFLOW], 'send-and-wait-workflow.json');
	await activateWorkflow(userFolder, WORKFLOW.id);
}

let shared;
const env = () => shared().env;
const port = () => shared().port;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sentTexts = () => [...env().sandbox.state.sent.values()].map((message) => message.item.text ?? '');

async function until(what, probe, timeoutMs = 30000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}. Sandbox messages:\n${sentTexts().join('\n')}`);
		await sleep(250);
	}
}

/** Starts the workflow (n8n registers webhooks right after start: retry briefly on 404), returns the case's links. */
async function start(path, body) {
	let response;
	for (let attempt = 0; attempt < 40; attempt++) {
		response = await fetch(`http://127.0.0.1:${port()}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 404) break;
		await sleep(500);
	}
	expect(response.status).toBe(200);
	const text = await until(`the message of ${body.case}`, () => sentTexts().find((entry) => entry.includes(`${body.case}:`)));
	return { text, links: text.match(/http:\/\/\S+/g) ?? [] };
}

/**
 * A request to a link, as the recipient's browser makes it. Right after the message arrives n8n may
 * still be saving the execution as waiting and answers 409 "running already": try again briefly.
 */
async function open(url, init) {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, init);
		if (response.status !== 409 || attempt >= 40) return response;
		await sleep(250);
	}
}

const reports = (name) => sentTexts().filter((entry) => entry.startsWith(`REPORT ${name} `));
const answerOf = async (name, timeoutMs) => JSON.parse((await until(`the report of ${name}`, () => reports(name)[0], timeoutMs)).slice(`REPORT ${name} `.length));
/** The page's form as a browser posts it (multipart/form-data, as its enctype says). */
function form(fields) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return { method: 'POST', body };
}

/** Registers the cases in the calling test file; `context()` gives its env (setUp's) and its n8n's port. */
function register(context) {
	shared = context;
	describe('Message → Send and Wait for Response', () => {
		let timeoutCase;

		test('Limit Wait Time: started first, it ends while the other cases run (n8n checks waiting executions every minute)', async () => {
			timeoutCase = await start('saw-approval', { case: 'T1', phone: ADA, minutes: 0.05 });
			expect(timeoutCase.links).toHaveLength(2);
		});

		test('approval inside the 24-hour window: a text with both signed links; opening one only asks; posting it resumes with approved: true', async () => {
			const { text, links } = await start('saw-approval', { case: 'A1', phone: ADA });
			const [approve, decline] = links;
			expect(text).toMatch(/^A1: refund 40 EUR for order A-1042\?\n\nApprove: http:\S+\nDecline: http:\S+$/);
			expect(approve).toMatch(new RegExp(`^http://localhost:${port()}/webhook-waiting/\\d+/saw-approval-ask\\?approved=true&signature=`));
			expect(decline).toContain('approved=false&signature=');

			const page = await open(approve);
			expect(page.status).toBe(200);
			expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
			const html = await page.text();
			expect(html).toContain('<h1>Confirm your approval</h1>');
			expect(html).toContain('A1: refund 40 EUR for order A-1042?');
			await sleep(1000);
			expect(reports('A1')).toEqual([]);

			const posted = await open(approve, { method: 'POST' });
			expect(posted.status).toBe(200);
			expect(await posted.text()).toContain('your answer was recorded');
			expect(await answerOf('A1')).toEqual({ approved: true, respondedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

			// Answered twice: n8n's own clear page, nothing resumes again.
			const again = await open(approve, { method: 'POST' });
			expect(await again.text()).toContain('No action required');
			const other = await open(decline, { method: 'POST' });
			expect(await other.text()).toContain('No action required');
			await sleep(1000);
			expect(reports('A1')).toHaveLength(1);
		});

		test('decline: resumes with approved: false', async () => {
			const { links } = await start('saw-approval', { case: 'D1', phone: ADA });
			await open(links[1], { method: 'POST' });
			expect(await answerOf('D1')).toMatchObject({ approved: false });
		});

		test('a tampered link gets 401 and resumes nothing; the real link still works', async () => {
			const { links } = await start('saw-approval', { case: 'X1', phone: ADA });
			const [approve, decline] = links;
			const forged = decline.replace('approved=false', 'approved=true');
			const flipped = approve.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
			const unsigned = approve.replace(/&signature=.*$/, '');
			for (const url of [forged, flipped, unsigned]) {
				const response = await open(url, { method: 'POST' });
				expect({ url, status: response.status }).toEqual({ url, status: 401 });
			}
			await sleep(1000);
			expect(reports('X1')).toEqual([]);
			await open(decline, { method: 'POST' });
			expect(await answerOf('X1')).toMatchObject({ approved: false });
		});

		test('outside the 24-hour window: the approved template carries the message and the link', async () => {
			const { text, links } = await start('saw-window', { case: 'W1', phone: GRACE });
			// paymentLink: "Hi {{1}}, you can pay your invoice here: {{2}}" — {{1}} the message, {{2}} the approve link.
			expect(text).toMatch(/^Hi W1: refund 40 EUR for order A-1042\?, you can pay your invoice here: http:\S+approved=true&signature=\S+$/);
			expect(links).toHaveLength(1);
			const templateSend = env().sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/messages/send' && request.body.to === '+12025550102');
			expect(templateSend.map((request) => [request.status, request.body.template_uuid ?? null])).toEqual([
				[422, null],
				[200, SEED.templates.paymentLink.uuid],
			]);
			await open(links[0], { method: 'POST' });
			expect(await answerOf('W1')).toMatchObject({ approved: true });
		});

		test('Free Text: the form page, an empty answer is refused (400, nothing resumes), then the text is the output', async () => {
			const { text, links } = await start('saw-free-text', { case: 'F1', phone: ADA });
			expect(text).toMatch(/\n\nAnswer: http:\S+$/);
			const html = await (await open(links[0])).text();
			expect(html).toContain('<label for="field-0">Response');
			expect(html).toContain('<form method="post" enctype="multipart/form-data">');
			const empty = await open(links[0], form({ 'field-0': '  ' }));
			expect(empty.status).toBe(400);
			expect(await empty.text()).toContain('This field is required.');
			await sleep(500);
			expect(reports('F1')).toEqual([]);
			await open(links[0], form({ 'field-0': 'Yes, but <b>only</b> half' }));
			expect(await answerOf('F1')).toMatchObject({ text: 'Yes, but <b>only</b> half' });
		});

		test('Custom Form: the fields’ answers by label, numbers as numbers', async () => {
			const { links } = await start('saw-form', { case: 'C1', phone: ADA });
			const html = await (await open(links[0])).text();
			expect(html).toContain('<option value="Damaged">Damaged</option>');
			const bad = await open(links[0], form({ 'field-0': 'forty', 'field-1': 'Lost' }));
			expect(bad.status).toBe(400);
			await open(links[0], form({ 'field-0': '40', 'field-1': 'Late' }));
			expect(await answerOf('C1')).toEqual({ Amount: 40, Reason: 'Late', respondedAt: expect.any(String) });
		});

		test('the time-out: the execution went on without an answer; its link then gets a clear page and resumes nothing', async () => {
			expect(await answerOf('T1', 100000)).toBe('no answer');
			const late = await open(timeoutCase.links[0], { method: 'POST' });
			expect(await late.text()).toContain('No action required');
			await sleep(1000);
			expect(reports('T1')).toHaveLength(1);
		}, 150000);

		test('n8n 2.x also offers the node as a human-review step for AI Agent tools (callbellHitlTool), built from its sendAndWait operation', async () => {
			// The editor's node list (what its node creator offers), as the logged-in owner reads it.
			const { cookie } = await setupOwner(`http://127.0.0.1:${port()}`, { email: 'owner@example.com', firstName: 'Olive', lastName: 'Owner', password: 'Sandbox-Owner-1' });
			const response = await fetch(`http://127.0.0.1:${port()}/types/nodes.json`, { headers: cookie ? { cookie } : {} });
			expect(response.status).toBe(200);
			const names = (await response.json()).map((type) => type.name);
			expect(names).toContain('n8n-nodes-callbell.callbell');
			const major = Number(String(env().runtime.n8n).split('.')[0]);
			// n8n ≥ 2 (packages/cli/src/tool-generation/hitl-tools.ts) wraps every node type with webhooks and a
			// `sendAndWait` operation, community packages included; 1.123 has no such tools.
			if (major >= 2) expect(names).toContain('n8n-nodes-callbell.callbellHitlTool');
			else expect(names).not.toContain('n8n-nodes-callbell.callbellHitlTool');
		});
	});
}

module.exports = { prepare, register, WORKFLOW };
