import { EVENT_OPTIONS, WEBHOOK_EVENTS as CALLBELL_EVENTS } from '../../../../nodes/Callbell/helpers/webhookEvents';
import { eventOf, passesDirection, toOutputJson } from '../../../../nodes/CallbellTrigger/helpers/events';

const contact = { uuid: 'c-1', name: 'Ada Lovelace', phoneNumber: '+44 7700 900001', tags: ['VIP'] };

describe('events', () => {
	test('the Events field offers all ten documented events', () => {
		expect(EVENT_OPTIONS.map((o) => o.value).sort()).toEqual([...CALLBELL_EVENTS].sort());
	});

	test('Direction applies to message_created only: status "received" is incoming, anything else outgoing', () => {
		const incoming = { status: 'received', text: 'Hi' };
		const outgoing = { status: 'sent', text: 'Hello back' };
		expect(passesDirection('message_created', incoming, 'incoming')).toBe(true);
		expect(passesDirection('message_created', outgoing, 'incoming')).toBe(false);
		expect(passesDirection('message_created', { text: 'no status' }, 'incoming')).toBe(false);
		expect(passesDirection('message_created', outgoing, 'outgoing')).toBe(true);
		expect(passesDirection('message_created', incoming, 'outgoing')).toBe(false);
		expect(passesDirection('message_created', incoming, 'both')).toBe(true);
		expect(passesDirection('message_created', outgoing, 'both')).toBe(true);
		expect(passesDirection('message_status_updated', { status: 'delivered' }, 'incoming')).toBe(true);
	});

	test('output: payload fields on top, event, contact on every contact event, direction, raw payload kept', () => {
		const message = { text: 'Hi', status: 'received', channel: 'whatsapp', contact, createdAt: '2026-12-02T10:00:00Z' };
		expect(toOutputJson('message_created', message)).toEqual({ ...message, event: 'message_created', direction: 'incoming', payload: message });
		expect(toOutputJson('contact_updated', contact)).toEqual({ ...contact, event: 'contact_updated', contact, payload: contact });
		expect(toOutputJson('contact_deleted', { uuid: 'c-1', deleted: 'x' }).contact).toEqual({ uuid: 'c-1', deleted: 'x' });
		const agent = { email: 'a@example.com', available: true };
		expect(toOutputJson('agent_status_updated', agent)).toEqual({ ...agent, event: 'agent_status_updated', payload: agent });
		// a payload field called "event" does not hide the event name
		expect(toOutputJson('contact_updated', { uuid: 'c', event: 'x' }).event).toBe('contact_updated');
	});

	test('eventOf: a body without an event name is not a delivery', () => {
		expect(eventOf({ event: 'message_created', payload: {} })).toBe('message_created');
		expect(eventOf({})).toBeUndefined();
		expect(eventOf({ event: '' })).toBeUndefined();
		expect(eventOf({ event: 42 })).toBeUndefined();
		expect(eventOf(null)).toBeUndefined();
		expect(eventOf([1])).toBeUndefined();
	});
});
