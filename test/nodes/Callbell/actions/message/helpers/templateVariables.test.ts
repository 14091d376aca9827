import {
	mappedMediaUrl,
	mappedTemplateValues,
	templateVariableFields,
	unknownTemplateFields,
	variableLabel,
} from '../../../../../../nodes/Callbell/actions/message/helpers/templateVariables';
import { checkMessage } from '../../../../../../nodes/Callbell/actions/message/helpers/messageSend';

const shipped = { uuid: 't3', title: 'Order shipped', templateType: 'text', text: 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}.' };
const flyer = { uuid: 'ti', title: 'Flyer', templateType: 'IMAGE', text: 'Look,\n{{ 1 }}!' };

describe('variableLabel', () => {
	it('shows the variable with whole words around it, on one line', () => {
		expect(variableLabel(shipped, 1)).toBe('{{1}} — Hi {{1}}, your order…');
		expect(variableLabel(shipped, 2)).toBe('{{2}} — …your order {{2}} has shipped…');
		expect(variableLabel(shipped, 3)).toBe('{{3}} — …should arrive by {{3}}.');
		expect(variableLabel({ text: 'Reminder: your appointment is on {{1}}. Reply YES to confirm.' }, 1)).toBe('{{1}} — …appointment is on {{1}}. Reply YES to…');
		expect(variableLabel(flyer, 1)).toBe('{{1}} — Look, {{1}}!');
		expect(variableLabel({ text: 'Hi {{2}}' }, 1)).toBe('{{1}} — not in the template’s text');
	});
});

describe('templateVariableFields and unknownTemplateFields', () => {
	it('{{1}}…{{n}} as optional text fields, then Media URL for a media template; older values as defaults', () => {
		expect(templateVariableFields(shipped).map((field) => [field.id, field.type, field.required, field.defaultValue])).toEqual([
			['{{1}}', 'string', false, undefined],
			['{{2}}', 'string', false, undefined],
			['{{3}}', 'string', false, undefined],
		]);
		expect(templateVariableFields(flyer, { values: ['Ada', 'extra'], mediaUrl: 'https://e.com/f.png' }).map((field) => [field.id, field.defaultValue])).toEqual([
			['{{1}}', 'Ada'],
			['mediaUrl', 'https://e.com/f.png'],
		]);
		// Only text, numbers and booleans can be a field's default; blanks and objects are not carried over.
		expect(templateVariableFields(shipped, { values: [' ', { a: 1 }, 7] }).map((field) => field.defaultValue)).toEqual([undefined, undefined, 7]);
		expect(unknownTemplateFields({ values: ['a', 'b'] }).map((field) => [field.id, field.defaultValue])).toEqual([
			['values', undefined],
			['mediaUrl', undefined],
		]);
	});
});

describe('mappedTemplateValues', () => {
	const read = (mapped: Record<string, unknown> | null | undefined) => mappedTemplateValues('Template Values', mapped);

	it('undefined while the fields were never shown (the older list is read then)', () => {
		expect(read(null)).toBeUndefined();
		expect(read(undefined)).toBeUndefined();
		expect(read({})).toEqual([]);
	});

	it('orders by variable number, turns numbers and booleans into text, ignores other keys', () => {
		expect(read({ '{{10}}': 'j', '{{2}}': 2, '{{1}}': true, mediaUrl: 'u', other: 'x', ...Object.fromEntries([3, 4, 5, 6, 7, 8, 9].map((n) => [`{{${n}}}`, `v${n}`])) })).toEqual([
			'true', '2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'j',
		]);
	});

	it('a list fills the variables from its field on; fields it filled may stay empty, others may not', () => {
		expect(read({ '{{1}}': ['a', 'b', 'c'], '{{2}}': null, '{{3}}': '' })).toEqual(['a', 'b', 'c']);
		expect(read({ '{{1}}': 'a', '{{2}}': ['b', 'c'], '{{3}}': null })).toEqual(['a', 'b', 'c']);
		expect(read({ values: ['a', 'b'], mediaUrl: null })).toEqual(['a', 'b']);
		expect(read({ '{{1}}': [], '{{2}}': 'b' })).toEqual(['b']);
		expect(() => read({ '{{1}}': 'a', '{{2}}': null, '{{3}}': 'c' })).toThrow('Template Values {{2}} is empty');
		expect(() => read({ '{{1}}': ['a', ''] })).toThrow('Template Values {{1}} (element 2) is empty');
		expect(() => read({ '{{1}}': { a: 1 } })).toThrow('Template Values {{1}} must be text, got an object');
	});
});

describe('mappedMediaUrl and checkMessage', () => {
	it('the fields’ Media URL once they were shown, the older Media URL before', () => {
		expect(mappedMediaUrl({ mediaUrl: 'https://e.com/new.pdf' }, 'https://e.com/old.pdf')).toBe('https://e.com/new.pdf');
		expect(mappedMediaUrl({ '{{1}}': 'a' }, 'https://e.com/old.pdf')).toBeUndefined();
		expect(mappedMediaUrl(null, 'https://e.com/old.pdf')).toBe('https://e.com/old.pdf');
	});

	it('a template draft from the fields; the older list only when the fields were never shown', () => {
		const older = { templateValues: { values: [{ value: 'old' }] }, mediaUrl: 'https://e.com/old.pdf' };
		expect(checkMessage({ messageType: 'template', optIn: true, templateVariables: { '{{1}}': 'new', mediaUrl: 'https://e.com/new.pdf' }, ...older })).toEqual({
			kind: 'template',
			values: ['new'],
			mediaUrl: 'https://e.com/new.pdf',
		});
		expect(checkMessage({ messageType: 'template', optIn: true, templateVariables: null, ...older })).toEqual({
			kind: 'template',
			values: ['old'],
			mediaUrl: 'https://e.com/old.pdf',
		});
		expect(() => checkMessage({ messageType: 'template', optIn: true, templateVariables: { mediaUrl: 'not a url' } })).toThrow(/^Media URL /);
	});
});
