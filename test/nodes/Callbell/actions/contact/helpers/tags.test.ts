import { mergeTags, toTagMode } from '../../../../../../nodes/Callbell/actions/contact/helpers/tags';

describe('mergeTags', () => {
	it('adds only tags the contact lacks, comparing case-insensitively and keeping its spelling', () => {
		expect(mergeTags(['VIP', 'Lead'], ['vip', 'Newsletter'], 'add')).toEqual({ tags: ['VIP', 'Lead', 'Newsletter'], changed: true });
		expect(mergeTags(['VIP'], ['vip', 'VIP '], 'add')).toEqual({ tags: ['VIP'], changed: false });
	});

	it('removes tags case-insensitively and reports no change when none matched', () => {
		expect(mergeTags(['VIP', 'Lead'], ['lead'], 'remove')).toEqual({ tags: ['VIP'], changed: true });
		expect(mergeTags(['VIP'], ['Support'], 'remove')).toEqual({ tags: ['VIP'], changed: false });
		expect(mergeTags([], ['x'], 'remove')).toEqual({ tags: [], changed: false });
	});
});

describe('toTagMode', () => {
	it('takes the three modes; empty means replace', () => {
		expect(toTagMode('add')).toBe('add');
		expect(toTagMode(' remove ')).toBe('remove');
		expect(toTagMode('replace')).toBe('replace');
		expect(toTagMode(undefined)).toBe('replace');
		expect(toTagMode('')).toBe('replace');
	});

	it.each([['merge'], ['Add'], [1], [{ mode: 'add' }]])('refuses %p instead of replacing every tag', (value) => {
		expect(() => toTagMode(value)).toThrow(/^Tag Mode must be replace, add or remove, got /);
	});
});
