import { DateTime } from 'luxon';

import { buildCustomFields, coerceCustomFieldValue, parseCustomFieldsObject, toCheckboxList, toDateString, toNumberString } from '../../../../../../nodes/Callbell/actions/contact/helpers/customFields';
import { InputError } from '../../../../../../nodes/Callbell/helpers/InputError';

function problemOf(fn: () => unknown): InputError {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(InputError);
	return caught as InputError;
}

describe('toNumberString', () => {
	it.each([
		[42, '42'],
		[-1.5, '-1.5'],
		['42', '42'],
		[' 7 ', '7'],
		['0.25', '0.25'],
		['1e3', '1000'],
		['+5', '5'],
		['.5', '0.5'],
		['1e21', '1000000000000000000000'],
		[1e21, '1000000000000000000000'],
		['-2.5e22', '-25000000000000000000000'],
		['1e-7', '0.0000001'],
		[1.5e-7, '0.00000015'],
		['12.5e-1', '1.25'],
	])('%p → %p', (input, expected) => {
		expect(toNumberString('Order Count', input)).toBe(expected);
	});

	it.each([['abc'], ['NaN'], ['Infinity'], [''], ['1,5'], ['12abc'], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [[1]]])(
		'refuses %p',
		(input) => {
			expect(problemOf(() => toNumberString('Order Count', input)).field).toBe('Order Count');
		},
	);
});

describe('toDateString', () => {
	it.each([
		['2026-03-03', '2026-03-03'],
		['2024-02-29', '2024-02-29'],
		['2026-03-03T23:30:00-05:00', '2026-03-03'],
		['2026-03-03T10:00:00.000Z', '2026-03-03'],
		['2026-03-03 10:00', '2026-03-03'],
	])('%p → %p', (input, expected) => {
		expect(toDateString('Birthday', input)).toBe(expected);
	});

	it('accepts Luxon DateTimes (n8n $now) and JavaScript Dates', () => {
		expect(toDateString('Birthday', DateTime.fromISO('2026-07-14T08:00:00', { zone: 'Europe/Rome' }))).toBe('2026-07-14');
		expect(toDateString('Birthday', new Date(Date.UTC(2026, 0, 31, 12)))).toBe('2026-01-31');
	});

	it.each([['31/12/2026'], ['2026-13-01'], ['2026-02-30'], ['2025-02-29'], ['2026-00-10'], ['2026-1-1'], ['tomorrow'], [''], [20260303], ['2026-03-03T25:99:00Z']])(
		'refuses %p',
		(input) => {
			const problem = problemOf(() => toDateString('Custom Field "Birthday"', input));
			expect(problem.field).toBe('Custom Field "Birthday"');
			expect(problem.hint).toMatch(/YYYY-MM-DD/);
		},
	);

	it('refuses invalid Luxon and JS dates', () => {
		expect(() => toDateString('Birthday', DateTime.fromISO('nope'))).toThrow(InputError);
		expect(() => toDateString('Birthday', new Date('nope'))).toThrow(InputError);
	});
});

describe('toCheckboxList', () => {
	it('accepts lists, comma-separated text and the JSON-encoded list Callbell returns', () => {
		expect(toCheckboxList('Interests', ['Dark Mode', ' Newsletter '])).toEqual(['Dark Mode', 'Newsletter']);
		expect(toCheckboxList('Interests', 'Dark Mode, Newsletter,,')).toEqual(['Dark Mode', 'Newsletter']);
		expect(toCheckboxList('Interests', '["Newsletter", "Promotions"]')).toEqual(['Newsletter', 'Promotions']);
	});

	it.each([[[1, 2]], [[{ a: 1 }]], [{ a: 1 }], [42], ['[not json']])('refuses %p', (input) => {
		expect(() => toCheckboxList('Interests', input)).toThrow(InputError);
	});
});

describe('coerceCustomFieldValue', () => {
	it('coerces each documented type', () => {
		expect(coerceCustomFieldValue('Billing Address', { type: 'text' }, 'Main Street 1')).toBe('Main Street 1');
		expect(coerceCustomFieldValue('Contact Email', { type: 'email' }, 'a@b.co')).toBe('a@b.co');
		expect(coerceCustomFieldValue('Order Count', { type: 'number' }, 42)).toBe('42');
		expect(coerceCustomFieldValue('Birthday', { type: 'date' }, '1815-12-10')).toBe('1815-12-10');
		expect(coerceCustomFieldValue('Plan', { type: 'dropdown' }, 'Pro')).toBe('Pro');
		expect(coerceCustomFieldValue('Interests', { type: 'checkbox' }, 'Dark Mode')).toEqual(['Dark Mode']);
	});

	it('checks dropdown and checkbox options when they are known', () => {
		const plan = { type: 'dropdown' as const, options: ['Free', 'Pro'] };
		expect(coerceCustomFieldValue('Plan', plan, 'Pro')).toBe('Pro');
		const problem = problemOf(() => coerceCustomFieldValue('Plan', plan, 'Gold'));
		expect(problem.message).toBe('Custom Field "Plan" has no option "Gold"');
		expect(problem.hint).toBe('Allowed options: Free, Pro');
		expect(() => coerceCustomFieldValue('Interests', { type: 'checkbox', options: ['A'] }, ['A', 'B'])).toThrow(
			/no option "B"/,
		);
	});

	it('refuses a bad email and objects for text', () => {
		expect(() => coerceCustomFieldValue('Contact Email', { type: 'email' }, 'not-an-email')).toThrow(/email address/);
		expect(() => coerceCustomFieldValue('Billing Address', { type: 'text' }, { street: 'x' })).toThrow(/must be text/);
	});
});

describe('parseCustomFieldsObject', () => {
	it('accepts an object or JSON text holding an object', () => {
		expect(parseCustomFieldsObject({ Plan: 'Pro' })).toEqual({ Plan: 'Pro' });
		expect(parseCustomFieldsObject('{"Plan":"Pro"}')).toEqual({ Plan: 'Pro' });
	});

	it.each([['{"Plan": '], ['[1,2]'], ['"text"'], [[1]], [null]])('refuses %p', (input) => {
		expect(problemOf(() => parseCustomFieldsObject(input)).field).toBe('Custom Fields (JSON)');
	});
});

describe('buildCustomFields', () => {
	it('merges the JSON object and typed entries; a typed entry wins', () => {
		const result = buildCustomFields({ Plan: 'Free', 'Order Count': 3, Interests: ['Newsletter'] }, [
			{ name: 'Plan', type: 'dropdown', value: 'Pro' },
			{ name: 'Birthday', type: 'date', value: '2026-01-02T00:00:00Z' },
		]);
		expect(result).toEqual({ Plan: 'Pro', 'Order Count': '3', Interests: ['Newsletter'], Birthday: '2026-01-02' });
	});

	it('skips empty values so the field keeps its current value', () => {
		expect(buildCustomFields({ Plan: '', Note: null }, [{ name: 'Birthday', type: 'date', value: '  ' }])).toEqual({});
	});

	it('skips lists that hold only blank entries instead of sending an empty list (which would clear the field)', () => {
		expect(buildCustomFields({ Interests: [' '] }, [{ name: 'Tags Field', type: 'checkbox', value: ' , ' }])).toEqual({});
		expect(buildCustomFields(undefined, [{ name: 'Interests', type: 'checkbox', value: '[""]' }])).toEqual({});
		expect(buildCustomFields({ Interests: ['Newsletter'] }, [{ name: 'Interests', type: 'checkbox', value: ['', ' '] }])).toEqual({
			Interests: ['Newsletter'],
		});
		expect(buildCustomFields(undefined, [], { Interests: { type: 'checkbox' } }, { Interests: [' '] })).toEqual({});
	});

	it('checks JSON values against known definitions', () => {
		expect(() => buildCustomFields({ 'Order Count': 'abc' }, [], { 'Order Count': { type: 'number' } })).toThrow(
			'Custom Field "Order Count" must be a number, got "abc"',
		);
	});

	it('refuses entries without a name or with an unknown type, and nested objects', () => {
		expect(() => buildCustomFields(undefined, [{ name: ' ', type: 'text', value: 'x' }])).toThrow(/without a field name/);
		expect(() => buildCustomFields(undefined, [{ name: 'Plan', type: 'colour', value: 'x' }])).toThrow(/unknown type/);
		expect(() => buildCustomFields({ Plan: { a: 1 } }, [])).toThrow(/must be text, a number/);
	});
});
