import { deliveryKey, firstTime, fromStatic, mergeRecords, toStatic, DEDUPE_TTL_MS } from '../../../../nodes/CallbellTrigger/helpers/dedupe';
import type { SeenKeys } from '../../../../nodes/CallbellTrigger/helpers/dedupe';

const contact = { uuid: 'c-1', name: 'Ada', tags: [] as string[] };

describe('deliveryKey', () => {
	test('message_created: the message uuid when present, whatever the embedded contact says by now', () => {
		const first = { uuid: 'm-1', text: 'Hi', status: 'received', contact };
		const retry = { ...first, contact: { ...contact, tags: ['Tagged by the workflow'] } };
		expect(deliveryKey('message_created', first)).toBe(deliveryKey('message_created', retry));
		expect(deliveryKey('message_created', first)).not.toBe(deliveryKey('message_created', { ...first, uuid: 'm-2' }));
	});

	test('message_created without uuid (as in the docs example): contact, time, status and text', () => {
		const first = { text: 'Hi', status: 'received', contact, createdAt: '2026-12-02T10:00:00Z' };
		const retry = { ...first, contact: { ...contact, name: 'Ada L.' } };
		expect(deliveryKey('message_created', first)).toBe(deliveryKey('message_created', retry));
		expect(deliveryKey('message_created', first)).not.toBe(deliveryKey('message_created', { ...first, text: 'Hi again' }));
		expect(deliveryKey('message_created', first)).not.toBe(deliveryKey('message_created', { ...first, createdAt: '2026-12-02T10:00:01Z' }));
	});

	test('message_status_updated: uuid + status (delivered and read of one message are two events)', () => {
		expect(deliveryKey('message_status_updated', { uuid: 'm', status: 'delivered' })).not.toBe(
			deliveryKey('message_status_updated', { uuid: 'm', status: 'read' }),
		);
	});

	test('contact_updated: two different updates are two events, a retry of one is one', () => {
		expect(deliveryKey('contact_updated', contact)).toBe(deliveryKey('contact_updated', { ...contact }));
		expect(deliveryKey('contact_updated', contact)).not.toBe(deliveryKey('contact_updated', { ...contact, tags: ['VIP'] }));
	});

	test('conversations: the contact and the time; the event name is part of every key', () => {
		const p = { contact, createdAt: 't1' };
		expect(deliveryKey('conversation_opened', p)).not.toBe(deliveryKey('conversation_opened', { contact, createdAt: 't2' }));
		expect(deliveryKey('conversation_opened', p)).not.toBe(deliveryKey('conversation_closed', p));
	});

	test('payloads without the expected fields fall back to a hash of the payload', () => {
		expect(deliveryKey('agent_status_updated', { x: 1 })).toBe(deliveryKey('agent_status_updated', { x: 1 }));
		expect(deliveryKey('agent_status_updated', { x: 1 })).not.toBe(deliveryKey('agent_status_updated', { x: 2 }));
	});
});

describe('firstTime: a bounded record', () => {
	test('a key is new once, then known until the TTL passes', () => {
		const seen: SeenKeys = new Map();
		expect(firstTime(seen, 'a', 0)).toBe(true);
		expect(firstTime(seen, 'a', 1000)).toBe(false);
		expect(firstTime(seen, 'a', DEDUPE_TTL_MS + 1)).toBe(true);
	});

	test('at most maxKeys keys: the oldest go first', () => {
		const seen: SeenKeys = new Map();
		for (let i = 0; i < 10; i++) firstTime(seen, `k${i}`, i, 5);
		expect([...seen.keys()]).toEqual(['k5', 'k6', 'k7', 'k8', 'k9']);
		expect(firstTime(seen, 'k9', 20, 5)).toBe(false);
		expect(firstTime(seen, 'k0', 20, 5)).toBe(true);
	});

	test('round trip through static data keeps the order', () => {
		const seen: SeenKeys = new Map([['b', 2], ['a', 1]]);
		expect([...fromStatic(toStatic(seen)).entries()]).toEqual([['a', 1], ['b', 2]]);
		expect(fromStatic(undefined).size).toBe(0);
		expect(fromStatic({ x: 'not a time' }).size).toBe(0);
	});
});

describe('mergeRecords', () => {
	test('the union of a stored record and this process’s, the later time per key, expired and excess keys dropped, oldest first', () => {
		const now = 10 * DEDUPE_TTL_MS;
		const stored = { a: now - 5, b: now - DEDUPE_TTL_MS - 1, c: now - 3, junk: 'x' };
		const seen: SeenKeys = new Map([['d', now - 4], ['a', now - 1]]);
		expect([...mergeRecords(stored, seen, now)]).toEqual([['d', now - 4], ['c', now - 3], ['a', now - 1]]);
		expect([...mergeRecords(stored, seen, now, 2).keys()]).toEqual(['c', 'a']);
		expect([...mergeRecords(undefined, seen, now).keys()]).toEqual(['d', 'a']);
	});
});
