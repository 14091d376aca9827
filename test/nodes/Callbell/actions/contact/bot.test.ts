import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const grace = SEED.contacts.grace.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const botOf = (uuid: string) => (sandbox.get().state.contacts.get(uuid) as { bot: IDataObject }).bot;

/** The twin operations: the same POST /contacts/:uuid/bot, with the status each one sends and the bot's state after it. */
describe.each([
	{ name: 'Start Bot', operation: 'startBot', status: 'bot_start', state: 'started', contact: SEED.contacts.alan },
	{ name: 'Stop Bot', operation: 'stopBot', status: 'bot_end', state: 'ended', contact: SEED.contacts.ada },
])('Contact → $name through n8n’s engine against the sandbox', ({ operation, status, state, contact }) => {
	const target = contact.uuid;

	it(`sends POST /contacts/:uuid/bot { status: "${status}" } and outputs the bot plus contactUuid`, async () => {
		const result = await run(contactOperation(operation, target));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/contacts/${target}/bot`, { status }],
		]);
		expect(botOf(target).status).toBe(state);
		expect(pairs(result)).toEqual([[expect.objectContaining({ uuid: SEED.bot.uuid, name: 'Welcome Bot', status: state, contactUuid: target }), 0]]);
	});

	it('By Phone: resolves the number first', async () => {
		const result = await run(contactOperation(operation, contactRef(contact.phoneNumber as string, 'phone')));
		expect(result.output![0].json).toMatchObject({ status: state, contactUuid: target });
		expect(requestsTo(sandbox.get()).map((request) => request.method)).toEqual(['GET', 'POST']);
	});

	it('passes on Callbell’s refusal when the account has no enabled bot (422)', async () => {
		(sandbox.get().state.account.bot as IDataObject).enabled = false;
		const result = await run(contactOperation(operation, target));
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Callbell says: .*requires an enabled bot/);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation(operation, unknown));
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('refuses an id that is not a Callbell ID before any request', async () => {
		const result = await run(contactOperation(operation, '={{ $json.id }}'), [{ id: 'ü' }]);
		expect(result.error?.message).toBe('Contact "ü" is not a valid Callbell ID [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const result = await run(contactOperation(operation, '={{ $json.id }}'), [{ id: target }, { id: unknown }, { id: grace }], {
			continueOnFail: true,
		});
		expect(pairs(result).map(([json, item]) => [json.contactUuid ?? json.httpCode, item])).toEqual([
			[target, 0],
			['404', 1],
			[grace, 2],
		]);
		expect(botOf(grace).status).toBe(state);
	});
});
