import { failureReason, isFinalFailure, pollDelayMs, reachedTarget, toMaxWaitSeconds, toWaitTarget } from '../../../../../../nodes/Callbell/actions/message/helpers/messageStatus';

describe('message status', () => {
	it.each([
		['enqueued', 'sent', false],
		['sent', 'sent', true],
		['delivered', 'sent', true],
		['read', 'delivered', true],
		['sent', 'delivered', false],
		['mismatch', 'sent', true],
		['delivered', 'read', false],
		['failed', 'sent', false],
		['whatever', 'sent', false],
	] as const)('%s reaches %s: %p', (status, target, expected) => expect(reachedTarget(status, target)).toBe(expected));

	it('failed and deleted are final', () => {
		expect(isFinalFailure('failed')).toBe(true);
		expect(isFinalFailure('deleted')).toBe(true);
		expect(isFinalFailure('sent')).toBe(false);
	});

	it('backs off from 1 s by 1.5 up to 15 s, never past the deadline', () => {
		expect([0, 1, 2, 3, 10].map((poll) => pollDelayMs(poll, 60_000))).toEqual([1000, 1500, 2250, 3375, 15_000]);
		expect(pollDelayMs(5, 400)).toBe(400);
		expect(pollDelayMs(0, -5)).toBe(0);
	});

	it('reads Wait Until and Max Wait', () => {
		expect(toWaitTarget('Wait Until', '')).toBe('none');
		expect(toWaitTarget('Wait Until', 'read')).toBe('read');
		expect(() => toWaitTarget('Wait Until', 'seen')).toThrow(/must be No Wait, Sent, Delivered or Read/);
		expect(toMaxWaitSeconds('Max Wait', undefined)).toBe(60);
		expect(toMaxWaitSeconds('Max Wait', '30')).toBe(30);
		expect(() => toMaxWaitSeconds('Max Wait', 601)).toThrow(/at most 600/);
		expect(() => toMaxWaitSeconds('Max Wait', 0)).toThrow(/more than 0/);
	});

	it('finds the provider’s reason in a raw payload', () => {
		expect(failureReason({ errors: [{ code: 131026, title: 'Message undeliverable' }] })).toBe('Message undeliverable');
		expect(failureReason({ reason: 'Number not on WhatsApp' })).toBe('Number not on WhatsApp');
		expect(failureReason({ status: 'failed' })).toBeUndefined();
		expect(failureReason(undefined)).toBeUndefined();
	});
});
