import { toLookupKey } from '../../../../nodes/Callbell/actions/contact/helpers/contactLookup';
import { toEmoji, toName } from '../../../../nodes/Callbell/helpers/names';
import { buildUserStatusBody, toMemberStatus } from '../../../../nodes/Callbell/helpers/userStatus';
import { WEBHOOK_EVENTS } from '../../../../nodes/Callbell/helpers/webhookEvents';
import { toDeliveryStatus, toEventList, toWebhookUrl } from '../../../../nodes/Callbell/helpers/webhookInput';
import { toBsuid } from '../../../../nodes/Callbell/helpers/contacts';

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

describe('names, emoji, statuses', () => {
	it('toName trims, refuses empty, control characters and more than 255 characters', () => {
		expect(toName('Name', '  Lunch ')).toBe('Lunch');
		expect(toName('Name', 42)).toBe('42');
		expect(() => toName('Name', '')).toThrow('Name is required');
		expect(() => toName('Name', 'a\u0000b')).toThrow(/control character/);
		expect(toName('Name', '🥪'.repeat(255))).toHaveLength(510);
		expect(() => toName('Name', 'x'.repeat(256))).toThrow(/256 characters/);
	});

	it('toEmoji: optional, short', () => {
		expect(toEmoji('')).toBeUndefined();
		expect(toEmoji('🧘‍♂️')).toBe('🧘‍♂️');
		expect(() => toEmoji('x'.repeat(17))).toThrow(/is not an emoji/);
	});

	it('buildUserStatusBody', () => {
		expect(buildUserStatusBody({ availability: 'away', customStatusAction: 'unchanged' })).toEqual({ available: false });
		expect(buildUserStatusBody({ availability: 'unchanged', customStatusAction: 'clear' })).toEqual({ custom_status_uuid: null });
		expect(buildUserStatusBody({ availability: 'available', customStatusAction: 'set', customStatus: ' ff0f96b9-b003-4d0c ' })).toEqual({
			available: true,
			custom_status_uuid: 'ff0f96b9-b003-4d0c',
		});
		expect(() => buildUserStatusBody({ availability: '', customStatusAction: '' })).toThrow(/leave nothing to change/);
		expect(() => buildUserStatusBody({ availability: true, customStatusAction: 'unchanged' })).toThrow(/Availability must be/);
		expect(() => buildUserStatusBody({ availability: 'away', customStatusAction: 'set', customStatus: '' })).toThrow('Custom Status is required');
	});

	it('toMemberStatus', () => {
		expect(toMemberStatus(undefined)).toBeUndefined();
		expect(toMemberStatus('away')).toBe('away');
		expect(() => toMemberStatus('offline')).toThrow('Status must be available or away, got "offline"');
	});
});

describe('contact lookups', () => {
	it('toBsuid', () => {
		expect(toBsuid('BSUID', ' US.13491208655302741918 ')).toBe('US.13491208655302741918');
		for (const bad of ['../x', '.', 'a/b', 'a b', '%2F']) expect(() => toBsuid('BSUID', bad)).toThrow(/is not a BSUID/);
	});

	it('toLookupKey: digits for phones, the platform ID as is otherwise', () => {
		expect(toLookupKey('+44 7700 900001', 'whatsapp')).toBe('447700900001');
		expect(toLookupKey('+1 202 555 0105', 'telegram')).toBe('12025550105');
		expect(toLookupKey('17841400001234', 'instagram')).toBe('17841400001234');
		expect(toLookupKey('page.user_01', 'facebook')).toBe('page.user_01');
		expect(() => toLookupKey('..', 'instagram')).toThrow(/is not a platform ID/);
		expect(() => toLookupKey('ada@example.com', 'whatsapp')).toThrow(/is not a phone number/);
	});
});
