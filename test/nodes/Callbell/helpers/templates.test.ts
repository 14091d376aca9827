import { buildTemplateSend, isApproved, templateLabel, templatePreview, templateVariableCount, toTemplateValues } from '../../../../nodes/Callbell/helpers/templates';

const text0 = { uuid: 't0', title: 'Welcome', text: 'Welcome to our shop!', templateType: 'text', status: 'approved' };
const text1 = { uuid: 't1', title: 'Hello', text: 'Hello {{1}}, thanks!', templateType: 'text', status: 'approved' };
const text3 = { uuid: 't3', title: 'Order shipped', text: 'Hi {{1}}, order {{2}} ships on {{ 3 }}. Bye {{1}}', templateType: 'text', status: 'approved' };
const image2 = { uuid: 'i2', title: 'Ticket', text: 'Your ticket {{1}} for {{2}}', templateType: 'image', status: 'approved' };
const pending = { ...text1, uuid: 'p1', title: 'Promo', status: 'pending' };

describe('templates', () => {
	it('counts variables as the highest {{n}}', () => {
		expect([text0, text1, text3, image2].map(templateVariableCount)).toEqual([0, 1, 3, 2]);
		expect(templateVariableCount({ text: 'only {{2}}' })).toBe(2);
		expect(templateVariableCount({})).toBe(0);
	});

	it('labels for the picker: title, media type, variables; the start of the text', () => {
		expect(templateLabel(text3)).toBe('Order shipped · text · 3 variables');
		expect(templateLabel(text1)).toBe('Hello · text · 1 variable');
		expect(templateLabel({ uuid: 'x', text: '' })).toBe('x · text · 0 variables');
		expect(templatePreview({ text: `a\n\nb ${'c'.repeat(100)}` }, 10)).toBe('a b ccccc…');
	});

	it('approved only when the status says so', () => {
		expect(isApproved(text1)).toBe(true);
		expect(isApproved(pending)).toBe(false);
		expect(isApproved({ status: 'APPROVED' })).toBe(true);
	});
});

describe('toTemplateValues', () => {
	it('takes entries in order, spreads a list, stringifies numbers', () => {
		expect(toTemplateValues('Template Values', [{ value: 'Ada' }, { value: 42 }])).toEqual(['Ada', '42']);
		expect(toTemplateValues('Template Values', [{ value: ['Ada', 'A-1', '3 May'] }])).toEqual(['Ada', 'A-1', '3 May']);
		expect(toTemplateValues('Template Values', [{ value: [] }])).toEqual([]);
		expect(toTemplateValues('Template Values', undefined)).toEqual([]);
	});
	it('refuses an empty value or an object, naming its position', () => {
		expect(() => toTemplateValues('Template Values', [{ value: 'a' }, { value: ' ' }])).toThrow('Template Values 2 is empty');
		expect(() => toTemplateValues('Template Values', [{ value: ['a', { x: 1 }] }])).toThrow('Template Values 2 must be text');
	});
});

describe('buildTemplateSend', () => {
	it('one variable: content.text', () => {
		expect(buildTemplateSend(text1, ['Ada'], undefined)).toEqual({
			type: 'text',
			content: { text: 'Ada' },
			template_uuid: 't1',
			optin_contact: true,
		});
	});
	it('several: template_values, the first also in content.text', () => {
		expect(buildTemplateSend(text3, ['Ada', 'A-1', 'Monday'], undefined)).toEqual({
			type: 'text',
			content: { text: 'Ada' },
			template_uuid: 't3',
			optin_contact: true,
			template_values: ['Ada', 'A-1', 'Monday'],
		});
	});
	it('none: the template text as content', () => {
		expect(buildTemplateSend(text0, [], undefined).content).toEqual({ text: 'Welcome to our shop!' });
	});
	it('a media template: its type and content.url', () => {
		expect(buildTemplateSend(image2, ['T-9', 'the show'], 'https://example.com/t.png')).toEqual({
			type: 'image',
			content: { url: 'https://example.com/t.png', text: 'T-9' },
			template_uuid: 'i2',
			optin_contact: true,
			template_values: ['T-9', 'the show'],
		});
		expect(() => buildTemplateSend(image2, ['T-9', 'the show'], undefined)).toThrow('Media URL is required: the template "Ticket" is a image template');
	});
	it('refuses a count that differs, naming both numbers', () => {
		expect(() => buildTemplateSend(text3, ['Ada', 'A-1'], undefined)).toThrow('Template Values has 2 values, but the template "Order shipped" has 3 variables');
		expect(() => buildTemplateSend(text1, [], undefined)).toThrow('Template Values has 0 values, but the template "Hello" has 1 variable');
		expect(() => buildTemplateSend(text0, ['x'], undefined)).toThrow('Template Values has 1 value, but the template "Welcome" has 0 variables');
	});
	it('refuses a template that is not approved', () => {
		expect(() => buildTemplateSend(pending, ['Ada'], undefined)).toThrow('Template "Promo" is pending, not approved');
	});
});
