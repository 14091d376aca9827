import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Callbell } from '../../../../nodes/Callbell/Callbell.node';
import { callResourceMapping, loadOptionsContext } from '../../../harness/loadOptions';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();
const callbell = new Callbell();

describe('Custom Fields (From Account), as n8n’s editor loads it', () => {
	it('lists the account’s fields with n8n types, dropdown options and checkbox choices', async () => {
		const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: SEED.token, baseUrl: sandbox.get().url });
		expect(emptyFieldsNotice).toBeUndefined();
		expect(fields.map((field) => [field.id, field.type])).toEqual([
			['Billing Address', 'string'],
			['Birthday', 'dateTime'],
			['Contact Email', 'string'],
			['Interests', 'array'],
			['Order Count', 'number'],
			['Plan', 'options'],
		]);
		expect(fields.find((field) => field.id === 'Plan')?.options?.map((option) => option.value)).toEqual(['Free', 'Pro', 'Enterprise']);
		expect(fields.find((field) => field.id === 'Interests')?.displayName).toBe(
			'Interests (Checkbox: any of Dark Mode, Notifications, Newsletter, Promotions)',
		);
		expect(fields.every((field) => !field.required && field.display)).toBe(true);
		// Fields only some contacts carry are found by reading the first three pages (60 contacts).
		expect(requestsTo(sandbox.get()).map((request) => [request.path, request.query.include_field_types])).toEqual([
			['/contacts', 'true'],
			['/contacts', 'true'],
			['/contacts', 'true'],
		]);
	});

	it('shows a notice instead of failing when the fields cannot be loaded', async () => {
		const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'wrong', baseUrl: sandbox.get().url });
		expect(fields).toEqual([]);
		expect(emptyFieldsNotice).toMatch(/could not be loaded .*Update Fields → Custom Fields/);
		expect(emptyFieldsNotice).not.toContain('wrong');
	});

	it('shows a notice when no contact carries field metadata', async () => {
		const stub = await startStubServer({ handle: () => ({ status: 200, body: { contacts: [], meta: { page: 1, pages: 0, next: null } } }) });
		try {
			const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'x', baseUrl: stub.url });
			expect(fields).toEqual([]);
			expect(emptyFieldsNotice).toMatch(/No custom fields found/);
		} finally {
			await stub.close();
		}
	});

	it('names a missing contact list in its notice', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'x', baseUrl: stub.url });
			expect(fields).toEqual([]);
			expect(emptyFieldsNotice).toMatch(/could not be loaded \(Callbell answered without a "contacts" list\)/);
		} finally {
			await stub.close();
		}
	});
});

describe('Send’s Template Values, as n8n’s editor loads them for the picked template', () => {
	const T = SEED.templates;
	const mapper = (parameters: IDataObject, credentials = { apiToken: SEED.token, baseUrl: sandbox.get().url }) =>
		callbell.methods.resourceMapping.getTemplateVariables.call(
			loadOptionsContext(credentials, { resource: 'message', operation: 'send', messageType: 'template', ...parameters } as INodeParameters, 'parameters.templateVariables'),
		);
	const picked = (uuid: string, extra: IDataObject = {}) => ({ template: { __rl: true, mode: 'list', value: uuid }, ...extra });

	it('one field per variable, labelled with the text around it, in order; one request for the template', async () => {
		const { fields, emptyFieldsNotice } = await mapper(picked(T.orderShipped.uuid));
		expect(emptyFieldsNotice).toBeUndefined();
		expect(fields.map((field) => [field.id, field.displayName])).toEqual([
			['{{1}}', '{{1}} — Hi {{1}}, your order…'],
			['{{2}}', '{{2}} — …your order {{2}} has shipped…'],
			['{{3}}', '{{3}} — …should arrive by {{3}}.'],
		]);
		expect(fields.every((field) => field.type === 'string' && field.display && !field.required && field.defaultValue === undefined)).toBe(true);
		expect(requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}`)).toEqual([`GET /templates/${T.orderShipped.uuid}`]);
	});

	it('a media template adds Media URL; a text template has none', async () => {
		expect((await mapper(picked(T.brochure.uuid))).fields.map((field) => [field.id, field.displayName])).toEqual([
			['{{1}}', '{{1}} — Hi {{1}}, here is the…'],
			['mediaUrl', 'Media URL — the document sent with the template (a public URL)'],
		]);
		expect((await mapper(picked(T.newCollection.uuid))).fields.map((field) => field.id)).toEqual(['mediaUrl']);
		expect((await mapper(picked(T.appointment.uuid))).fields.map((field) => field.id)).toEqual(['{{1}}']);
	});

	it('says what to do when no template is picked, or the template has no variables', async () => {
		const none = await mapper(picked(''));
		expect(none.fields).toEqual([]);
		expect(none.emptyFieldsNotice).toMatch(/^Choose a template above/);
		expect(requestsTo(sandbox.get())).toEqual([]);
		const welcome = await mapper(picked(T.welcome.uuid));
		expect(welcome.fields).toEqual([]);
		expect(welcome.emptyFieldsNotice).toMatch(/no variables/);
	});

	it('a template set by an expression, or one that cannot be read: one field for all the values, and Media URL', async () => {
		const allValues = ['values', 'mediaUrl'];
		expect((await mapper(picked('={{ $json.templateId }}'))).fields.map((field) => field.id)).toEqual(allValues);
		expect(requestsTo(sandbox.get())).toEqual([]);
		expect((await mapper(picked(T.orderShipped.uuid), { apiToken: 'wrong', baseUrl: sandbox.get().url })).fields.map((field) => field.id)).toEqual(allValues);
		expect((await mapper(picked('0123456789abcdef0123456789abcdef'))).fields.map((field) => field.id)).toEqual(allValues);
	});

	it('Template By Name: the variables of the template with that name (any case, spaces trimmed), read from the template list', async () => {
		const byName = (name: string) => ({ template: { __rl: true, mode: 'name', value: name } });
		const { fields, emptyFieldsNotice } = await mapper(byName('  order SHIPPED '));
		expect(emptyFieldsNotice).toBeUndefined();
		expect(fields.map((field) => field.id)).toEqual(['{{1}}', '{{2}}', '{{3}}']);
		// The template list, every page of it (the sandbox pages templates as Callbell does), nothing else.
		const reads = requestsTo(sandbox.get());
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.every((request) => request.method === 'GET' && request.path === '/templates')).toBe(true);
		expect((await mapper(byName('Brochure'))).fields.map((field) => field.id)).toEqual(['{{1}}', 'mediaUrl']);
		// A name no template has, or an expression: one field for all the values (the plain list a model fills).
		expect((await mapper(byName('No such template'))).fields.map((field) => field.id)).toEqual(['values', 'mediaUrl']);
		expect((await mapper(byName('={{ $json.templateName }}'))).fields.map((field) => field.id)).toEqual(['values', 'mediaUrl']);
	});

	it('a node from before the per-variable fields: its list and Media URL become the fields’ values', async () => {
		const older = { templateValues: { values: [{ value: 'Ada' }, { value: '={{ $json.order }}' }] }, mediaUrl: 'https://example.com/b.pdf' };
		const shipped = await mapper(picked(T.orderShipped.uuid, older));
		expect(shipped.fields.map((field) => [field.id, field.defaultValue])).toEqual([
			['{{1}}', 'Ada'],
			['{{2}}', '={{ $json.order }}'],
			['{{3}}', undefined],
		]);
		const brochure = await mapper(picked(T.brochure.uuid, older));
		expect(brochure.fields.map((field) => [field.id, field.defaultValue])).toEqual([
			['{{1}}', 'Ada'],
			['mediaUrl', 'https://example.com/b.pdf'],
		]);
		const list = await mapper(picked('={{ $json.templateId }}', { templateValues: { values: [{ value: '={{ $json.values }}' }] } }));
		expect(list.fields.map((field) => [field.id, field.defaultValue])).toEqual([
			['values', '={{ $json.values }}'],
			['mediaUrl', undefined],
		]);
	});
});
