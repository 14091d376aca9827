import { buildContactUpdateBody } from '../../../../../../nodes/Callbell/actions/contact/helpers/contactUpdate';
import { InputError } from '../../../../../../nodes/Callbell/helpers/InputError';

describe('buildContactUpdateBody', () => {
	it('maps every Update Field to Callbell’s snake_case body', () => {
		expect(
			buildContactUpdateBody({
				name: ' Ada Lovelace ',
				tags: 'Lead, VIP',
				customFields: { field: [{ name: 'Order Count', type: 'number', value: 42 }] },
				customFieldsJson: '{"Plan": "Pro"}',
				assignedUser: 'ada.agent@example.com',
				teamUuid: 'abc123',
				botStatus: 'bot_end',
				note: 'Call after 5pm',
			}),
		).toEqual({
			name: 'Ada Lovelace',
			tags: ['Lead', 'VIP'],
			custom_fields: { Plan: 'Pro', 'Order Count': '42' },
			assigned_user: 'ada.agent@example.com',
			team_uuid: 'abc123',
			bot_status: 'bot_end',
			note: 'Call after 5pm',
		});
	});

	it('sends explicit clears: Unassign User and Clear Note', () => {
		expect(buildContactUpdateBody({ unassignUser: true, clearNote: true })).toEqual({ unassign_user: true, note: '' });
	});

	it('leaves out fields whose value is empty', () => {
		expect(buildContactUpdateBody({ name: 'Ada', tags: ' , ', note: '', customFieldsJson: '{}' })).toEqual({ name: 'Ada' });
	});

	it.each<[string, object, RegExp]>([
		['nothing set', {}, /^Update Fields contain nothing to update$/],
		['only empty values', { name: ' ', tags: [], unassignUser: false }, /nothing to update/],
		['assign and unassign together', { assignedUser: 'a@b.co', unassignUser: true }, /Assigned User cannot be set together with Unassign User/],
		['a bad email', { assignedUser: 'bob' }, /^Assigned User must be an email address, got "bob"$/],
		['a bot status from an expression', { botStatus: 'start' }, /^Bot Status must be bot_start or bot_end, got "start"$/],
		['a note over 1000 characters', { note: 'x'.repeat(1001) }, /^Note is 1001 characters long; Callbell allows at most 1000$/],
		['note and clear note', { note: 'x', clearNote: true }, /Note cannot be set together with Clear Note/],
		['tags as an object', { tags: { a: 1 } }, /^Tags must be a list/],
		['tags as a number', { tags: 42 }, /^Tags must be a list/],
		['a team id with a slash', { teamUuid: '../teams' }, /^Team "..\/teams" is not a valid Callbell ID$/],
		['malformed custom fields JSON', { customFieldsJson: '{"Plan":' }, /^Custom Fields \(JSON\) is not valid JSON$/],
		['a bad custom number', { customFields: { field: [{ name: 'Order Count', type: 'number', value: 'abc' }] } }, /Custom Field "Order Count" must be a number/],
		['Unassign User from an expression that is no boolean', { name: 'Ada', unassignUser: 'yes' }, /^Unassign User must be true or false, got "yes"$/],
		['Clear Note from an expression that is no boolean', { note: 'x', clearNote: 1 }, /^Clear Note must be true or false, got number 1$/],
	])('refuses %s', (_case, fields, message) => {
		let caught: unknown;
		try {
			buildContactUpdateBody(fields);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).message).toMatch(message);
	});

	it('accepts a note of exactly 1000 characters, counting emoji as one', () => {
		expect(buildContactUpdateBody({ note: '👋'.repeat(1000) }).note).toHaveLength(2000);
	});

	it('accepts tags as a list and Unassign User from an expression string', () => {
		expect(buildContactUpdateBody({ tags: ['VIP', 'vip', 'Lead'], unassignUser: 'true' })).toEqual({
			tags: ['VIP', 'Lead'],
			unassign_user: true,
		});
	});
});
