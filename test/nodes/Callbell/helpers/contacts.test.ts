import { toBotStatus, toBsuid, toContactId, unwrapContact } from '../../../../nodes/Callbell/helpers/contacts';

describe('toBsuid', () => {
	it('trims a BSUID', () => expect(toBsuid('BSUID', ' bsuid_abc123 ')).toBe('bsuid_abc123'));
	it('trims a BSUID with a country prefix, and refuses ids that could be a path', () => {
		expect(toBsuid('BSUID', ' US.13491208655302741918 ')).toBe('US.13491208655302741918');
		for (const bad of ['../x', '.', 'a/b', 'a b', '%2F']) expect(() => toBsuid('BSUID', bad)).toThrow(/is not a BSUID/);
	});
	it.each([[''], [undefined], [' ']])('%p is required', (input) => expect(() => toBsuid('BSUID', input)).toThrow('BSUID is required'));
	it.each([['has space'], ['a/b'], ['x'.repeat(129)]])('refuses %p', (input) => expect(() => toBsuid('BSUID', input)).toThrow(/is not a BSUID/));
	it('refuses non-text', () => expect(() => toBsuid('BSUID', 42)).toThrow('must be text'));
});

describe('toBotStatus', () => {
	it('accepts bot_start and bot_end, trimmed', () => {
		expect(toBotStatus('bot_start')).toBe('bot_start');
		expect(toBotStatus(' bot_end ')).toBe('bot_end');
	});
	it.each([['start'], ['BOT_END'], [''], [true], [undefined]])('refuses %p', (input) => {
		expect(() => toBotStatus(input)).toThrow(/^Bot Status must be bot_start or bot_end, got /);
	});
});

describe('unwrapContact', () => {
	const contact = { uuid: 'abc', name: 'Ada' };
	it('accepts the object and the one-element array forms', () => {
		expect(unwrapContact({ contact })).toEqual(contact);
		expect(unwrapContact({ contact: [contact] })).toEqual(contact);
	});
	it.each([[{}], [{ contact: [] }], [{ contact: 'x' }], [null], ['text']])('finds no contact in %p', (response) => {
		expect(unwrapContact(response)).toBeUndefined();
	});
});

describe('toContactId', () => {
	it('names the Contact field when the id is unusable', () => {
		expect(() => toContactId('')).toThrow('Contact is required');
		expect(() => toContactId('a/b')).toThrow('Contact "a/b" is not a valid Callbell ID');
	});
});
