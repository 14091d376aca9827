import { InputError } from '../../../../nodes/Callbell/helpers/InputError';
import { characterCount, isEmail, isEmptyValue, toCallbellId, toLimit, toPhoneDigits, toStringList, toText, toToggle } from '../../../../nodes/Callbell/helpers/values';

describe('isEmptyValue', () => {
	it.each([[undefined], [null], [''], ['   '], [[]]])('%p is empty', (value) => expect(isEmptyValue(value)).toBe(true));
	it.each([['x'], [0], [false], [['a']], [{}]])('%p is not empty', (value) => expect(isEmptyValue(value)).toBe(false));
});

describe('toStringList', () => {
	it('splits, trims, drops empties and dedupes case-insensitively keeping the first spelling', () => {
		expect(toStringList('Tags', ' Lead, VIP ,, lead ,vip, Support')).toEqual(['Lead', 'VIP', 'Support']);
		expect(toStringList('Tags', ['Lead', ' ', 'LEAD'])).toEqual(['Lead']);
	});

	it.each([[42], [{ a: 1 }], [[1]], [[{ name: 'x' }]], [true]])('refuses %p', (value) => {
		expect(() => toStringList('Tags', value)).toThrow(InputError);
	});
});

describe('isEmail', () => {
	it.each([['ada@example.com'], ['first.last+tag@sub.example.co.uk'], ["o'brien@example.ie"]])('%p is an email', (v) =>
		expect(isEmail(v)).toBe(true),
	);
	it.each([['bob'], ['bob@'], ['@example.com'], ['a@b'], ['a b@example.com'], ['a..b@example.com'], ['.a@example.com'], ['a@-example.com'], [`${'x'.repeat(65)}@example.com`]])(
		'%p is not an email',
		(v) => expect(isEmail(v)).toBe(false),
	);
});

describe('toCallbellId', () => {
	it('trims and accepts hex and hyphenated ids', () => {
		expect(toCallbellId('Contact', ' 414a6d692bd645ed803f2e7ce360d4c8 ')).toBe('414a6d692bd645ed803f2e7ce360d4c8');
		expect(toCallbellId('Team UUID', 'ff0f96b9-b003-4d0c-b14f-27f3f6868dd6')).toBe('ff0f96b9-b003-4d0c-b14f-27f3f6868dd6');
	});

	it.each([[''], ['   '], [undefined], ['a/b'], ['..'], ['../auth/me'], ['abc?x=1'], ['abc#x'], ['%2F'], ['ñandú'], ['a'.repeat(65)], [42]])(
		'refuses %p',
		(value) => {
			expect(() => toCallbellId('Contact', value)).toThrow(InputError);
		},
	);
});

describe('what toCallbellId and toPhoneDigits say about a value that is not text', () => {
	it.each<[unknown, string]>([
		[{ uuid: 'abc' }, 'Contact must be text, got an object'],
		[['abc'], 'Contact must be text, got a list'],
		[42, 'Contact must be text, got number 42'],
		[true, 'Contact must be text, got boolean true'],
		[null, 'Contact is required'],
		[' ', 'Contact is required'],
	])('toCallbellId(%p) → %s', (value, message) => {
		expect(() => toCallbellId('Contact', value)).toThrow(new InputError('Contact', message.replace(/^Contact /, '')));
	});

	it.each<[unknown, string]>([
		[{ number: '+44 7700 900001' }, 'must be text, got an object'],
		[['+44 7700 900001'], 'must be text, got a list'],
		[undefined, 'is required'],
		['  ', 'is required'],
	])('toPhoneDigits(%p) → %s', (value, problem) => {
		expect(() => toPhoneDigits('Contact (By Phone)', value)).toThrow(`Contact (By Phone) ${problem}`);
	});

	it('toPhoneDigits still takes a number', () => {
		expect(toPhoneDigits('Contact (By Phone)', 447700900001)).toBe('447700900001');
	});
});

describe('toToggle', () => {
	it.each<[unknown, boolean]>([
		[true, true],
		[false, false],
		['true', true],
		[' TRUE ', true],
		['false', false],
		['', false],
		[undefined, false],
		[null, false],
	])('%p → %p', (value, expected) => {
		expect(toToggle('Unassign User', value)).toBe(expected);
	});

	it.each([['yes'], [1], [0], [{}], [['true']]])('refuses %p rather than reading it as off', (value) => {
		expect(() => toToggle('Unassign User', value)).toThrow(/^Unassign User must be true or false, got /);
	});
});

describe('toText and characterCount', () => {
	it('stringifies numbers and booleans, refuses objects', () => {
		expect(toText('Name', 12)).toBe('12');
		expect(toText('Name', ' Ada ')).toBe('Ada');
		expect(() => toText('Name', { a: 1 })).toThrow('Name must be text, got an object');
	});

	it('counts characters, not UTF-16 units', () => {
		expect(characterCount('👋🏽')).toBe(2);
		expect(characterCount('é')).toBe(1);
	});
});

describe('toLimit', () => {
	it.each([
		[1, 1],
		[50, 50],
		['20', 20],
		[' 7 ', 7],
	])('accepts %j', (input, expected) => {
		expect(toLimit(input)).toBe(expected);
	});

	it.each([[0], [-1], [1.5], ['abc'], [''], [null], [Number.NaN], [Infinity]])('refuses %j', (input) => {
		expect(() => toLimit(input)).toThrow(InputError);
		expect(() => toLimit(input)).toThrow(/^Limit must be a whole number of at least 1/);
	});
});
