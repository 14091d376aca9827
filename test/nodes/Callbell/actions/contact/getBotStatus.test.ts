import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const alan = SEED.contacts.alan.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

describe('Contact → Get Bot Status through n8n’s engine against the sandbox', () => {
	it('sends GET /contacts/:uuid/bot and outputs the bot plus contactUuid, paired', async () => {
		const result = await run(contactOperation('getBotStatus', ada));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path])).toEqual([['GET', `/contacts/${ada}/bot`]]);
		expect(pairs(result)).toEqual([
			[
				{
					uuid: SEED.bot.uuid,
					name: 'Welcome Bot',
					status: 'in_progress',
					conversationStartedAt: expect.any(String),
					version: 3,
					latestBotVersion: true,
					contactUuid: ada,
				},
				0,
			],
		]);
	});

	it('By Phone and From List: one result per item, each with its contact', async () => {
		const byPhone = await run(contactOperation('getBotStatus', contactRef('+44 7700 900003', 'phone')));
		const fromList = await run(contactOperation('getBotStatus', contactRef(ada, 'list')));
		expect(byPhone.output![0].json).toMatchObject({ status: 'ended', conversationStartedAt: null, contactUuid: alan });
		expect(fromList.output![0].json).toMatchObject({ status: 'in_progress', contactUuid: ada });
	});

	it('passes on Callbell’s 404 when the account has no enabled bot', async () => {
		(sandbox.get().state.account.bot as IDataObject).enabled = false;
		const result = await run(contactOperation('getBotStatus', ada));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toBe('Callbell says: Bot not found');
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(contactOperation('getBotStatus', unknown));
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('refuses an empty contact from an expression before any request', async () => {
		const result = await run(contactOperation('getBotStatus', '={{ $json.id }}'), [{}]);
		expect(result.error?.message).toBe('Contact is required [item 0]');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const result = await run(contactOperation('getBotStatus', '={{ $json.id }}'), [{ id: ada }, { id: unknown }, { id: alan }], {
			continueOnFail: true,
		});
		expect(pairs(result).map(([json, item]) => [json.contactUuid ?? json.httpCode, item])).toEqual([
			[ada, 0],
			['404', 1],
			[alan, 2],
		]);
	});
});
