'use strict';
// A message is never sent twice, proven in real n8n: Callbell carries out a send and its answer is
// lost (reset connection, timeout, 503), under n8n's Retry On Fail and Continue On Fail settings.
const { useRealN8n, importWorkflows, runWorkflow, SEED, SANDBOX_CREDENTIAL } = require('./real-n8n');

// The customers, and the fault each one's send meets (loseAnswers). `lost`: Callbell sent it, the answer is lost.
const RECIPIENTS = [
	{ name: 'Ada', phone: '+447700900001', order: 'A-2001' }, // no fault
	{ name: 'Grace', phone: '+12025550102', order: 'A-2002', lost: true }, // sent, then the connection is reset
	{ name: 'Alan', phone: '+447700900003', order: 'A-2003', lost: true }, // sent, then no answer within the Timeout
	{ name: 'Barbara', phone: '+12025550107', order: 'A-2004', lost: true }, // sent, then answered 503
	{ name: 'Donald', phone: '+447700900008', order: 'A-2005' }, // 429 (nothing sent): the node waits and sends again
];
const IN_ORDER = [0, 1, 2, 3, 4];

/** Manual Trigger → 5 customers → Callbell "Send" (template "Order shipped"), with these node settings. */
function sendWorkflow(id, { concurrency, retryOnFail = false, continueOnFail = false, order = IN_ORDER }) {
	const node = (name, type, typeVersion, x, parameters, extra = {}) => ({
		id: `${id}-${x}`, name, type, typeVersion, position: [x, 0], parameters, ...extra,
	});
	const settings = {
		...(retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } : {}),
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const send = node('Send', 'n8n-nodes-callbell.callbell', 1, 660, {
		resource: 'message',
		operation: 'send',
		sendTo: 'phone',
		phoneNumber: '={{ $json.phone }}',
		channel: { __rl: true, mode: 'list', value: '' },
		messageType: 'template',
		template: { __rl: true, mode: 'list', value: SEED.templates.orderShipped.uuid },
		templateValues: { values: [{ value: '={{ $json.name }}' }, { value: '={{ $json.order }}' }, { value: 'Friday 4 December' }] },
		optIn: true,
		options: { ...(concurrency === undefined ? {} : { concurrency }), timeout: 1500 },
	}, { credentials: { callbellApi: SANDBOX_CREDENTIAL }, ...settings });
	const link = (to) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name: `Never twice: ${id}`,
		active: false,
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, 0, {}),
			node('Customers', 'n8n-nodes-base.set', 3.4, 220, { mode: 'raw', jsonOutput: JSON.stringify({ customers: order.map((index) => RECIPIENTS[index]) }), options: {} }),
			node('One item per customer', 'n8n-nodes-base.splitOut', 1, 440, { fieldToSplitOut: 'customers', options: {} }),
			send,
		],
		connections: { Start: link('Customers'), Customers: link('One item per customer'), 'One item per customer': link('Send') },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// Concurrency 5: all five items start at once; none given: Auto. `order`: the customers' order as items.
// n8n re-runs a Continue On Fail node (Retry On Fail) only when its first output item is an error:
// so there, a lost answer comes first.
const LOST_ANSWERS = [
	{ id: 'cbNeverTwicePlain', concurrency: 5, retryOnFail: false, continueOnFail: false },
	{ id: 'cbNeverTwiceRetry', concurrency: 5, retryOnFail: true, continueOnFail: false },
	{ id: 'cbNeverTwiceContinue', concurrency: 5, retryOnFail: false, continueOnFail: true },
	{ id: 'cbNeverTwiceRetryContinue', concurrency: 5, retryOnFail: true, continueOnFail: true, order: [1, 2, 3, 0, 4] },
	{ id: 'cbNeverTwiceAutoRetry', concurrency: undefined, retryOnFail: true, continueOnFail: false },
];
const ONE_AT_A_TIME = { id: 'cbNeverTwiceOneAtATime', concurrency: 1 };
const WALLET = { id: 'cbNeverTwiceWallet', concurrency: 5, continueOnFail: true };

const env = useRealN8n({
	prepare: async ({ userFolder }) => {
		const workflows = [...LOST_ANSWERS, ONE_AT_A_TIME, WALLET].map(({ id, ...settings }) => sendWorkflow(id, settings));
		await importWorkflows(userFolder, workflows, 'never-twice-workflows.json');
	},
});

function loseAnswers() {
	const when = (index) => ({ method: 'POST', path: '^/messages/send$', bodyIncludes: RECIPIENTS[index].phone });
	// By recipient, whatever the order of the items.
	env().sandbox.failNext(1, 'reset', { applied: true, when: when(1) });
	env().sandbox.failNext(1, 'timeout', { applied: true, timeoutMs: 5000, when: when(2) });
	env().sandbox.failNext(1, '503', { applied: true, when: when(3) });
	env().sandbox.failNext(1, '429', { when: when(4) });
}

/** The sandbox log's POST /messages/send requests, per recipient. */
const sendsTo = ({ phone }) =>
	env().sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/messages/send' && request.body?.to === phone);
const is2xx = (status) => /^2\d\d$/.test(String(status));
/** A send Callbell carried out: answered 2xx, or carried out before its answer was lost. */
const applied = (request) => is2xx(request.status) || is2xx(request.appliedStatus);
const appliedPerRecipient = () => RECIPIENTS.map((recipient) => sendsTo(recipient).filter(applied).length);
const statusesPerRecipient = () => RECIPIENTS.map((recipient) => sendsTo(recipient).map((request) => request.status));

/** The error of a failed run: the Send node's task error, else the run's. */
const errorOf = (run) => run.task?.error ?? run.data?.data?.resultData?.error ?? run.data?.resultData?.error;

function expectMaybeSent(text) {
	expect(text).toMatch(/may have been sent/i);
	expect(text).toMatch(/not sent again/i);
	expect(text).not.toMatch(/retry/i);
}

describe.each(LOST_ANSWERS)('answers lost after Callbell sent: $id', ({ id, concurrency, retryOnFail, continueOnFail, order = IN_ORDER }) => {
	test(`Concurrency ${concurrency ?? 'Auto'}, Retry On Fail ${retryOnFail ? 'on' : 'off'}, Continue On Fail ${continueOnFail ? 'on' : 'off'}: every message sent exactly once`, async () => {
		loseAnswers();
		const run = await runWorkflow(env().userFolder, id, 'Send');

		expect(appliedPerRecipient()).toEqual([1, 1, 1, 1, 1]);
		expect(statusesPerRecipient()).toEqual([[200], ['reset'], ['timeout'], [503], [429, 200]]);
		expect(env().sandbox.state.sent.size).toBe(5);
		if (retryOnFail) {
			// n8n did run the node again: the first try waits out the 1.5 s Timeout, then n8n waits
			// 1 s before each further try (it takes a waitBetweenTries of 0 as 1000 ms).
			expect(run.task.executionTime).toBeGreaterThanOrEqual(3000);
		}

		if (continueOnFail) {
			expect(run.ok).toBe(true);
			const items = run.itemsOf('Send');
			expect(items.map((item) => item.pairedItem)).toEqual(IN_ORDER.map((item) => ({ item })));
			items.forEach(({ json }, index) => {
				if (RECIPIENTS[order[index]].lost) {
					expectMaybeSent(json.error);
					expect(json.description).toMatch(/Get Messages/);
				} else {
					expect(json).toMatchObject({ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued' });
					expect(env().sandbox.state.sent.has(json.uuid)).toBe(true);
				}
			});
		} else {
			expect(run.ok).toBe(false);
			expect(run.data?.status).toBe('error');
			expectMaybeSent(errorOf(run)?.message);
			expect(errorOf(run)?.description).toMatch(/Get Messages/);
		}
	});
});

test('Concurrency 1, Continue On Fail off: n8n stops at the first lost answer; later customers are never sent to', async () => {
	loseAnswers();
	const run = await runWorkflow(env().userFolder, ONE_AT_A_TIME.id, 'Send');
	expect(run.ok).toBe(false);
	expectMaybeSent(errorOf(run)?.message);
	expect(appliedPerRecipient()).toEqual([1, 1, 0, 0, 0]);
	expect(statusesPerRecipient()).toEqual([[200], ['reset'], [], [], []]);
	expect(env().sandbox.state.sent.size).toBe(2);
});

test('an empty WhatsApp wallet: every item says nothing was sent, and nothing is', async () => {
	env().sandbox.setWalletDepleted(true);
	const run = await runWorkflow(env().userFolder, WALLET.id, 'Send');
	expect(run.ok).toBe(true);
	const items = run.itemsOf('Send');
	expect(items.map((item) => item.pairedItem)).toEqual(IN_ORDER.map((item) => ({ item })));
	for (const { json } of items) {
		expect(json.error).toMatch(/WhatsApp/);
		expect(json.error).toMatch(/credit|balance/i);
		expect(json.error).toMatch(/not sent|nothing was sent/i);
	}
	expect(statusesPerRecipient()).toEqual(RECIPIENTS.map(() => [402]));
	expect(env().sandbox.state.sent.size).toBe(0);
});
