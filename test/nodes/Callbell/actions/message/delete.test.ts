import { description } from '../../../../../nodes/Callbell/actions/message/delete.operation';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { operationParameters } from '../../../../harness/messages';
import { requestsTo, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ADA_PHONE = '+447700900001';

async function sendOne(): Promise<string> {
	const result = await run(operationParameters('message', 'send', { sendTo: 'phone', phoneNumber: ADA_PHONE, messageType: 'text', text: 'To be deleted' }));
	return result.output?.[0].json.uuid as string;
}

describe('Message → Delete through n8n’s engine against the sandbox', () => {
	it('says it deletes in Callbell only, not on the customer’s phone', () => {
		const notice = description.find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/in Callbell only/);
		expect(notice?.displayName).toMatch(/customer keeps the message on their phone/);
	});

	it('DELETE /messages/:uuid (the page’s path form, not the snippet’s body form) → { deleted: true, uuid }', async () => {
		const uuid = await sendOne();
		sandbox.get().requests.length = 0;
		const result = await run(operationParameters('message', 'delete', { messageId: '={{ $json.uuid }}' }), [{ uuid }]);
		expect(result.error).toBeUndefined();
		expect(pairs(result)).toEqual([[{ deleted: true, uuid }, 0]]);
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([['DELETE', `/messages/${uuid}`, undefined]]);
	});

	it('a 404 for an unknown message; a bad ID refused before any request; one output per input', async () => {
		const items = [{ uuid: '0123456789abcdef0123456789abcdef' }, { uuid: '../contacts' }, { uuid: '' }];
		const result = await run(operationParameters('message', 'delete', { messageId: '={{ $json.uuid }}' }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.httpCode ?? json.error, item])).toEqual([
			['404', 0],
			['Message ID "../contacts" is not a message ID [item 1]', 1],
			['Message ID is required [item 2]', 2],
		]);
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});
});
