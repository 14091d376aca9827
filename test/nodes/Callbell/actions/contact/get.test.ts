import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const margaret = SEED.contacts.margaret.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

describe('Contact → Get through n8n’s engine against the sandbox', () => {
	it('By ID: sends GET /contacts/:uuid and outputs the contact, paired', async () => {
		const result = await run(contactOperation('get', ada));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query])).toEqual([['GET', `/contacts/${ada}`, {}]]);
		expect(pairs(result)).toEqual([[sandbox.get().getContact(ada), 0]]);
	});

	it('From List: the value is the uuid', async () => {
		const result = await run(contactOperation('get', contactRef(grace, 'list')));
		expect(result.output![0].json).toMatchObject({ uuid: grace, name: 'Grace Hopper' });
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual([`/contacts/${grace}`]);
	});

	it('By Phone: looks the number up on the main WhatsApp channel first', async () => {
		const result = await run(contactOperation('get', contactRef('+44 7700 900001', 'phone')));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.path, request.query])).toEqual([
			['/contacts/phone/447700900001', {}],
			[`/contacts/${ada}`, {}],
		]);
		expect(result.output![0].json.uuid).toBe(ada);
	});

	it('By Phone on another channel: sends channel_uuid', async () => {
		const result = await run(
			contactOperation('get', contactRef(SEED.contacts.margaret.phoneNumber as string, 'phone'), { phoneLookupChannel: SEED.channels.telegram.uuid }),
		);
		expect(result.output![0].json.uuid).toBe(margaret);
		expect(requestsTo(sandbox.get())[0].query).toEqual({ channel_uuid: SEED.channels.telegram.uuid });
	});

	it('Include Field Types: sends include_field_types=true and outputs customFieldsMetadata', async () => {
		const result = await run(contactOperation('get', ada, { options: { includeFieldTypes: true } }));
		expect(requestsTo(sandbox.get())[0].query).toEqual({ include_field_types: 'true' });
		const metadata = result.output![0].json.customFieldsMetadata as IDataObject;
		expect(metadata.Plan).toEqual({ value: 'Enterprise', type: 'dropdown', options: ['Free', 'Pro', 'Enterprise'] });
		expect(metadata.Interests).toMatchObject({ type: 'checkbox', value: ['Dark Mode', 'Newsletter'] });
	});

	it.each(['array', 'object'] as const)('outputs the contact when Callbell wraps it as %s', async (shape) => {
		sandbox.get().setContactShape(shape);
		const result = await run(contactOperation('get', ada));
		expect(result.output![0].json).toMatchObject({ uuid: ada });
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation('get', unknown));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('says when no contact has the phone number', async () => {
		const result = await run(contactOperation('get', contactRef('+44 7700 900999', 'phone')));
		expect(result.error?.message).toBe('No Callbell contact has the phone number "+44 7700 900999" [item 0]');
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});

	it('refuses a contact id that is not a Callbell ID before any request', async () => {
		const result = await run(contactOperation('get', '={{ $json.id }}'), [{ id: '../auth/me' }]);
		expect(result.error?.message).toBe('Contact "../auth/me" is not a valid Callbell ID [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [{ id: ada }, { id: unknown }, { id: 'a/b' }, { id: grace }];
		const result = await run(contactOperation('get', '={{ $json.id }}'), items, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		expect(output.map(([json, item]) => [json.uuid ?? json.httpCode ?? json.error, item])).toEqual([
			[ada, 0],
			['404', 1],
			['Contact "a/b" is not a valid Callbell ID [item 2]', 2],
			[grace, 3],
		]);
		expect(requestsTo(sandbox.get())).toHaveLength(3);
	});
});
