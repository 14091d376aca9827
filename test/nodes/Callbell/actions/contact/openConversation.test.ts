import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const target = SEED.contacts.grace.uuid; // closed in the seed
const other = SEED.contacts.alan.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const closedAt = (uuid: string) => (sandbox.get().getContact(uuid) as IDataObject).closedAt;

describe('Contact → Open Conversation through n8n’s engine against the sandbox', () => {
	it('sends POST …/conversation/open without a body and outputs the contact, paired', async () => {
		const result = await run(contactOperation('openConversation', target));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/contacts/${target}/conversation/open`, undefined],
		]);
		expect(closedAt(target)).toBeNull();
		expect(pairs(result)).toEqual([[sandbox.get().getContact(target), 0]]);
	});

	it.each(['array', 'object'] as const)('outputs the contact when Callbell wraps it as %s', async (shape) => {
		sandbox.get().setContactShape(shape);
		const result = await run(contactOperation('openConversation', target));
		expect(result.output![0].json).toMatchObject({ uuid: target });
	});

	it('From List and By Phone address the contact', async () => {
		const phone = SEED.contacts.grace.phoneNumber as string;
		const fromList = await run(contactOperation('openConversation', contactRef(other, 'list')));
		const byPhone = await run(contactOperation('openConversation', contactRef(phone, 'phone')));
		expect(fromList.output![0].json.uuid).toBe(other);
		expect(byPhone.output![0].json.uuid).toBe(target);
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual([
			`/contacts/${other}/conversation/open`,
			`/contacts/phone/${phone.replace(/\D/g, '')}`,
			`/contacts/${target}/conversation/open`,
		]);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation('openConversation', unknown));
		expect(result.error?.message).toMatch(/could not be found/);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('refuses an id that is not a Callbell ID before any request', async () => {
		const result = await run(contactOperation('openConversation', '={{ $json.id }}'), [{ id: 'ada lovelace' }]);
		expect(result.error?.message).toBe('Contact "ada lovelace" is not a valid Callbell ID [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [{ id: target }, { id: unknown }, { id: '#' }, { id: other }];
		const result = await run(contactOperation('openConversation', '={{ $json.id }}'), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.uuid ?? json.httpCode ?? json.error, item])).toEqual([
			[target, 0],
			['404', 1],
			['Contact "#" is not a valid Callbell ID [item 2]', 2],
			[other, 3],
		]);
	});
});
