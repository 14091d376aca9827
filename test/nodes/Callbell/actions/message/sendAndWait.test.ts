import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { IDataObject, INode, IRun, IWorkflowBase } from 'n8n-workflow';
import { createRunExecutionData, WAIT_INDEFINITELY } from 'n8n-workflow';

import { Callbell } from '../../../../../nodes/Callbell/Callbell.node';
import { description } from '../../../../../nodes/Callbell/actions/message/sendAndWait.operation';
import { contactRef } from '../../../../harness/contact';
import { operationParameters, ref } from '../../../../harness/messages';
import { additionalDataFor, callbellNode, singleNodeWorkflow } from '../../../../harness/n8n';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

// Send and Wait through n8n-core's WorkflowExecute: the send, the signed links and the wait. The
// answer itself comes through n8n's waiting-webhook server, which only real n8n has: see
// test/e2e/send-and-wait.e2e.test.js.

const sandbox = useSandbox();
const T = SEED.templates;
const EXECUTION_ID = 'exec-42';
const ADA = '+44 7700 900001'; // wrote 30 minutes ago: the 24-hour window is open
const GRACE = '+1 202 555 0102'; // last wrote long ago: the window is closed

interface WaitRun {
	run: IRun;
	output: IDataObject[] | undefined;
	error: string | undefined;
}

/** Runs the node like runCallbellNode, with an execution id (signed links need one). */
async function run(extra: IDataObject, items: IDataObject[] = [{}], continueOnFail = false, settings: Partial<INode> = {}): Promise<WaitRun> {
	const parameters = operationParameters('message', 'sendAndWait', { sendTo: 'phone', phoneNumber: ADA, message: 'Refund 40 EUR for order A-1042?', ...extra });
	const node: INode = { ...callbellNode('Callbell', parameters, continueOnFail), ...settings };
	const workflow = singleNodeWorkflow(node);
	const workflowData = { id: workflow.id, name: 'Send and Wait test', active: false, isArchived: false, nodes: [node], connections: {}, settings: {}, createdAt: new Date(), updatedAt: new Date(), activeVersionId: null } as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', EXECUTION_ID, workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (done) => resolve(done)));
	const additionalData = { ...additionalDataFor({ apiToken: SEED.token, baseUrl: sandbox.get().url }, { hooks }), executionId: EXECUTION_ID };
	const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: [items.map((json) => ({ json }))] }, source: null }] } });
	await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	const done = await finished;
	const task = done.data.resultData.runData.Callbell?.[0];
	const error = done.data.resultData.error ?? task?.error;
	return { run: done, output: task?.data?.main?.[0]?.map((item) => item.json), error: error?.message };
}

const posts = () => requestsTo(sandbox.get(), 'POST').map((request) => request.body as IDataObject);
const sentTexts = () => [...sandbox.get().state.sent.values()].map((message: { item: { text?: string } }) => message.item.text);
const LINK = new RegExp(`^http://localhost:5678/webhook-waiting/${EXECUTION_ID}/callbell-node\\?approved=(true|false)&signature=[\\w.-]+$`);

describe('Message → Send and Wait for Response through n8n’s engine against the sandbox', () => {
	it('is one Message operation, value sendAndWait, with n8n’s three response types and Limit Wait Time', () => {
		const responseType = description.find((property) => property.name === 'responseType');
		expect(responseType?.options?.map((option) => (option as { value: string }).value)).toEqual(['approval', 'freeText', 'customForm']);
		expect(responseType?.displayOptions?.show).toEqual(expect.objectContaining({ operation: ['sendAndWait'] }));
		const options = description.find((property) => property.name === 'responseOptions');
		expect(options?.options?.map((option) => option.name)).toContain('limitWaitTime');
		const webhooks = new Callbell().description.webhooks ?? [];
		expect(webhooks.map((webhook) => [webhook.httpMethod, webhook.path, webhook.restartWebhook])).toEqual([
			['GET', '={{ $nodeId }}', true],
			['POST', '={{ $nodeId }}', true],
		]);
	});

	it('inside the 24-hour window: one text with the message and the signed approve and decline links, then waits without limit', async () => {
		const result = await run({ approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes, refund', disapproveLabel: 'No' } } }, [{ a: 1 }, { b: 2 }]);
		expect(result.error).toBeUndefined();
		expect(result.run.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(posts()).toHaveLength(1);
		const [body] = posts();
		expect(body).toMatchObject({ to: '+447700900001', from: 'whatsapp', channel_uuid: SEED.channels.whatsapp.uuid, type: 'text' });
		const [message, blank, approve, decline] = String((body.content as IDataObject).text).split('\n');
		expect([message, blank]).toEqual(['Refund 40 EUR for order A-1042?', '']);
		expect(approve).toMatch(/^Yes, refund: /);
		expect(decline).toMatch(/^No: /);
		expect(approve.replace('Yes, refund: ', '')).toMatch(LINK);
		expect(decline.replace('No: ', '')).toMatch(LINK);
		expect(approve).toContain('approved=true');
		expect(decline).toContain('approved=false');
		expect(sentTexts()).toEqual([(body.content as IDataObject).text]);
	});

	it('Limit Wait Time: after an interval, or at a date and time', async () => {
		const before = Date.now();
		const after = await run({ responseOptions: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'minutes' } } } });
		expect(after.error).toBeUndefined();
		expect(after.run.waitTill!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
		expect(after.run.waitTill!.getTime()).toBeLessThan(Date.now() + 120_000 + 1000);
		const at = new Date(Date.now() + 3_600_000).toISOString();
		const until = await run({ responseOptions: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: at } } } });
		expect(until.run.waitTill?.toISOString()).toBe(at);
	});

	it('Free Text: the form’s link after the message, with its label', async () => {
		const result = await run({ responseType: 'freeText', responseOptions: { messageButtonLabel: 'Answer here' } });
		expect(result.error).toBeUndefined();
		const lines = String((posts()[0].content as IDataObject).text).split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[2].replace('Answer here: ', '')).toMatch(LINK);
	});

	it('outside the window: Callbell refuses the text (nothing sent), the template carries the message and the link', async () => {
		const result = await run({ phoneNumber: GRACE, template: ref(T.paymentLink.uuid), optIn: true });
		expect(result.error).toBeUndefined();
		const [text, template] = posts();
		expect(text).toMatchObject({ type: 'text' });
		expect(template).toMatchObject({ type: 'text', template_uuid: T.paymentLink.uuid, optin_contact: true });
		const values = template.template_values as string[];
		expect(values[0]).toBe('Refund 40 EUR for order A-1042?');
		expect(values[1]).toMatch(LINK);
		// One message reached the customer: the template, its variables filled with the message and the link.
		expect(sentTexts()).toEqual([`Hi Refund 40 EUR for order A-1042?, you can pay your invoice here: ${values[1]}`]);
	});

	it('Send As Template Only: the template, without trying a text first', async () => {
		const result = await run({ phoneNumber: GRACE, sendAs: 'template', template: ref(T.paymentLink.uuid), optIn: true });
		expect(result.error).toBeUndefined();
		expect(posts().map((body) => body.template_uuid)).toEqual([T.paymentLink.uuid]);
	});

	it('Text Only outside the window: Callbell’s refusal is the error; nothing else is sent', async () => {
		const result = await run({ phoneNumber: GRACE, sendAs: 'text' });
		expect(result.error).toMatch(/24-hour/);
		expect(posts()).toHaveLength(1);
		expect(sentTexts()).toEqual([]);
		expect(result.run.waitTill).toBeUndefined();
	});

	describe('recipients and channel as in Send', () => {
		const calls = () => sandbox.get().requests.map((request: { method: string; path: string }) => `${request.method} ${request.path}`);

		it('to a Contact: its number and its own channel, read before the one send', async () => {
			const result = await run({ sendTo: 'contact', contact: contactRef(SEED.contacts.ada.uuid) });
			expect(result.error).toBeUndefined();
			expect(calls()).toEqual([`GET /contacts/${SEED.contacts.ada.uuid}`, 'GET /channels', 'POST /messages/send']);
			expect(posts()[0]).toMatchObject({ to: SEED.contacts.ada.phoneNumber, channel_uuid: SEED.channels.whatsapp.uuid, type: 'text' });
			expect(String((posts()[0].content as IDataObject).text)).toContain('approved=true');
			expect(result.run.waitTill).toEqual(WAIT_INDEFINITELY);
		});

		it('to a Contact without a phone number or BSUID (Instagram): refused, nothing sent, nothing waits', async () => {
			const katherine = SEED.contacts.katherine.uuid;
			const result = await run({ sendTo: 'contact', contact: contactRef(katherine) });
			expect(result.error).toBe(`The contact ${katherine} has neither a phone number nor a BSUID [item 0]`);
			expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(0);
			expect(result.run.waitTill).toBeUndefined();
		});

		it('to a BSUID, whose 24-hour window is open: the text with its links goes to the BSUID, not to a number', async () => {
			const bsuid = SEED.bsuids.barbara as string;
			const result = await run({ sendTo: 'bsuid', bsuid });
			expect(result.error).toBeUndefined();
			expect(posts()).toHaveLength(1);
			expect(posts()[0]).toMatchObject({ bsuid, from: 'whatsapp', type: 'text' });
			expect(posts()[0].to).toBeUndefined();
			expect(String((posts()[0].content as IDataObject).text)).toMatch(/approved=true&signature=/);
			expect(result.run.waitTill).toEqual(WAIT_INDEFINITELY);
		});

		it('to a BSUID with Template Only: the approved template carries the message and the link', async () => {
			const bsuid = SEED.bsuids.radia as string;
			const result = await run({ sendTo: 'bsuid', bsuid, sendAs: 'template', template: ref(T.paymentLink.uuid), optIn: true });
			expect(result.error).toBeUndefined();
			expect(posts()).toHaveLength(1);
			expect(posts()[0]).toMatchObject({ bsuid, template_uuid: T.paymentLink.uuid, optin_contact: true });
			expect((posts()[0].template_values as string[])[1]).toMatch(LINK);
		});

		it('from a chosen channel whose window a customer message opened', async () => {
			sandbox.get().inbound({ phone: ADA, channel_uuid: SEED.channels.whatsappSales.uuid, text: 'Hello sales' });
			const result = await run({ channel: ref(SEED.channels.whatsappSales.uuid, 'id') });
			expect(result.error).toBeUndefined();
			expect(posts()[0]).toMatchObject({ to: '+447700900001', channel_uuid: SEED.channels.whatsappSales.uuid, type: 'text' });
		});

		it('a malformed BSUID and an unknown channel are refused before any request', async () => {
			const bad = await run({ sendTo: 'bsuid', bsuid: 'not a bsuid!' }, [{}], true);
			expect(String(bad.output?.[0].error)).toMatch(/^BSUID "not a bsuid!" is not a BSUID \[item 0\]/);
			const unknown = await run({ channel: ref('00000000-0000-4000-8000-000000000000', 'id') }, [{}], true);
			expect(String(unknown.output?.[0].error)).toMatch(/^Channel "00000000-0000-4000-8000-000000000000" is not one of the account’s channels \[item 0\]/);
			expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(0);
			expect(unknown.run.waitTill).toBeUndefined();
		});
	});

	describe('bad input: refused before any request, naming the field', () => {
		const cases: Array<[string, IDataObject, RegExp]> = [
			['an empty message', { message: '  ' }, /Message is required/],
			['a template whose variables do not match the links', { phoneNumber: GRACE, sendAs: 'template', template: ref(T.orderShipped.uuid), optIn: true }, /Template Values has 2 values, but the template "Order shipped" has 3 variables/],
			['a template that is not approved', { sendAs: 'template', template: ref(T.promoPending.uuid), optIn: true }, /Template "Weekend promo" is pending, not approved/],
			['a template without the opt-in', { sendAs: 'template', template: ref(T.paymentLink.uuid) }, /Opt-in Confirmation must be on/],
			['Template Only without a template', { sendAs: 'template' }, /Template is required/],
			['a wait limit in the past', { responseOptions: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' } } } }, /Max Date and Time is in the past/],
			['a wait limit of 0', { responseOptions: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' } } } }, /Amount must be a number above 0/],
			['a custom form with broken JSON', { responseType: 'customForm', defineForm: 'json', jsonOutput: '[{"fieldLabel": ' }, /Form Fields is not valid JSON/],
			['a dropdown without options', { responseType: 'customForm', formFields: { values: [{ fieldLabel: 'Choice', fieldType: 'dropdown' }] } }, /Form Elements 1 → Field Options are required for a dropdown field/],
			['a bad phone number', { phoneNumber: '12' }, /Phone Number/],
			['a text longer than WhatsApp allows with its links', { message: 'x'.repeat(4000) }, /Message \(with its links\) has \d+ characters, more than WhatsApp's 4096/],
		];
		it.each(cases)('%s', async (_name, extra, expected) => {
			const result = await run(extra, [{}], true);
			expect(result.error).toBeUndefined();
			expect(result.output).toHaveLength(1);
			expect(String(result.output![0].error)).toMatch(expected);
			expect(String(result.output![0].error)).toMatch(/\[item 0\]/);
			expect(posts()).toEqual([]);
			expect(result.run.waitTill).toBeUndefined();
		});
	});

	it('a lost answer to the send: the item fails as "may have been sent", the message is not sent again, nothing waits', async () => {
		sandbox.get().failNext(1, 'reset', { applied: true, when: { method: 'POST', path: '^/messages/send$' } });
		const result = await run({});
		expect(result.error).toMatch(/may have been sent, so it was not sent again; do not resend it/);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
		expect(result.run.waitTill).toBeUndefined();
	});

	it.each([
		['a lost answer (reset)', 'reset', {}],
		['a timeout', 'timeout', { timeoutMs: 1500 }],
	])('under n8n’s Retry On Fail, %s: every try ends with the same error; the message reached Callbell once', async (_name, kind, fault) => {
		sandbox.get().failNext(1, kind, { ...fault, applied: true, when: { method: 'POST', path: '^/messages/send$' } });
		const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };
		const result = await run({ options: { timeout: 300 } }, [{}], false, retry);
		expect(result.error).toMatch(/may have been sent, so it was not sent again; do not resend it/);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
		expect(sentTexts()).toHaveLength(1);
		expect(result.run.waitTill).toBeUndefined();
	});

	it('under n8n’s Retry On Fail, a refusal that proves nothing was sent (429, Max Retries 0) is tried again: one message, then the wait', async () => {
		sandbox.get().failNext(1, '429', { when: { method: 'POST', path: '^/messages/send$' } });
		const result = await run({ options: { maxRetries: 0 } }, [{}], false, { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(2);
		expect(sentTexts()).toHaveLength(1);
		expect(result.run.waitTill).toEqual(WAIT_INDEFINITELY);
	});
});
