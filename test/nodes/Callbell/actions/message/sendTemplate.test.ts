import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { description } from '../../../../../nodes/Callbell/actions/message/send.operation';
import { sandboxRunner } from '../../../../harness/contact';
import { operationParameters, ref } from '../../../../harness/messages';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const T = SEED.templates;
const ADA_PHONE = '+447700900001';

/** A template send whose values are in the per-variable fields, as the editor stores them. */
const send = (uuid: string, value: IDataObject | null, extra: IDataObject = {}) =>
	operationParameters('message', 'send', {
		sendTo: 'phone',
		phoneNumber: '={{ $json.phone }}',
		messageType: 'template',
		template: ref(uuid),
		templateVariables: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
		optIn: true,
		...extra,
	});
const posts = () => requestsTo(sandbox.get(), 'POST').map((request) => request.body as IDataObject);
const property = (name: string, type?: string) =>
	description.find((entry: INodeProperties) => entry.name === name && (type === undefined || entry.type === type));

describe('Message → Send, Template Values: one field per variable of the picked template', () => {
	it('is a resource mapper that reloads its fields whenever Template changes; the older list and Media URL are hidden', () => {
		const mapper = property('templateVariables');
		expect(mapper?.type).toBe('resourceMapper');
		expect(mapper?.displayName).toBe('Template Values');
		expect(mapper?.typeOptions?.loadOptionsDependsOn).toEqual(['template.value']);
		expect(mapper?.typeOptions?.resourceMapper).toEqual(
			expect.objectContaining({ resourceMapperMethod: 'getTemplateVariables', mode: 'add', addAllFields: true, supportAutoMap: false }),
		);
		expect(mapper?.displayOptions?.show).toEqual(expect.objectContaining({ messageType: ['template'] }));
		// Kept for existing workflows, not shown: n8n keeps a hidden parameter's stored value.
		expect(property('templateValues')?.type).toBe('hidden');
		expect(property('mediaUrl', 'hidden')?.displayOptions?.show).toEqual(expect.objectContaining({ messageType: ['template'] }));
		// A media message's own Media URL is unchanged.
		expect(property('mediaUrl', 'string')?.displayOptions?.show?.messageType).toEqual(['image', 'document', 'audio', 'video']);
	});

	it('sends the fields in the order of their variables, expressions resolved per item', async () => {
		const value = { '{{3}}': '={{ $json.day }}', '{{1}}': '={{ $json.name }}', '{{2}}': '={{ $json.order }}' };
		const result = await run(send(T.orderShipped.uuid, value), [
			{ phone: ADA_PHONE, name: 'Ada', order: 'A-1', day: 'Friday' },
			{ phone: ADA_PHONE, name: 'Alan', order: 2002, day: 'Monday' },
		]);
		expect(result.error).toBeUndefined();
		expect(posts().map((body) => [body.template_uuid, body.type, body.template_values, body.optin_contact])).toEqual([
			[T.orderShipped.uuid, 'text', ['Ada', 'A-1', 'Friday'], true],
			[T.orderShipped.uuid, 'text', ['Alan', '2002', 'Monday'], true],
		]);
	});

	it('a list from one expression fills every variable; the fields it fills stay empty', async () => {
		const value = { '{{1}}': '={{ $json.values }}', '{{2}}': null, '{{3}}': '' };
		const result = await run(send(T.orderShipped.uuid, value), [{ phone: ADA_PHONE, values: ['Ada', 'A-9', 'today'] }]);
		expect(result.error).toBeUndefined();
		expect(posts()[0].template_values).toEqual(['Ada', 'A-9', 'today']);
	});

	it('All Values (the field for a template the editor could not read) takes the list', async () => {
		const result = await run(send(T.orderShipped.uuid, { values: '={{ $json.values }}', mediaUrl: null }), [{ phone: ADA_PHONE, values: ['Ada', 'A-9', 'today'] }]);
		expect(result.error).toBeUndefined();
		expect(posts()[0].template_values).toEqual(['Ada', 'A-9', 'today']);
	});

	it('a media template sends the Media URL field in content.url', async () => {
		const result = await run(send(T.brochure.uuid, { '{{1}}': 'Ada', mediaUrl: 'https://example.com/brochure.pdf' }), [{ phone: ADA_PHONE }]);
		expect(result.error).toBeUndefined();
		expect(posts()[0]).toEqual(
			expect.objectContaining({ type: 'document', content: { url: 'https://example.com/brochure.pdf', text: 'Ada' }, template_uuid: T.brochure.uuid }),
		);
	});

	it('refuses before sending: an empty variable, a missing Media URL, a list longer than the variables', async () => {
		const empty = await run(send(T.orderShipped.uuid, { '{{1}}': 'Ada', '{{2}}': '  ', '{{3}}': 'Friday' }), [{ phone: ADA_PHONE }]);
		expect(empty.error?.message).toBe('Template Values {{2}} is empty [item 0]');
		expect(empty.error?.description).toMatch(/WhatsApp refuses a template variable without a value/);
		const noUrl = await run(send(T.brochure.uuid, { '{{1}}': 'Ada', mediaUrl: null }), [{ phone: ADA_PHONE }]);
		expect(noUrl.error?.message).toBe('Media URL is required: the template "Brochure" is a document template [item 0]');
		const tooMany = await run(send(T.orderShipped.uuid, { '{{1}}': '={{ $json.values }}', '{{2}}': 'extra', '{{3}}': null }), [
			{ phone: ADA_PHONE, values: ['Ada', 'A-9', 'today'] },
		]);
		expect(tooMany.error?.message).toBe('Template Values has 4 values, but the template "Order shipped" has 3 variables [item 0]');
		const notText = await run(send(T.appointment.uuid, { '{{1}}': '={{ $json.when }}' }), [{ phone: ADA_PHONE, when: { day: 3 } }]);
		expect(notText.error?.message).toBe('Template Values {{1}} must be text, got an object [item 0]');
		expect(posts()).toEqual([]);
	});

	it('an existing workflow (a list of values, no per-variable fields) sends as before; once the fields are shown they win', async () => {
		const older = { templateValues: { values: [{ value: 'Ada' }, { value: 'A-1' }, { value: 'Friday' }] } };
		const before = operationParameters('message', 'send', {
			sendTo: 'phone',
			phoneNumber: ADA_PHONE,
			messageType: 'template',
			template: ref(T.orderShipped.uuid),
			optIn: true,
			...older,
		});
		expect((await run(before)).error).toBeUndefined();
		expect((await run(send(T.orderShipped.uuid, { '{{1}}': 'Alan', '{{2}}': 'B-2', '{{3}}': 'Monday' }, older), [{ phone: ADA_PHONE }])).error).toBeUndefined();
		expect(posts().map((body) => body.template_values)).toEqual([
			['Ada', 'A-1', 'Friday'],
			['Alan', 'B-2', 'Monday'],
		]);
	});
});

describe('Message → Send, Template By Name: the template the user or a model names', () => {
	const byName = (name: string) => ({ __rl: true, mode: 'name', value: name });
	const sendByName = (name: string, value: IDataObject | null, extra: IDataObject = {}) => send('', value, { template: byName(name), ...extra });
	const templateNamed = (uuid: string, title: string) => {
		const template = sandbox.get().state.account.templates.find((entry: { uuid: string }) => entry.uuid === uuid);
		if (!template) throw new Error(`no template ${uuid}`);
		template.title = title;
	};

	it('is a mode of the Template picker, after From List and By ID', () => {
		const template = property('template');
		expect(template?.modes?.map((mode) => [mode.name, mode.type])).toEqual([
			['list', 'list'],
			['id', 'string'],
			['name', 'string'],
		]);
	});

	it('sends the template with that name (any case, spaces trimmed), per item, with the per-variable fields or a plain list', async () => {
		const value = { '{{1}}': '={{ $json.name }}', '{{2}}': 'A-1', '{{3}}': 'Friday' };
		const result = await run(sendByName('={{ $json.template }}', value), [
			{ phone: ADA_PHONE, name: 'Ada', template: 'Order shipped' },
			{ phone: ADA_PHONE, name: 'Alan', template: '  order SHIPPED ' },
		]);
		expect(result.error).toBeUndefined();
		// The list a model fills ($fromAI with a list), as All Values takes it.
		const list = await run(sendByName('Order shipped', { values: '={{ $json.values }}', mediaUrl: null }), [{ phone: ADA_PHONE, values: ['Grace', 'B-2', 'Monday'] }]);
		expect(list.error).toBeUndefined();
		expect(posts().map((body) => [body.template_uuid, body.template_values ?? body.content])).toEqual([
			[T.orderShipped.uuid, ['Ada', 'A-1', 'Friday']],
			[T.orderShipped.uuid, ['Alan', 'A-1', 'Friday']],
			[T.orderShipped.uuid, ['Grace', 'B-2', 'Monday']],
		]);
		// The template list is read once per execution (page 1 once per run), whatever the number of items.
		expect(requestsTo(sandbox.get(), 'GET').filter((request) => request.path === '/templates' && request.query.page === '1').length).toBe(2);
	});

	it('of several templates with the name, takes the only approved one', async () => {
		templateNamed(T.promoPending.uuid, 'Welcome');
		const result = await run(sendByName('welcome', null), [{ phone: ADA_PHONE }]);
		expect(result.error).toBeUndefined();
		expect(posts().map((body) => body.template_uuid)).toEqual([T.welcome.uuid]);
	});

	it('refuses before sending, naming the field and the item: no name, a name no template has, a name several approved templates share, a template not approved', async () => {
		const refused = await run(sendByName('={{ $json.template }}', null), [
			{ phone: ADA_PHONE, template: '' },
			{ phone: ADA_PHONE, template: 'Order shiped' },
			{ phone: ADA_PHONE, template: 'Flash sale' },
		], { continueOnFail: true });
		const errors = (refused.output ?? []).map((item) => [item.json.error, item.pairedItem]);
		expect(errors).toEqual([
			['Template is empty [item 0]', { item: 0 }],
			[expect.stringMatching(/^Template "Order shiped" is not the name of any of the account’s templates \[item 1\]$/), { item: 1 }],
			['Template "Flash sale" is rejected, not approved [item 2]', { item: 2 }],
		]);
		expect(String(refused.output?.[1].json.description)).toMatch(/Approved templates: .*Order shipped/);
		templateNamed(T.appointment.uuid, 'Order shipped');
		const twice = await run(sendByName('Order shipped', null), [{ phone: ADA_PHONE }]);
		expect(twice.error?.message).toBe(`Template "Order shipped" names 2 templates (${T.orderShipped.uuid}, ${T.appointment.uuid}) [item 0]`);
		expect(twice.error?.description).toMatch(/By ID or From List/);
		expect(posts()).toEqual([]);
	});
});
