import { toTitle } from '../../../../nodes/Callbell/helpers/names';

describe('toTitle', () => {
	it('trims', () => expect(toTitle('Title', '  Main line ')).toBe('Main line'));
	it('is required', () => expect(() => toTitle('Title', ' ')).toThrow('Title is required'));
	it('refuses over 255 characters and non-text', () => {
		expect(() => toTitle('Title', 't'.repeat(256))).toThrow('Title has 256 characters, more than 255');
		expect(() => toTitle('Title', ['a'])).toThrow('Title must be text');
	});
});
