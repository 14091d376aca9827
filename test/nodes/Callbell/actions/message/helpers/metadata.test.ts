import { toMetadata } from '../../../../../../nodes/Callbell/actions/message/helpers/metadata';

const pairs = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `k${index}`, value: `v${index}` }));

describe('toMetadata', () => {
	it('builds an object of strings; numbers and booleans become text', () => {
		expect(toMetadata('Metadata', [{ key: 'orderId', value: 'A-1' }, { key: ' qty ', value: 3 }, { key: 'vip', value: true }])).toEqual({
			orderId: 'A-1',
			qty: '3',
			vip: 'true',
		});
	});
	it('is undefined without pairs, and skips fully empty pairs', () => {
		expect(toMetadata('Metadata', undefined)).toBeUndefined();
		expect(toMetadata('Metadata', [{ key: '', value: '' }])).toBeUndefined();
	});
	it('takes 10 pairs, refuses 11', () => {
		expect(Object.keys(toMetadata('Metadata', pairs(10)) ?? {})).toHaveLength(10);
		expect(() => toMetadata('Metadata', pairs(11))).toThrow("Metadata has more than Callbell's 10 pairs");
	});
	it('takes a 50-character key and a 500-character value, refuses one more', () => {
		expect(toMetadata('Metadata', [{ key: 'k'.repeat(50), value: 'v'.repeat(500) }])).toBeDefined();
		expect(() => toMetadata('Metadata', [{ key: 'k'.repeat(51), value: 'v' }])).toThrow("Metadata 1 key has 51 characters, more than Callbell's 50");
		expect(() => toMetadata('Metadata', [{ key: 'k', value: 'v'.repeat(501) }])).toThrow("Metadata 1 value has 501 characters, more than Callbell's 500");
	});
	it('refuses a value without a key, a key twice and objects', () => {
		expect(() => toMetadata('Metadata', [{ key: '', value: 'x' }])).toThrow('Metadata 1 has a value but no key');
		expect(() => toMetadata('Metadata', [{ key: 'a', value: '1' }, { key: 'a', value: '2' }])).toThrow('Metadata 2 key "a" is given twice');
		expect(() => toMetadata('Metadata', [{ key: 'a', value: { x: 1 } }])).toThrow('Metadata 1 value must be text');
	});
});
