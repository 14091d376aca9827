import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { contactOperation, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

/*
 * Contact → Wait for Customer to Finish through n8n's engine against the sandbox. Each burst
 * execution is a separate engine run, as the Callbell Trigger starts one per message; they run
 * at once and share nothing but the sandbox's history.
 */

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;

/** The trigger's item for an inbound message: the fields the operation's defaults read. */
interface Received {
	uuid: string;
	createdAt: string;
	text: string;
}

function customerWrites(text: string, contactUuid = ada): Received {
	const { message } = sandbox.get().inbound({ contact_uuid: contactUuid, text }) as { message: Received };
	return message;
}

const triggerItem = (message: Received, contactUuid = ada): IDataObject => ({ uuid: message.uuid, createdAt: message.createdAt, text: message.text, contact: { uuid: contactUuid } });

/** The defaults read the trigger's item: Contact {{ $json.contact.uuid }}, Message ID {{ $json.uuid }}. */
function waitFor(extra: IDataObject = {}) {
	return contactOperation('waitForCustomer', undefined, { quietPeriod: 1.5, maxWait: 20, ...extra, contact: { __rl: true, mode: 'id', value: '={{ $json.contact.uuid }}' }, messageId: '={{ $json.uuid }}' });
}

/** The team answers (POST /messages/send), as the bot's earlier reply would. */
async function agentReplies(text: string): Promise<void> {
	await post('/messages/send', { to: SEED.contacts.ada.phoneNumber, from: 'whatsapp', channel_uuid: SEED.channels.whatsapp.uuid, type: 'text', content: { text } });
}

async function post(path: string, body: IDataObject): Promise<void> {
	const response = await fetch(`${sandbox.get().url}${path}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${SEED.token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(response.status).toBe(200);
}

describe('Contact → Wait for Customer to Finish through n8n’s engine against the sandbox', () => {
	it('three messages in a burst: only the last one’s execution continues, with all three texts oldest first', async () => {
		await agentReplies('Thanks for your order!');
		const burst = ['hi', 'I ordered yesterday', 'where is it?'].map((text) => customerWrites(text));
		const started = Date.now();
		const results = await Promise.all(burst.map((message) => run(waitFor(), [triggerItem(message)])));

		for (const result of results) expect(result.error).toBeUndefined();
		expect(results.map((result) => result.output?.length)).toEqual([0, 0, 1]);
		const [[item, paired]] = pairs(results[2]);
		expect(paired).toBe(0);
		expect(item).toMatchObject({
			contactUuid: ada,
			text: 'hi\nI ordered yesterday\nwhere is it?',
			messageCount: 3,
			lastMessageUuid: burst[2].uuid,
			firstMessageAt: burst[0].createdAt,
			lastMessageAt: burst[2].createdAt,
			complete: true,
			endedBy: 'quiet',
			quietPeriodSeconds: 1.5,
		});
		expect((item.messages as IDataObject[]).map((message) => message.uuid)).toEqual(burst.map((message) => message.uuid));
		// The winner waited the quiet period after the last message (the list gives whole seconds).
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
	});

	it('the three messages as three items of one execution: one item out, paired with the last', async () => {
		await agentReplies('Anything else?');
		const burst = ['hi', 'I ordered yesterday', 'where is it?'].map((text) => customerWrites(text));
		const result = await run(waitFor(), burst.map((message) => triggerItem(message)));
		expect(result.error).toBeUndefined();
		expect(pairs(result).map(([json, item]) => [json.text, item])).toEqual([['hi\nI ordered yesterday\nwhere is it?', 2]]);
	});

	it('a message that arrives during the wait: the earlier execution yields, the later one carries both', async () => {
		await agentReplies('Anything else?');
		const first = customerWrites('hi');
		const earlier = run(waitFor(), [triggerItem(first)]);
		await sleep(500);
		const second = customerWrites('where is my order?');
		const [a, b] = await Promise.all([earlier, run(waitFor(), [triggerItem(second)])]);
		expect(a.error).toBeUndefined();
		expect(a.output).toEqual([]);
		expect(pairs(b).map(([json]) => [json.text, json.messageCount])).toEqual([['hi\nwhere is my order?', 2]]);
	});

	it('without an earlier reply the burst reaches back to the last outgoing message; a note neither ends nor joins it', async () => {
		// Ada's seeded conversation ends with the team's message, then hers of 30 minutes ago.
		const seeded = [...(sandbox.get().state.messages.get(ada) as IDataObject[])].reverse();
		expect(seeded.slice(0, 2).map((message) => message.status)).toEqual(['received', 'sent']);
		await post(`/contacts/${ada}/conversation/note`, { text: '@ben.agent she asked twice' });
		const now = customerWrites('still there?');
		const result = await run(waitFor(), [triggerItem(now)]);
		const [[item]] = pairs(result);
		expect((item.messages as IDataObject[]).map((message) => message.uuid)).toEqual([seeded[0].uuid, now.uuid]);
		expect(item.text).toBe(`${seeded[0].text as string}\nstill there?`);
	});

	it('ties on createdAt: Callbell’s order decides, the message it lists first continues', async () => {
		await agentReplies('Anything else?');
		sandbox.get().clock.freeze();
		const burst = ['one', 'two', 'three'].map((text) => customerWrites(text));
		sandbox.get().clock.resume();
		expect(new Set(burst.map((message) => message.createdAt)).size).toBe(1);
		const results = await Promise.all(burst.map((message) => run(waitFor(), [triggerItem(message)])));
		expect(results.map((result) => result.output?.length)).toEqual([0, 0, 1]);
		expect(results[2].output?.[0].json.text).toBe('one\ntwo\nthree');
	});

	it('the team wrote after the message: nothing is left to answer, no item', async () => {
		const message = customerWrites('hello?');
		await agentReplies('Hello! How can I help?');
		const result = await run(waitFor(), [triggerItem(message)]);
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([]);
	});

	it('Max Wait: a message that is still the newest continues when Max Wait ends, marked maxWait', async () => {
		await agentReplies('Anything else?');
		// A message timed 30 s ahead (a clock skew) never becomes Quiet Period old within Max Wait.
		sandbox.get().clock.freeze();
		sandbox.get().clock.advance(30_000);
		const message = customerWrites('skewed');
		sandbox.get().clock.resume();
		const started = Date.now();
		const result = await run(waitFor({ quietPeriod: 1, maxWait: 2 }), [triggerItem(message)]);
		const waited = Date.now() - started;
		expect(pairs(result).map(([json]) => [json.text, json.endedBy])).toEqual([['skewed', 'maxWait']]);
		expect(waited).toBeGreaterThanOrEqual(2000);
		expect(waited).toBeLessThan(6000);
	});

	it('a message Callbell never lists fails at Max Wait, naming the message and the item', async () => {
		const missing = { uuid: '0123456789abcdef0123456789abcdef', createdAt: '', text: '' };
		const result = await run(waitFor({ quietPeriod: 1, maxWait: 1 }), [triggerItem(missing)]);
		expect(result.error?.message).toBe('The message "0123456789abcdef0123456789abcdef" is not among the contact’s messages [item 0]');
	});

	it('bad settings are refused before any request, naming the field', async () => {
		const message = customerWrites('hi');
		const tooShort = await run(waitFor({ quietPeriod: 0 }), [triggerItem(message)]);
		expect(tooShort.error?.message).toBe('Quiet Period must be a number of seconds from 1 to 120, got number 0 [item 0]');
		const belowQuiet = await run(waitFor({ quietPeriod: 10, maxWait: 5 }), [triggerItem(message)]);
		expect(belowQuiet.error?.message).toBe('Max Wait must be at least the Quiet Period (10 s), got 5 [item 0]');
		const noMessage = await run(waitFor(), [{ contact: { uuid: ada } }]);
		expect(noMessage.error?.message).toBe('Message ID is required [item 0]');
		expect(requestsTo(sandbox.get())).toEqual([]);
	});
});
