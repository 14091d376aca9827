import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { operationParameters } from '../../../../harness/messages';
import { requestsTo, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ADA_PHONE = '+447700900001';

async function sendOne(): Promise<string> {
	const result = await run(operationParameters('message', 'send', { sendTo: 'phone', phoneNumber: ADA_PHONE, messageType: 'text', text: 'Status please' }));
	expect(result.error).toBeUndefined();
	return result.output?.[0].json.uuid as string;
}
const getStatus = (extra: IDataObject = {}) => operationParameters('message', 'getStatus', { messageId: '={{ $json.uuid }}', ...extra });
const statusCalls = () => requestsTo(sandbox.get(), 'GET').filter((request) => request.path.startsWith('/messages/status/'));

describe('Message → Get Status through n8n’s engine against the sandbox', () => {
	it('No Wait: the status now and Callbell’s raw provider payload, one request', async () => {
		sandbox.get().setMessageClock({ sentMs: 60_000, deliveredMs: null, readMs: null });
		const uuid = await sendOne();
		const result = await run(getStatus(), [{ uuid }]);
		expect(pairs(result)).toEqual([[{ uuid, status: 'enqueued', messageStatusPayload: null }, 0]]);
		expect(statusCalls().map((request) => request.path)).toEqual([`/messages/status/${uuid}`]);
	});

	it('Wait Until Delivered: asks again with backoff until delivered (or read) and says it was reached', async () => {
		sandbox.get().setMessageClock({ sentMs: 300, deliveredMs: 1500, readMs: null });
		const uuid = await sendOne();
		const started = Date.now();
		const result = await run(getStatus({ waitUntil: 'delivered', maxWait: 30 }), [{ uuid }]);
		expect(result.error).toBeUndefined();
		const [[json, item]] = pairs(result);
		expect(item).toBe(0);
		expect(json).toEqual(
			expect.objectContaining({ uuid, status: 'delivered', waitUntil: 'delivered', waitResult: 'reached', messageStatusPayload: expect.objectContaining({ type: 'delivered' }) }),
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		// 1 s, then 1.5 s apart: three or four reads for 1.5 s, never a busy loop.
		expect(statusCalls().length).toBeGreaterThanOrEqual(2);
		expect(statusCalls().length).toBeLessThanOrEqual(4);
	});

	it('Wait Until Sent is reached by a later status too (read implies sent)', async () => {
		sandbox.get().setMessageClock({ sentMs: 0, deliveredMs: 0, readMs: 0 });
		const uuid = await sendOne();
		await sleep(100);
		const result = await run(getStatus({ waitUntil: 'sent' }), [{ uuid }]);
		expect(result.output?.[0].json).toEqual(expect.objectContaining({ status: 'read', waitResult: 'reached' }));
		expect(statusCalls()).toHaveLength(1);
	});

	it('a failed message ends the wait at once, with the provider’s reason', async () => {
		sandbox.get().setMessageClock({ sentMs: 300, deliveredMs: 600, readMs: null });
		sandbox.get().failNextMessages(1, { code: 131026, reason: 'Message undeliverable' });
		const uuid = await sendOne();
		const result = await run(getStatus({ waitUntil: 'read', maxWait: 30 }), [{ uuid }]);
		expect(result.output?.[0].json).toEqual(
			expect.objectContaining({ uuid, status: 'failed', waitResult: 'failed', failureReason: 'Message undeliverable' }),
		);
		expect(Number(result.output?.[0].json.waitedSeconds)).toBeLessThan(5);
	});

	it('Max Wait: stops asking and says it timed out', async () => {
		sandbox.get().setMessageClock({ sentMs: 200, deliveredMs: null, readMs: null });
		const uuid = await sendOne();
		const started = Date.now();
		const result = await run(getStatus({ waitUntil: 'read', maxWait: 2 }), [{ uuid }]);
		const elapsed = Date.now() - started;
		expect(result.output?.[0].json).toEqual(expect.objectContaining({ uuid, status: 'sent', waitResult: 'timedOut' }));
		expect(elapsed).toBeGreaterThanOrEqual(1900);
		expect(elapsed).toBeLessThan(4000);
	});

	it('several items wait side by side, each paired; a 404 and a bad ID are error items', async () => {
		sandbox.get().setMessageClock({ sentMs: 100, deliveredMs: 300, readMs: null });
		const first = await sendOne();
		const second = await sendOne();
		const items = [{ uuid: first }, { uuid: '0123456789abcdef0123456789abcdef' }, { uuid: 'a b' }, { uuid: second }];
		const result = await run(getStatus({ waitUntil: 'delivered', maxWait: 20 }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.waitResult ?? json.httpCode ?? json.error, item])).toEqual([
			['reached', 0],
			['404', 1],
			['Message ID "a b" is not a message ID [item 2]', 2],
			['reached', 3],
		]);
	});
});
