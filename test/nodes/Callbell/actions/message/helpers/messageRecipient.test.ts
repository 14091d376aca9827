import { InputError } from '../../../../../../nodes/Callbell/helpers/InputError';
import { toInternationalPhone } from '../../../../../../nodes/Callbell/actions/message/helpers/messageRecipient';

describe('toInternationalPhone', () => {
	it.each([
		['+44 7700 900001', '+447700900001'],
		['+1 (202) 555-0101', '+12025550101'],
		['0044 7700.900.001', '+447700900001'],
		['  +39-333-123-4567  ', '+393331234567'],
		['00 49 151 2345 6789', '+4915123456789'],
	])('%p → %p', (input, expected) => expect(toInternationalPhone('Phone Number', input)).toBe(expected));

	it.each([
		['07700 900001', /has no country code/],
		['7700900001', /has no country code/],
		[7700900001, /has no country code/],
		['+44 7700 9OO001', /only digits/],
		['call +44 7700 900001', /only digits/],
		['+44 7700 900001 ext 2', /only digits/],
		['+', /7 to 15 digits/],
		['+0 7700 900001', /the first not 0/],
		['+1234', /7 to 15 digits/],
		['+1234567890123456', /7 to 15 digits/],
		['++447700900001', /7 to 15 digits/],
	])('refuses %p', (input, message) => {
		const call = () => toInternationalPhone('Phone Number', input);
		expect(call).toThrow(InputError);
		expect(call).toThrow(message);
		try {
			call();
		} catch (error) {
			expect((error as InputError).hint).toMatch(/e\.g\. \+44 7700 900001/);
			expect((error as InputError).message).toMatch(/^Phone Number /);
		}
	});

	it.each([[''], ['   '], [undefined], [null]])('%p is required', (input) => {
		expect(() => toInternationalPhone('Phone Number', input)).toThrow('Phone Number is required');
	});

	it('refuses non-text', () => expect(() => toInternationalPhone('Phone Number', { n: 1 })).toThrow('must be text'));
});
