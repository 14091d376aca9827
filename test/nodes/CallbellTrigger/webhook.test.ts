import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { PERSIST_EVERY_MS, PERSIST_QUIET_EVERY_MS } from '../../../nodes/CallbellTrigger/helpers/dedupe';
import { SEED, useSandbox } from '../../harness/sandbox';
import { deliver } from '../../harness/trigger';
import type { TriggerSetup } from '../../harness/trigger';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startLogCapture, inspectEverything } = require('../../support/logCapture');

const SECRET = 'whsec_example_engine_8c1f0a2b';
const contact = { uuid: 'c-ada', name: 'Ada Lovelace', phoneNumber: '+44 7700 900001', tags: [] as string[] };
const incoming = { event: 'message_created', payload: { uuid: 'm-1', text: 'Hi there', status: 'received', channel: 'whatsapp', contact, createdAt: '2026-12-02T10:00:00Z' } };
const outgoing = { event: 'message_created', payload: { uuid: 'm-2', text: 'Hello!', status: 'sent', channel: 'whatsapp', contact, createdAt: '2026-12-02T10:00:05Z' } };

let workflowCounter = 0;
/** A fresh workflow id per test: the trigger's duplicate record is per workflow and node. */
function setup(parameters: IDataObject = {}, webhookSecret?: string): TriggerSetup {
	return {
		parameters: { registration: 'manual', events: ['message_created'], ...parameters },
		credentials: { apiToken: 'sandbox-token', baseUrl: 'http://127.0.0.1:9/v1', webhookSecret },
		workflowId: `wf${++workflowCounter}`,
		staticData: {},
	};
}

const signed = (body: unknown, t = Math.floor(Date.now() / 1000), secret = SECRET) => {
	const raw = JSON.stringify(body);
	return { body, rawBody: raw, headers: { 'X-Callbell-Signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}` } };
};

const started = (result: { workflowData?: unknown }) => result.workflowData !== undefined;

describe('answers', () => {
	test('an accepted delivery starts one item and is answered 200 {"status":"ok"} (onReceived)', async () => {
		const { result, response } = await deliver(setup(), { body: incoming });
		expect(result.webhookResponse).toEqual({ status: 'ok' });
		expect(response.status).toBeUndefined(); // n8n sends the webhookResponse itself, with 200
		expect(result.workflowData).toEqual([[{ json: { ...incoming.payload, event: 'message_created', direction: 'incoming', contact, payload: incoming.payload, deliveryKey: 'message_created:m-1' } }]]);
	});

	test('health checks: GET on the path and POST bodies without event answer {"status":"ok"} and start nothing', async () => {
		for (const delivery of [{ name: 'setup' as const }, { body: {} }, { body: { status: 'check' } }, { body: { event: '' } }]) {
			const { result } = await deliver(setup({}, SECRET), delivery); // even with a secret: a check carries no event
			expect(result).toEqual({ webhookResponse: { status: 'ok' } });
		}
	});

	test('events not selected get 200 and start nothing', async () => {
		const { result } = await deliver(setup({ events: ['contact_created'] }), { body: incoming });
		expect(result).toEqual({ webhookResponse: { status: 'ok' } });
		const other = await deliver(setup({ events: ['contact_created'] }), { body: { event: 'contact_created', payload: contact } });
		expect(started(other.result)).toBe(true);
		expect(other.result.workflowData?.[0][0].json).toMatchObject({ event: 'contact_created', name: 'Ada Lovelace', contact });
	});
});

describe('Direction (message_created)', () => {
	test.each([
		['incoming', true, false],
		['outgoing', false, true],
		['both', true, true],
	])('%s: incoming starts=%p, outgoing starts=%p', async (direction, inStarts, outStarts) => {
		const s = setup({ direction });
		expect(started((await deliver(s, { body: incoming })).result)).toBe(inStarts);
		expect(started((await deliver(s, { body: outgoing })).result)).toBe(outStarts);
	});

	test('the default is Incoming Only (the parameter left unset)', async () => {
		const s = setup();
		expect(started((await deliver(s, { body: incoming })).result)).toBe(true);
		expect(started((await deliver(s, { body: outgoing })).result)).toBe(false);
	});
});

describe('signatures (credential has a Webhook Signing Secret)', () => {
	const now = () => Math.floor(Date.now() / 1000);

	test('valid: starts the workflow', async () => {
		const { result, response } = await deliver(setup({}, SECRET), signed(incoming));
		expect(started(result)).toBe(true);
		expect(response.status).toBeUndefined();
	});

	test.each([
		['wrong secret', () => signed(incoming, now(), 'whsec_someone_else'), 'does not match'],
		['wrong body', () => ({ ...signed(incoming), rawBody: JSON.stringify({ ...incoming, payload: { ...incoming.payload, text: 'Pay me' } }) }), 'does not match'],
		['stale (400 s old)', () => signed(incoming, now() - 400), 'old'],
		['future (400 s ahead)', () => signed(incoming, now() + 400), 'future'],
		['malformed header', () => ({ ...signed(incoming), headers: { 'X-Callbell-Signature': 'sha256=deadbeef' } }), 'is not'],
		['missing header', () => ({ body: incoming }), 'no X-Callbell-Signature'],
	])('%s: a real 401, nothing started, logged without the secret', async (_, make, reason) => {
		const capture = startLogCapture();
		let outcome;
		try {
			outcome = await deliver(setup({}, SECRET), make());
		} finally {
			capture.stop();
		}
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response.status).toBe(401);
		expect(outcome.response.body).toEqual({ error: 'Invalid Callbell signature', reason: expect.stringContaining(reason) });
		const logged = inspectEverything(capture.records);
		expect(logged).toContain('Callbell Trigger refused a delivery (401)');
		expect(logged).not.toContain(SECRET);
		expect(JSON.stringify(outcome.response.body)).not.toContain(SECRET);
	});

	test('no secret in the credential: deliveries are not checked', async () => {
		const { result } = await deliver(setup(), { body: incoming, headers: { 'X-Callbell-Signature': 'garbage' } });
		expect(started(result)).toBe(true);
	});
});

describe('duplicates', () => {
	test('a retried delivery (re-signed with a new t, contact changed since) starts the workflow once', async () => {
		const s = setup({}, SECRET);
		const first = await deliver(s, signed(incoming, Math.floor(Date.now() / 1000) - 60));
		const retry = { ...incoming, payload: { ...incoming.payload, contact: { ...contact, tags: ['Handled'] } } };
		const second = await deliver(s, signed(retry));
		expect(started(first.result)).toBe(true);
		expect(second.result).toEqual({ webhookResponse: { status: 'ok' } });
	});

	test('a retry that reaches another n8n process (its own record) starts a run with the same deliveryKey, for Remove Duplicates', async () => {
		const first = await deliver(setup({}, SECRET), signed(incoming, Math.floor(Date.now() / 1000) - 60));
		const retry = { ...incoming, payload: { ...incoming.payload, contact: { ...contact, tags: ['Handled'] } } };
		// A fresh record, as in a second webhook process that has not seen the first delivery.
		const elsewhere = await deliver(setup({}, SECRET), signed(retry));
		const keyOf = (r: { workflowData?: unknown }) => (r.workflowData as Array<Array<{ json: IDataObject }>>)[0][0].json.deliveryKey;
		expect(keyOf(first.result)).toBe('message_created:m-1');
		expect(keyOf(elsewhere.result)).toBe(keyOf(first.result));
	});

	test('the record is per trigger: another workflow still gets the same delivery', async () => {
		expect(started((await deliver(setup(), { body: incoming })).result)).toBe(true);
		expect(started((await deliver(setup(), { body: incoming })).result)).toBe(true);
	});

	test('different messages, and later statuses of one message, all start', async () => {
		const s = setup({ events: ['message_created', 'message_status_updated'] });
		expect(started((await deliver(s, { body: incoming })).result)).toBe(true);
		expect(started((await deliver(s, { body: { ...incoming, payload: { ...incoming.payload, uuid: 'm-9' } } })).result)).toBe(true);
		for (const status of ['delivered', 'read']) {
			expect(started((await deliver(s, { body: { event: 'message_status_updated', payload: { uuid: 'm-2', status } } })).result)).toBe(true);
		}
		expect(started((await deliver(s, { body: { event: 'message_status_updated', payload: { uuid: 'm-2', status: 'read' } } })).result)).toBe(false);
	});

	test('the record is also written to the node’s static data (kept by n8n where it saves it)', async () => {
		const s = setup();
		const { staticData } = await deliver(s, { body: incoming });
		const node = (staticData as IDataObject)['node:Callbell Trigger'] as IDataObject;
		expect(Object.keys(node.deliveries as IDataObject)).toEqual(['message_created:m-1']);
	});
});

describe('the record in the static data (written at most every PERSIST_EVERY_MS, or PERSIST_QUIET_EVERY_MS by calls that start nothing)', () => {
	const message = (uuid: string) => ({ body: { ...incoming, payload: { ...incoming.payload, uuid } } });
	const storedKeys = (staticData: IDataObject) => Object.keys(((staticData['node:Callbell Trigger'] as IDataObject | undefined)?.deliveries ?? {}) as IDataObject);
	let offsetMs = 0;
	beforeEach(() => {
		offsetMs = 0;
		const realNow = Date.now.bind(Date);
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
	});
	afterEach(() => jest.restoreAllMocks());

	test('a burst: the first delivery is written at once, the next ones only once PERSIST_EVERY_MS has passed, merged', async () => {
		const s = setup();
		const stored = s.staticData as IDataObject;
		expect(started((await deliver(s, message('m-1'))).result)).toBe(true);
		expect(storedKeys(stored)).toEqual(['message_created:m-1']);
		for (const uuid of ['m-2', 'm-3']) expect(started((await deliver(s, message(uuid))).result)).toBe(true);
		expect(storedKeys(stored)).toEqual(['message_created:m-1']); // no write per delivery
		offsetMs = PERSIST_EVERY_MS;
		expect(started((await deliver(s, message('m-4'))).result)).toBe(true);
		expect(storedKeys(stored)).toEqual(['message_created:m-1', 'message_created:m-2', 'message_created:m-3', 'message_created:m-4']);
	});

	test('a delivery that starts nothing (a repeat, another direction) writes what is due; nothing is written when the stored copy is current', async () => {
		const s = setup();
		const stored = s.staticData as IDataObject;
		await deliver(s, message('m-1'));
		await deliver(s, message('m-2'));
		offsetMs = PERSIST_EVERY_MS;
		expect(started((await deliver(s, { body: outgoing })).result)).toBe(false);
		expect(storedKeys(stored)).toEqual(['message_created:m-1', 'message_created:m-2']);
		const node = stored['node:Callbell Trigger'] as IDataObject;
		const written = node.deliveries;
		offsetMs = 2 * PERSIST_EVERY_MS;
		expect(started((await deliver(s, message('m-2'))).result)).toBe(false);
		expect(node.deliveries).toBe(written);
	});

	test('a call that starts nothing does not wait for the 5 s of the run-starting ones: it writes at most every PERSIST_QUIET_EVERY_MS', async () => {
		const s = setup();
		const stored = s.staticData as IDataObject;
		await deliver(s, message('m-1'));
		await deliver(s, message('m-2'));
		expect(started((await deliver(s, message('m-1'))).result)).toBe(false);
		expect(storedKeys(stored)).toEqual(['message_created:m-1', 'message_created:m-2']);
		await deliver(s, message('m-3'));
		await deliver(s, message('m-3'));
		expect(storedKeys(stored)).not.toContain('message_created:m-3');
		offsetMs = PERSIST_QUIET_EVERY_MS;
		await deliver(s, message('m-3'));
		expect(storedKeys(stored)).toContain('message_created:m-3');
	});

	test('a write that n8n did not keep is made again when due; what another process stored is kept', async () => {
		const s = setup();
		const stored = s.staticData as IDataObject;
		await deliver(s, message('m-1'));
		// As if n8n had dropped that write, and another webhook process had stored its own key.
		stored['node:Callbell Trigger'] = { deliveries: { 'message_created:other': Date.now() - 1000 } };
		await deliver(s, message('m-2'));
		expect(storedKeys(stored)).toEqual(['message_created:other']);
		offsetMs = PERSIST_EVERY_MS;
		expect(started((await deliver(s, message('m-1'))).result)).toBe(false);
		expect(storedKeys(stored).sort()).toEqual(['message_created:m-1', 'message_created:m-2', 'message_created:other']);
	});

	test('after a restart the stored record is the starting point: its retries start nothing, newer deliveries do', async () => {
		const before = setup();
		await deliver(before, message('m-1'));
		// A fresh process: no record in memory (here: another workflow id), the same static data.
		const after: TriggerSetup = { ...setup(), staticData: before.staticData };
		expect(started((await deliver(after, message('m-1'))).result)).toBe(false);
		expect(started((await deliver(after, message('m-2'))).result)).toBe(true);
	});
});

describe('interactive messages: what the sandbox sends, as Callbell documents it, arrives as clean fields', () => {
	const sandbox = useSandbox();
	const ada = SEED.contacts.ada.uuid;

	/** The sandbox's customer message, delivered to the trigger in Callbell's envelope; the item the workflow gets. */
	async function itemFor(spec: IDataObject): Promise<IDataObject> {
		sandbox.get().inbound({ contact_uuid: ada, ...spec });
		const emitted = (sandbox.get().events.emitted as Array<{ event: string; payload: IDataObject }>).filter((e) => e.event === 'message_created').pop()!;
		const { result } = await deliver(setup(), { body: { event: emitted.event, payload: emitted.payload } });
		const json = (result.workflowData as Array<Array<{ json: IDataObject }>>)[0][0].json;
		// what the item had before these fields is all still there
		expect(json).toMatchObject({ ...emitted.payload, event: 'message_created', direction: 'incoming', payload: emitted.payload });
		return json;
	}

	test('a reply button: the options and the one the customer chose', async () => {
		const json = await itemFor({ replyButton: { options: ['Yes', 'No'], selected: 'No', text: 'Shall we ship today?' } });
		expect(json.replyButtons).toEqual({
			type: 'quick_reply',
			header: null,
			text: 'Shall we ship today?',
			caption: null,
			media: null,
			options: ['Yes', 'No'].map((title) => ({ title, type: 'text', postbackUrl: null, postbackText: null })),
			selected: { title: 'No', type: 'text', postbackUrl: null, postbackText: null },
		});
	});

	test('a list reply: the metadata JSON string parsed, and the chosen item with its section', async () => {
		const json = await itemFor({ listReply: { header: 'Our menu', sections: [{ title: 'Breakfast', items: ['Yogurt', { title: 'Pancakes', description: 'With syrup' }] }], selected: 'Pancakes' } });
		expect(typeof (json.messageInteractiveList as IDataObject).metadata).toBe('string');
		expect(json.interactiveList).toEqual({
			header: 'Our menu',
			body: null,
			buttons: ['Menu'],
			sections: [{ title: 'Breakfast', subtitle: null, items: [{ title: 'Yogurt', description: null }, { title: 'Pancakes', description: 'With syrup' }] }],
			selected: { section: 'Breakfast', title: 'Pancakes', description: 'With syrup' },
		});
	});

	test('a location and a contact card', async () => {
		expect((await itemFor({ location: { latitude: 38.7223, longitude: -9.1393 } })).location).toEqual({
			latitude: 38.7223,
			longitude: -9.1393,
			mapImageUrl: expect.stringContaining('markers=color:red%7C38.7223,-9.1393'),
		});
		expect((await itemFor({ contactCards: [{ name: 'Peter Parker', phones: ['+1 202 555 0199'] }] })).contactCards).toEqual([
			{ name: 'Peter Parker', phones: [{ phone: '+1 202 555 0199', whatsappId: null, type: 'MOBILE' }] },
		]);
	});

	test.each(['messageContext', 'mesageContext'])('the replied-to message under %s, and a forward', async (contextKey) => {
		const earlier = sandbox.get().inbound({ contact_uuid: ada, text: 'Is my order on its way?' }).message as IDataObject;
		const json = await itemFor({ text: 'Any news?', replyTo: earlier.uuid, contextKey, forwarded: true });
		expect(json.repliedTo).toEqual({ uuid: null, text: 'Is my order on its way?', status: 'received', direction: 'incoming', createdAt: earlier.createdAt });
		expect(json.forwarded).toBe(true);
	});

	test('a plain text message gets none of these fields', async () => {
		const json = await itemFor({ text: 'Hello' });
		for (const key of ['location', 'contactCards', 'replyButtons', 'interactiveList', 'repliedTo', 'forwarded']) expect(json).not.toHaveProperty(key);
	});
});
