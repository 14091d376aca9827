import { WEBHOOK_EVENTS } from '../../../../nodes/Callbell/helpers/webhookEvents';
import { toDeliveryStatus, toEventList, toWebhookUrl } from '../../../../nodes/Callbell/helpers/webhookInput';

describe('webhook inputs', () => {
	it('accepts public https URLs only', () => {
		expect(toWebhookUrl(' https://hooks.example.com/x?y=1 ')).toBe('https://hooks.example.com/x?y=1');
		expect(() => toWebhookUrl('http://hooks.example.com')).toThrow('URL must start with https://');
		for (const local of ['https://localhost/x', 'https://api.localhost/x', 'https://127.0.0.1:8443/x', 'https://[::1]/x', 'https://0.0.0.0/x']) {
			expect(() => toWebhookUrl(local)).toThrow(/is a local address/);
		}
		expect(() => toWebhookUrl('not a url')).toThrow(/is not an absolute URL/);
		expect(() => toWebhookUrl(undefined)).toThrow('URL is required');
	});

	it('events: known names only, from a list or text; duplicates dropped', () => {
		expect(toEventList('Events', 'message_created, contact_created,message_created', true)).toEqual(['message_created', 'contact_created']);
		expect(toEventList('Events', [...WEBHOOK_EVENTS], true)).toHaveLength(10);
		expect(toEventList('Events', [], false)).toEqual([]);
		expect(() => toEventList('Events', [], true)).toThrow('Events is required');
		expect(() => toEventList('Events', ['Message_Created'], true)).toThrow(/unknown event: "Message_Created"/);
	});

	it('delivery status: success, failed or all', () => {
		expect(toDeliveryStatus('')).toBeUndefined();
		expect(toDeliveryStatus('failed')).toBe('failed');
		expect(() => toDeliveryStatus('error')).toThrow('Status must be success or failed, got "error"');
	});
});
