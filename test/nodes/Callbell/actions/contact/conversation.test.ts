import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const other = SEED.contacts.alan.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const closedAt = (uuid: string) => (sandbox.get().getContact(uuid) as IDataObject).closedAt;

/**
 * The twin operations: POST …/conversation/open or …/close, each on a contact whose conversation
 * the seed has the other way (Grace's is closed, Ada's open), and what closedAt holds after it.
 */
describe.each([
	{ name: 'Open Conversation', operation: 'openConversation', action: 'open', contact: SEED.contacts.grace, closedAfter: null },
	{ name: 'Close Conversation', operation: 'closeConversation', action: 'close', contact: SEED.contacts.ada, closedAfter: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
])('Contact → $name through n8n’s engine against the sandbox', ({ operation, action, contact, closedAfter }) => {
	const target = contact.uuid;

	it(`sends POST …/conversation/${action} without a body and outputs the contact, paired`, async () => {
		const result = await run(contactOperation(operation, target));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/contacts/${target}/conversation/${action}`, undefined],
		]);
		expect(closedAt(target)).toEqual(closedAfter);
		expect(pairs(result)).toEqual([[sandbox.get().getContact(target), 0]]);
	});

	it.each(['array', 'object'] as const)('outputs the contact when Callbell wraps it as %s', async (shape) => {
		sandbox.get().setContactShape(shape);
		const result = await run(contactOperation(operation, target));
		expect(result.output![0].json).toMatchObject({ uuid: target });
	});

	it('From List and By Phone address the contact', async () => {
		const phone = contact.phoneNumber as string;
		const fromList = await run(contactOperation(operation, contactRef(other, 'list')));
		const byPhone = await run(contactOperation(operation, contactRef(phone, 'phone')));
		expect(fromList.output![0].json.uuid).toBe(other);
		expect(byPhone.output![0].json.uuid).toBe(target);
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual([
			`/contacts/${other}/conversation/${action}`,
			`/contacts/phone/${phone.replace(/\D/g, '')}`,
			`/contacts/${target}/conversation/${action}`,
		]);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation(operation, unknown));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('refuses an id that is not a Callbell ID before any request', async () => {
		const result = await run(contactOperation(operation, '={{ $json.id }}'), [{ id: 'ada lovelace' }]);
		expect(result.error?.message).toBe('Contact "ada lovelace" is not a valid Callbell ID [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [{ id: target }, { id: unknown }, { id: '#' }, { id: other }];
		const result = await run(contactOperation(operation, '={{ $json.id }}'), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.uuid ?? json.httpCode ?? json.error, item])).toEqual([
			[target, 0],
			['404', 1],
			['Contact "#" is not a valid Callbell ID [item 2]', 2],
			[other, 3],
		]);
	});
});
