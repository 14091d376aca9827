import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const HOOK = 'https://hooks.example.com/callbell';

const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'webhook', operation, ...extra }) as INodeParameters;
const sent = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query, request.body ?? null]);

function seedLog(count: number) {
	const base = Date.UTC(2026, 0, 1);
	for (let i = 1; i <= count; i++) {
		sandbox.get().recordWebhookEvent({
			event: i % 2 ? 'message_created' : 'contact_created',
			payload: { n: i },
			response: { code: i % 3 === 0 ? 500 : 200 },
			at: base + i * 1000,
		});
	}
}

describe('Webhook → Subscribe and Unsubscribe', () => {
	it('Subscribe: POST /webhooks/subscribe with url and subscriptions; outputs the webhook', async () => {
		const result = await run(op('subscribe', { url: ` ${HOOK} `, events: ['message_created', 'contact_updated'] }));
		expect(sent()).toEqual([['POST', '/webhooks/subscribe', {}, { url: HOOK, subscriptions: ['message_created', 'contact_updated'] }]]);
		expect(pairs(result)).toEqual([[expect.objectContaining({ url: HOOK, subscriptions: ['message_created', 'contact_updated'], enabled: true }), 0]]);
		expect(sandbox.get().webhook).toMatchObject({ url: HOOK });
	});

	it('Subscribe replaces the account’s one webhook', async () => {
		await run(op('subscribe', { url: HOOK, events: ['message_created'] }));
		await run(op('subscribe', { url: 'https://other.example.com/x', events: ['team_membership_updated'] }));
		expect(sandbox.get().webhook).toMatchObject({ url: 'https://other.example.com/x', subscriptions: ['team_membership_updated'] });
	});

	it('Unsubscribe: DELETE /webhooks/unsubscribe; outputs deleted: true; without a webhook Callbell’s 404', async () => {
		await run(op('subscribe', { url: HOOK, events: ['message_created'] }));
		const result = await run(op('unsubscribe'));
		expect(pairs(result)).toEqual([[{ deleted: true }, 0]]);
		expect(sandbox.get().webhook).toBeNull();
		const again = await run(op('unsubscribe'), [{}], { continueOnFail: true });
		expect(again.output![0].json).toMatchObject({ httpCode: '404', description: expect.stringContaining('Webhook not found') });
	});
});

describe('Webhook → Get Delivery Events', () => {
	it('Return All: pages of 100 (items), newest first, one item per delivery', async () => {
		seedLog(130);
		const result = await run(op('getDeliveryEvents', { returnAll: true }));
		expect(result.output).toHaveLength(130);
		expect(result.output![0].json).toMatchObject({ event: 'contact_created', payload: { n: 130 }, success: true, response: { code: 200 } });
		expect(sent().map((request) => request[2])).toEqual([
			{ page: '1', items: '100' },
			{ page: '2', items: '100' },
		]);
	});

	it('Limit 5 asks for a page of 5', async () => {
		seedLog(20);
		const result = await run(op('getDeliveryEvents', { returnAll: false, limit: 5 }));
		expect(result.output!.map((item) => (item.json.payload as IDataObject).n)).toEqual([20, 19, 18, 17, 16]);
		expect(sent().map((request) => request[2])).toEqual([{ page: '1', items: '5' }]);
	});

	it('Filters: status and events become status and subscriptions', async () => {
		seedLog(20);
		const result = await run(op('getDeliveryEvents', { returnAll: true, filters: { status: 'failed', events: ['message_created', 'contact_created'] } }));
		expect(sent()[0][2]).toEqual({ page: '1', items: '100', status: 'failed', subscriptions: 'message_created,contact_created' });
		expect(result.output!.map((item) => (item.json.payload as IDataObject).n)).toEqual([18, 15, 12, 9, 6, 3]);
	});

	it('an empty log outputs nothing for the item', async () => {
		const result = await run(op('getDeliveryEvents', { returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.output ?? []).toEqual([]);
	});
});

describe('Webhook → Get Delivery Events: bad filters are refused per item, nothing sent for them', () => {
	const parameters = op('getDeliveryEvents', {
		returnAll: false,
		limit: '={{ $json.limit }}',
		filters: { status: '={{ $json.status }}', events: '={{ $json.events }}' },
	});
	const good = { limit: 1, status: 'success', events: ['message_created'] };
	it.each([
		['a status neither success nor failed', { status: 'ok' }, /^Status must be success or failed, got "ok" \[item 1\]$/],
		['an unknown event filter', { events: ['message_created', 'bogus'] }, /^Events contain an unknown event: "bogus" \[item 1\]$/],
		['a Limit of 0', { limit: 0 }, /^Limit must be a whole number of at least 1, got number 0 \[item 1\]$/],
		['events that are an object', { events: { a: 1 } }, /^Events must be a list or a comma-separated text, got an object \[item 1\]$/],
	])('%s', async (_title, bad, message) => {
		seedLog(10);
		const result = await run(parameters, [good, { ...good, ...bad }, good], { continueOnFail: true });
		expect(result.output!.map((item) => [Object.keys(item.json).filter((key) => key !== 'description'), item.pairedItem])).toEqual([
			[['event', 'payload', 'response', 'success', 'createdAt'], { item: 0 }],
			[['error'], { item: 1 }],
			[['event', 'payload', 'response', 'success', 'createdAt'], { item: 2 }],
		]);
		expect(result.output![1].json.error).toMatch(message);
		expect(requestsTo(sandbox.get())).toHaveLength(2);

		sandbox.get().clearRequests();
		const stopped = await run({ ...parameters, options: { concurrency: 1 } } as INodeParameters, [good, { ...good, ...bad }, good]);
		expect(stopped.error?.message).toMatch(message);
		expect(requestsTo(sandbox.get())).toHaveLength(1);
	});
});
