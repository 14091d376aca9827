'use strict';
/**
 * npm start's trigger check (scripts/lib/demo-trigger.js) against a real sandbox: the account webhook
 * counts as the demo's only when it is the demo trigger's own production URL, and the check never takes
 * Callbell's one webhook away from another workflow the user published on the same n8n.
 */
const { createSandbox } = require('../sandbox');
const { checkLive, ensureTriggerLive } = require('../../scripts/lib/demo-trigger');

const N8N_PORT = 5999;
const DEMO_ID = '5b0c7d2e-9f41-4c3a-8e6b-1d2f3a4b5c6d';
const OTHER_ID = '2b7843e2-7a7a-40bd-b5f6-8ef1cdb14212';

let sb;
beforeAll(async () => {
	sb = await createSandbox({ port: 0 });
});
afterAll(async () => await sb.close());

async function subscribe(webhookId) {
	const res = await fetch(`${sb.url}/webhooks/subscribe`, {
		method: 'POST',
		headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' },
		body: JSON.stringify({ url: `http://localhost:${N8N_PORT}/webhook/${webhookId}/callbell`, subscriptions: ['message_created'] }),
	});
	expect(res.status).toBe(200);
}

test('another published workflow of this n8n holds the account webhook: reported, not live', async () => {
	await subscribe(OTHER_ID);
	const result = await checkLive(sb, N8N_PORT, DEMO_ID);
	expect(result).toMatchObject({ ok: false, otherWorkflow: true });
	expect(result.why).toContain(`/webhook/${OTHER_ID}/callbell`);
});

test('ensureTriggerLive leaves it there: no republish of the demo, the answer says skipped and why', async () => {
	await subscribe(OTHER_ID);
	const republished = [];
	const api = { republish: async (id) => republished.push(id) };
	const result = await ensureTriggerLive({ sb, api, workflowId: 'cbTriggerTagReply', webhookId: DEMO_ID, n8nPort: N8N_PORT, waitMs: 300 });
	expect(result).toMatchObject({ ok: false, skipped: true, republished: false });
	expect(result.why).toMatch(/another published workflow of this n8n/);
	expect(republished).toEqual([]);
	expect(sb.webhook.url).toContain(OTHER_ID);
});

test('the demo trigger’s own URL goes on to the probe (nothing listens here, so not live, and not skipped)', async () => {
	await subscribe(DEMO_ID);
	const result = await checkLive(sb, N8N_PORT, DEMO_ID);
	expect(result.ok).toBe(false);
	expect(result.otherWorkflow).toBeUndefined();
	expect(result.why).toMatch(/cannot be reached/);
});
