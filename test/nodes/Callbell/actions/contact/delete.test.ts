import { description } from '../../../../../nodes/Callbell/actions/contact/delete.operation';
import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

describe('Contact → Delete through n8n’s engine against the sandbox', () => {
	it('warns in the UI that deleting is irreversible', () => {
		const notice = description.find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/irreversible/);
		expect(notice?.displayOptions?.show).toEqual({ resource: ['contact'], operation: ['delete'] });
	});

	it('By ID: sends DELETE /contacts/:uuid and outputs { deleted: true, uuid }', async () => {
		const result = await run(contactOperation('delete', ada));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['DELETE', `/contacts/${ada}`, undefined],
		]);
		expect(pairs(result)).toEqual([[{ deleted: true, uuid: ada }, 0]]);
		expect(sandbox.get().getContact(ada)).toBeUndefined();
		expect(sandbox.get().state.contacts.size).toBe(SEED.contactCount - 1);
	});

	it('By Phone: resolves the number, then deletes that contact', async () => {
		const result = await run(contactOperation('delete', contactRef(SEED.contacts.grace.phoneNumber as string, 'phone')));
		expect(result.output![0].json).toEqual({ deleted: true, uuid: grace });
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path])).toEqual([
			['GET', '/contacts/phone/12025550102'],
			['DELETE', `/contacts/${grace}`],
		]);
		expect(sandbox.get().getContact(grace)).toBeUndefined();
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation('delete', unknown));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
		expect(sandbox.get().state.contacts.size).toBe(SEED.contactCount);
	});

	it('refuses an id from an expression that is not a Callbell ID, deleting nothing', async () => {
		const result = await run(contactOperation('delete', '={{ $json.id }}'), [{ id: `${ada}/../${grace}` }]);
		expect(result.error?.message).toMatch(/^Contact ".*" is not a valid Callbell ID \[item 0\]$/);
		expect(sandbox.get().requests).toHaveLength(0);
		expect(sandbox.get().state.contacts.size).toBe(SEED.contactCount);
	});

	it('stops at the first failing item without Continue On Fail (Concurrency 1)', async () => {
		const parameters = { ...contactOperation('delete', '={{ $json.id }}'), options: { concurrency: 1 } };
		const result = await run(parameters, [{ id: ada }, { id: ada }, { id: grace }]);
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(sandbox.get().getContact(grace)).toBeDefined();
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [{ id: ada }, { id: ada }, { id: '' }, { id: grace }];
		const result = await run(contactOperation('delete', '={{ $json.id }}'), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.deleted ? json.uuid : (json.httpCode ?? json.error), item])).toEqual([
			[ada, 0],
			['404', 1],
			['Contact is required [item 2]', 2],
			[grace, 3],
		]);
		expect(requestsTo(sandbox.get(), 'DELETE')).toHaveLength(3);
	});
});
