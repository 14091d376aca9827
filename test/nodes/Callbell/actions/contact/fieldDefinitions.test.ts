import { collectFieldDefinitions, definitionsFromMapperSchema } from '../../../../../nodes/Callbell/actions/contact/fieldDefinitions';
import { toMapperField } from '../../../../../nodes/Callbell/methods/resourceMapping';

describe('collectFieldDefinitions', () => {
	it('gathers names, types and options from customFieldsMetadata across contacts', () => {
		const definitions = collectFieldDefinitions([
			{ customFieldsMetadata: { Plan: { value: 'Pro', type: 'dropdown', options: ['Free', 'Pro'] } } },
			{ customFieldsMetadata: { Birthday: { value: null, type: 'date' }, Odd: { type: 'colour' } } },
			{ name: 'no metadata' },
		]);
		expect(definitions).toEqual({ Plan: { type: 'dropdown', options: ['Free', 'Pro'] }, Birthday: { type: 'date' } });
	});
});

describe('definitionsFromMapperSchema', () => {
	it('maps a saved mapper schema back to Callbell types', () => {
		expect(
			definitionsFromMapperSchema([
				{ id: 'Plan', type: 'options', options: [{ name: 'Free', value: 'Free' }] },
				{ id: 'Order Count', type: 'number' },
				{ id: 'Birthday', type: 'dateTime' },
				{ id: 'Interests', type: 'array' },
				{ id: 'Billing Address', type: 'string' },
				{ id: 'Weird', type: 'object' },
			]),
		).toEqual({
			Plan: { type: 'dropdown', options: ['Free'] },
			'Order Count': { type: 'number' },
			Birthday: { type: 'date' },
			Interests: { type: 'checkbox' },
			'Billing Address': { type: 'text' },
		});
		expect(definitionsFromMapperSchema(undefined)).toEqual({});
	});
});

describe('toMapperField', () => {
	it('gives each Callbell type n8n’s matching field type, with dropdown options and checkbox choices', () => {
		expect(toMapperField('Plan', { type: 'dropdown', options: ['Free', 'Pro'] })).toMatchObject({
			id: 'Plan',
			displayName: 'Plan (Dropdown)',
			type: 'options',
			options: [
				{ name: 'Free', value: 'Free' },
				{ name: 'Pro', value: 'Pro' },
			],
		});
		expect(toMapperField('Interests', { type: 'checkbox', options: ['A', 'B'] })).toMatchObject({
			displayName: 'Interests (Checkbox: any of A, B)',
			type: 'array',
		});
		expect(toMapperField('Birthday', { type: 'date' }).type).toBe('dateTime');
		expect(toMapperField('Order Count', { type: 'number' }).type).toBe('number');
		expect(toMapperField('Contact Email', { type: 'email' })).toMatchObject({ displayName: 'Contact Email (Email)', type: 'string' });
	});
});
