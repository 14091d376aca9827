import { contactPath } from '../../../../nodes/Callbell/transport/paths';

describe('contact paths', () => {
	it('encodes the id so it can never leave /contacts/', () => {
		expect(contactPath('abc')).toBe('/contacts/abc');
		expect(contactPath('../auth/me')).toBe('/contacts/..%2Fauth%2Fme');
		expect(contactPath('a?b#c')).toBe('/contacts/a%3Fb%23c');
	});
});
