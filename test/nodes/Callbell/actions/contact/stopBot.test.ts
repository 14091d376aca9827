import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const target = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const botOf = (uuid: string) => (sandbox.get().state.contacts.get(uuid) as { bot: IDataObject }).bot;

describe('Contact → Stop Bot through n8n’s engine against the sandbox', () => {
	it('sends POST /contacts/:uuid/bot { status: "bot_end" } and outputs the bot plus contactUuid', async () => {
		const result = await run(contactOperation('stopBot', target));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/contacts/${target}/bot`, { status: 'bot_end' }],
		]);
		expect(botOf(target).status).toBe('ended');
		expect(pairs(result)).toEqual([[expect.objectContaining({ uuid: SEED.bot.uuid, name: 'Welcome Bot', status: 'ended', contactUuid: target }), 0]]);
	});

	it('By Phone: resolves the number first', async () => {
		const result = await run(contactOperation('stopBot', contactRef(SEED.contacts.ada.phoneNumber as string, 'phone')));
		expect(result.output![0].json).toMatchObject({ status: 'ended', contactUuid: target });
		expect(requestsTo(sandbox.get()).map((request) => request.method)).toEqual(['GET', 'POST']);
	});

	it('passes on Callbell’s refusal when the account has no enabled bot (422)', async () => {
		(sandbox.get().state.account.bot as IDataObject).enabled = false;
		const result = await run(contactOperation('stopBot', target));
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Callbell says: .*requires an enabled bot/);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation('stopBot', unknown));
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('refuses an id that is not a Callbell ID before any request', async () => {
		const result = await run(contactOperation('stopBot', '={{ $json.id }}'), [{ id: 'ü' }]);
		expect(result.error?.message).toBe('Contact "ü" is not a valid Callbell ID [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const result = await run(contactOperation('stopBot', '={{ $json.id }}'), [{ id: target }, { id: unknown }, { id: grace }], {
			continueOnFail: true,
		});
		expect(pairs(result).map(([json, item]) => [json.contactUuid ?? json.httpCode, item])).toEqual([
			[target, 0],
			['404', 1],
			[grace, 2],
		]);
		expect(botOf(grace).status).toBe('ended');
	});
});
