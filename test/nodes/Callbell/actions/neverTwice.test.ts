import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { contactOperation, pairs, sandboxRunner } from '../../../harness/contact';
import { operationParameters, ref } from '../../../harness/messages';
import { SEED, useSandbox } from '../../../harness/sandbox';

/**
 * n8n's Retry On Fail runs the node again over every input item, in the same execution. Every
 * operation whose request is not idempotent (a POST) must still reach Callbell once per item:
 * the answer of one item's POST is lost after Callbell carried it out, and the tests count, per
 * item, the POSTs the sandbox received and applied.
 */
const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

interface Case {
	name: string;
	parameters: (options: IDataObject) => INodeParameters;
	items: IDataObject[];
	/** The POST of item i: its path, and the piece of its path or body that names the item. */
	post: RegExp;
	key: (item: IDataObject) => string;
	/** Where the key is: in the path (contact uuids) or in the JSON body. */
	keyIn: 'path' | 'body';
}

const uuids = [SEED.contacts.alan.uuid, SEED.contacts.katherine.uuid, SEED.contacts.margaret.uuid];
const byUuid = uuids.map((uuid) => ({ uuid }));
const byName = [0, 1, 2].map((i) => ({ name: `Never Twice ${i}`, phone: `+44 7700 9002${i}${i}` }));
const contactById = { __rl: true, mode: 'id', value: '={{ $json.uuid }}' };

const cases: Case[] = [
	{
		name: 'Message → Send (template)',
		parameters: (options) =>
			operationParameters('message', 'send', {
				sendTo: 'phone', phoneNumber: '={{ $json.phone }}', messageType: 'template', template: ref(SEED.templates.orderShipped.uuid),
				templateValues: { values: ['={{ $json.name }}', 'A-1', 'Friday'].map((value) => ({ value })) }, optIn: true, options,
			}),
		items: byName,
		post: /^\/messages\/send$/,
		key: (item) => String(item.phone).replace(/ /g, ''),
		keyIn: 'body',
	},
	{
		name: 'Contact → Create',
		parameters: (options) => contactOperation('create', undefined, { identifier: '={{ $json.phone }}', source: 'whatsapp', name: '={{ $json.name }}', options }),
		items: byName,
		post: /^\/contacts$/,
		key: (item) => String(item.name),
		keyIn: 'body',
	},
	{
		name: 'Contact → Create or Update (POST for a new number)',
		parameters: (options) =>
			contactOperation('createOrUpdate', undefined, { source: 'whatsapp', tagMode: 'replace', identifier: '={{ $json.phone }}', name: '={{ $json.name }}', options }),
		items: byName,
		post: /^\/contacts$/,
		key: (item) => String(item.name),
		keyIn: 'body',
	},
	...(['addNote', 'startBot', 'stopBot', 'openConversation', 'closeConversation'] as const).map((operation) => ({
		name: `Contact → ${operation}`,
		parameters: (options: IDataObject) => contactOperation(operation, contactById, operation === 'addNote' ? { text: 'Called back', options } : { options }),
		items: byUuid,
		post: /^\/contacts\/[0-9a-f]{32}\//,
		key: (item: IDataObject) => String(item.uuid),
		keyIn: 'path' as const,
	})),
	{
		name: 'Custom Status → Create',
		parameters: (options) => ({ resource: 'customStatus', operation: 'create', name: '={{ $json.name }}', options }) as INodeParameters,
		items: byName,
		post: /^\/custom_statuses$/,
		key: (item) => String(item.name),
		keyIn: 'body',
	},
	{
		name: 'Webhook → Subscribe',
		parameters: (options) =>
			({ resource: 'webhook', operation: 'subscribe', url: '={{ $json.url }}', events: ['message_created'], options }) as INodeParameters,
		items: [0, 1, 2].map((i) => ({ url: `https://hooks.example.com/never-twice-${i}` })),
		post: /^\/webhooks\/subscribe$/,
		key: (item) => String(item.url),
		keyIn: 'body',
	},
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Per item: [POSTs received, POSTs Callbell carried out]. */
function postsPerItem(c: Case): Array<[number, number]> {
	const posts = sandbox.get().requests.filter((request) => request.method === 'POST' && c.post.test(request.path));
	return c.items.map((item) => {
		const key = c.key(item);
		const mine = posts.filter((request) => (c.keyIn === 'path' ? request.path : JSON.stringify(request.body)).includes(key));
		const applied = mine.filter((request) => {
			const status = typeof request.appliedStatus === 'number' ? request.appliedStatus : request.status;
			return typeof status === 'number' && status >= 200 && status < 300;
		});
		return [mine.length, applied.length];
	});
}

/** The fault strikes the POST of item `index` only. */
function failPostOf(c: Case, index: number, kind: string, options: IDataObject = {}) {
	const key = c.key(c.items[index]);
	const when = c.keyIn === 'path' ? { method: 'POST', path: escape(key) } : { method: 'POST', path: c.post.source, bodyIncludes: key };
	sandbox.get().failNext(1, kind, { ...options, when });
}

const retryOnFail = (maxTries: number) => ({ retryOnFail: true, maxTries, waitBetweenTries: 1 });
const UNKNOWN = /(may have been sent|may already have taken effect in Callbell), so it was not sent again; do not (resend|repeat) it before checking/;

describe.each(cases)('$name under n8n’s Retry On Fail: each item reaches Callbell once', (c) => {
	it('Continue On Fail off, Concurrency 3: an answer lost after Callbell applied it fails the node on every try, and no item is sent twice', async () => {
		failPostOf(c, 0, 'reset', { applied: true });
		const result = await run(c.parameters({ concurrency: 3 }), c.items, { retry: retryOnFail(3) });
		expect(result.error?.message).toMatch(UNKNOWN);
		expect(result.error?.message).not.toMatch(/retry/i);
		expect(postsPerItem(c)).toEqual([[1, 1], [1, 1], [1, 1]]);
	});

	it('Continue On Fail on, Concurrency Auto: the error item first makes n8n run the node again; the earlier outputs are reused', async () => {
		failPostOf(c, 0, '503', { applied: true });
		const result = await run(c.parameters({}), c.items, { retry: retryOnFail(3), continueOnFail: true });
		const output = pairs(result);
		expect(output.map(([, item]) => item)).toEqual([0, 1, 2]);
		expect(String(output[0][0].error)).toMatch(UNKNOWN);
		expect(output.slice(1).every(([json]) => json.error === undefined)).toBe(true);
		expect(postsPerItem(c)).toEqual([[1, 1], [1, 1], [1, 1]]);
	});

	it('Continue On Fail off, Concurrency 1: a timeout stops the node; later tries send neither the item nor those before it again', async () => {
		failPostOf(c, 1, 'timeout', { applied: true, timeoutMs: 1500 });
		const result = await run(c.parameters({ concurrency: 1, timeout: 300 }), c.items, { retry: retryOnFail(2) });
		expect(result.error?.message).toMatch(UNKNOWN);
		expect(result.error?.message).toMatch(/no answer came within the 0.3 s timeout/);
		expect(postsPerItem(c)).toEqual([[1, 1], [1, 1], [0, 0]]);
	});

	it('an item refused before anything happened (a 429 with Max Retries 0) is tried again, as the user asked', async () => {
		failPostOf(c, 0, 'reset', { applied: true });
		failPostOf(c, 2, '429');
		const result = await run(c.parameters({ concurrency: 3, maxRetries: 0 }), c.items, { retry: retryOnFail(2) });
		expect(result.error?.message).toMatch(UNKNOWN);
		expect(postsPerItem(c)).toEqual([[1, 1], [1, 1], [2, 1]]);
	});
});

describe('without Retry On Fail nothing is kept', () => {
	it('a second execution of the same node sends again (a new execution is a new run: see README → Never twice)', async () => {
		const c = cases[1];
		await run(c.parameters({}), c.items.slice(0, 1));
		sandbox.get().reset();
		await run(c.parameters({}), c.items.slice(0, 1), { retry: retryOnFail(2) });
		expect(postsPerItem({ ...c, items: c.items.slice(0, 1) })).toEqual([[1, 1]]);
	});
});
