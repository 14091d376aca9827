import { toEmoji, toName, toTitle } from '../../../../nodes/Callbell/helpers/names';

describe('names and emoji', () => {
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
});

describe('toTitle', () => {
	it('trims', () => expect(toTitle('Title', '  Main line ')).toBe('Main line'));
	it('is required', () => expect(() => toTitle('Title', ' ')).toThrow('Title is required'));
	it('refuses over 255 characters and non-text', () => {
		expect(() => toTitle('Title', 't'.repeat(256))).toThrow('Title has 256 characters, more than 255');
		expect(() => toTitle('Title', ['a'])).toThrow('Title must be text');
	});
});
