import { mergeTags, toTagMode } from '../../../../nodes/Callbell/helpers/tags';

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
	it('falls back to replace for anything unknown', () => {
		expect(toTagMode('add')).toBe('add');
		expect(toTagMode('remove')).toBe('remove');
		expect(toTagMode(undefined)).toBe('replace');
		expect(toTagMode('merge')).toBe('replace');
	});
});
