import { buildContactCreateBody, toIdentifier, toSource } from '../../../../../../nodes/Callbell/actions/contact/helpers/contactCreate';
import { InputError } from '../../../../../../nodes/Callbell/helpers/InputError';

describe('buildContactCreateBody', () => {
	it('sends the required fields, trimmed', () => {
		expect(buildContactCreateBody({ identifier: ' +44 7700 900123 ', source: 'whatsapp', name: ' Ada ' })).toEqual({
			identifier: '+44 7700 900123',
			source: 'whatsapp',
			name: 'Ada',
		});
	});

	it('maps the Additional Fields with the same rules as Update, plus channel_uuid', () => {
		expect(
			buildContactCreateBody({
				identifier: '17841400000042',
				source: 'instagram',
				name: 'Ig Person',
				additionalFields: {
					tags: 'Lead, lead, VIP',
					customFields: { field: [{ name: 'Order Count', type: 'number', value: 3 }] },
					customFieldsJson: { Plan: 'Pro' },
					assignedUser: 'ben.agent@example.com',
					teamUuid: 'abc123',
					botStatus: 'bot_end',
					note: 'From the form',
					channelUuid: ' 0123abcd ',
				},
			}),
		).toEqual({
			identifier: '17841400000042',
			source: 'instagram',
			name: 'Ig Person',
			tags: ['Lead', 'VIP'],
			custom_fields: { Plan: 'Pro', 'Order Count': '3' },
			assigned_user: 'ben.agent@example.com',
			team_uuid: 'abc123',
			bot_status: 'bot_end',
			note: 'From the form',
			channel_uuid: '0123abcd',
		});
	});

	it('leaves out empty optional fields and ignores Update’s clearing toggles', () => {
		expect(
			buildContactCreateBody({
				identifier: '12345678',
				source: 'telegram',
				name: 'T',
				additionalFields: { tags: ' , ', note: '', channelUuid: '', unassignUser: true, clearNote: true },
			}),
		).toEqual({ identifier: '12345678', source: 'telegram', name: 'T' });
	});

	it.each<[string, object, RegExp]>([
		['a missing identifier', { identifier: '  ', source: 'whatsapp', name: 'A' }, /^Identifier is required$/],
		['a missing source', { identifier: '123456', source: '', name: 'A' }, /^Source is required$/],
		['a missing name', { identifier: '123456', source: 'whatsapp', name: '' }, /^Name is required$/],
		['a name that is an object', { identifier: '123456', source: 'whatsapp', name: { first: 'A' } }, /^Name must be text/],
		['a WhatsApp identifier that is no phone number', { identifier: 'ada@example.com', source: 'whatsapp', name: 'A' }, /^Identifier "ada@example.com" is not a phone number$/],
		['an unknown source', { identifier: '123456', source: 'Whats App', name: 'A' }, /^Source "Whats App" is not a Callbell source$/],
		['a bad channel id', { identifier: '123456', source: 'whatsapp', name: 'A', additionalFields: { channelUuid: '../x' } }, /^Channel "..\/x" is not a valid Callbell ID$/],
		['an invalid email', { identifier: '123456', source: 'whatsapp', name: 'A', additionalFields: { assignedUser: 'nobody' } }, /^Assigned User must be an email address/],
		['a note over 1000 characters', { identifier: '123456', source: 'whatsapp', name: 'A', additionalFields: { note: 'x'.repeat(1001) } }, /^Note is 1001 characters long/],
	])('refuses %s, naming the field', (_case, input, message) => {
		expect(() => buildContactCreateBody(input as never)).toThrow(InputError);
		expect(() => buildContactCreateBody(input as never)).toThrow(message);
	});
});

describe('toSource', () => {
	it.each([
		['whatsapp', 'whatsapp'],
		[' Instagram ', 'instagram'],
		['FACEBOOK', 'facebook'],
		['webchat', 'webchat'],
	])('accepts %j as %j', (input, expected) => {
		expect(toSource('Source', input)).toBe(expected);
	});

	it.each([[''], ['a'], ['what sapp'], ['whatsapp/../x'], [42], [null]])('refuses %j', (input) => {
		expect(() => toSource('Source', input)).toThrow(InputError);
	});
});

describe('toIdentifier', () => {
	it('keeps platform ids as written and checks WhatsApp phone numbers', () => {
		expect(toIdentifier(' 2400000000006 ', 'facebook')).toBe('2400000000006');
		expect(toIdentifier(4915112345678, 'whatsapp')).toBe('4915112345678');
		expect(() => toIdentifier('123', 'whatsapp')).toThrow(/not a phone number/);
	});

	it('refuses control characters and overlong values', () => {
		expect(() => toIdentifier('abc\ndef', 'instagram')).toThrow(/is not a phone number or platform ID/);
		expect(() => toIdentifier('1'.repeat(101), 'instagram')).toThrow(/is not a phone number or platform ID/);
	});
});
