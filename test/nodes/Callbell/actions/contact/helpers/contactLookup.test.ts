import { toLookupKey } from '../../../../../../nodes/Callbell/actions/contact/helpers/contactLookup';

describe('toLookupKey', () => {
	it('digits for phones, the platform ID as is otherwise', () => {
		expect(toLookupKey('+44 7700 900001', 'whatsapp')).toBe('447700900001');
		expect(toLookupKey('+1 202 555 0105', 'telegram')).toBe('12025550105');
		expect(toLookupKey('17841400001234', 'instagram')).toBe('17841400001234');
		expect(toLookupKey('page.user_01', 'facebook')).toBe('page.user_01');
		expect(() => toLookupKey('..', 'instagram')).toThrow(/is not a platform ID/);
		expect(() => toLookupKey('ada@example.com', 'whatsapp')).toThrow(/is not a phone number/);
	});
});
