import { buildContactListQuery } from '../../../../../../nodes/Callbell/actions/contact/helpers/contactList';

describe('buildContactListQuery', () => {
	it('sends nothing for no filters or empty ones', () => {
		expect(buildContactListQuery()).toEqual({});
		expect(buildContactListQuery({ source: '', tags: ' , ', teamUuid: '', includeFieldTypes: false })).toEqual({});
	});

	it('maps every filter to Callbell’s query', () => {
		expect(buildContactListQuery({ source: 'WhatsApp', tags: 'Lead, VIP, lead', teamUuid: ' abc123 ', includeFieldTypes: true })).toEqual({
			source: 'whatsapp',
			tags: 'Lead,VIP',
			team_uuid: 'abc123',
			include_field_types: 'true',
		});
	});

	it('takes tags as a list from an expression', () => {
		expect(buildContactListQuery({ tags: ['Customer', ' VIP '] })).toEqual({ tags: 'Customer,VIP' });
	});

	it.each<[string, object, RegExp]>([
		['a team id with a slash', { teamUuid: 'a/b' }, /^Team "a\/b" is not a valid Callbell ID$/],
		['a source with spaces', { source: 'whats app' }, /^Source "whats app" is not a Callbell source$/],
		['tags that are numbers', { tags: [1, 2] }, /^Tags every entry must be text/],
		['a tag holding a comma', { tags: ['a,b'] }, /^Tags entries cannot contain commas$/],
		['Include Field Types that is no boolean', { includeFieldTypes: 'yes' }, /^Include Field Types must be true or false, got "yes"$/],
	])('refuses %s', (_case, filters, message) => {
		expect(() => buildContactListQuery(filters)).toThrow(message);
	});
});
