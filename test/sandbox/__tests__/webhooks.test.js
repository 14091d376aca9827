'use strict';

const { useSandbox } = require('../test-support');
const { WEBHOOK_EVENTS, recordWebhookEvent } = require('../webhooks-store');

const t = useSandbox();
const HOOK = 'https://hooks.example.com/callbell';

describe('POST /webhooks/subscribe', () => {
  test('creates the account webhook and answers it', async () => {
    const r = await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created', 'contact_created'] });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ webhook: { url: HOOK, subscriptions: ['message_created', 'contact_created'], createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0100$/), enabled: true } });
    expect(t.sb.webhook).toMatchObject({ url: HOOK, enabled: true });
  });

  test('one webhook per account: subscribing again replaces url and subscriptions', async () => {
    await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created'] });
    const r = await t.api('POST', '/webhooks/subscribe', { url: 'http://127.0.0.1:5678/webhook/x', subscriptions: ['contact_deleted', 'contact_deleted'] });
    expect(r.json.webhook).toMatchObject({ url: 'http://127.0.0.1:5678/webhook/x', subscriptions: ['contact_deleted'] });
    const ctl = await (await fetch(`${t.sb.origin}/__sandbox/webhook`)).json();
    expect(ctl.webhook).toMatchObject({ url: 'http://127.0.0.1:5678/webhook/x', subscriptions: ['contact_deleted'], enabled: true });
  });

  test('all ten documented events are accepted (agent and team events included)', async () => {
    const r = await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: [...WEBHOOK_EVENTS] });
    expect(r.status).toBe(200);
    expect(r.json.webhook.subscriptions).toHaveLength(10);
  });

  test.each([
    ['no body fields', {}, ['url', 'subscriptions']],
    ['empty url', { url: ' ', subscriptions: ['message_created'] }, ['url']],
    ['relative url', { url: '/hook', subscriptions: ['message_created'] }, ['url']],
    ['url without protocol', { url: 'hooks.example.com/x', subscriptions: ['message_created'] }, ['url']],
    ['ftp url', { url: 'ftp://example.com/x', subscriptions: ['message_created'] }, ['url']],
    ['subscriptions not a list', { url: HOOK, subscriptions: 'message_created' }, ['subscriptions']],
    ['empty subscriptions', { url: HOOK, subscriptions: [] }, ['subscriptions']],
    ['unknown event', { url: HOOK, subscriptions: ['message_created', 'message_deleted'] }, ['subscriptions']],
    ['unknown key', { url: HOOK, subscriptions: ['message_created'], secret: 'x' }, ['secret']],
  ])('422 on %s, nothing stored', async (_name, body, fields) => {
    const r = await t.api('POST', '/webhooks/subscribe', body);
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.details).sort()).toEqual([...fields].sort());
    expect(r.json.error).toMatch(/^Validation failed: /);
    expect(t.sb.webhook).toBeNull();
  });

  test('a rejected subscribe keeps the existing webhook', async () => {
    await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created'] });
    expect((await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['nope'] })).status).toBe(422);
    expect(t.sb.webhook).toMatchObject({ url: HOOK, subscriptions: ['message_created'] });
  });

  test('unknown event error names the event', async () => {
    const r = await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_deleted'] });
    expect(r.json.details.subscriptions).toMatch(/unknown event\(s\): message_deleted/);
  });
});

describe('DELETE /webhooks/unsubscribe', () => {
  test('destroys the webhook; a second call is 404', async () => {
    await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created'] });
    const r = await t.api('DELETE', '/webhooks/unsubscribe');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'webhook was destroyed' });
    expect(t.sb.webhook).toBeNull();
    const again = await t.api('DELETE', '/webhooks/unsubscribe');
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ error: 'Webhook not found' });
  });

  test('reset() clears the webhook and the log', async () => {
    await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created'] });
    t.sb.recordWebhookEvent({ event: 'message_created', response: { code: 200 } });
    t.sb.reset();
    expect(t.sb.webhook).toBeNull();
    expect(t.sb.state.webhookEvents).toEqual([]);
  });
});

describe('GET /webhooks/events', () => {
  /** 25 records: every 5th failed (500), alternating message_created / contact_created, one second apart. */
  function seedLog() {
    const base = Date.UTC(2026, 0, 1, 12, 0, 0);
    for (let i = 1; i <= 25; i++) {
      t.sb.recordWebhookEvent({
        event: i % 2 ? 'message_created' : 'contact_created', payload: { n: i },
        response: { code: i % 5 === 0 ? 500 : 200, body: i % 5 === 0 ? { error: 'boom' } : { status: 'ok' }, headers: { 'content-type': 'application/json' } },
        at: base + i * 1000,
      });
    }
  }

  test('empty log', async () => {
    const r = await t.api('GET', '/webhooks/events');
    expect(r.json).toEqual({ webhook_events: [], meta: { page: 1, pages: 0 } });
  });

  test('newest first, 20 per page by default, documented record shape', async () => {
    seedLog();
    const p1 = await t.api('GET', '/webhooks/events');
    expect(p1.json.meta).toEqual({ page: 1, pages: 2 });
    expect(p1.json.webhook_events).toHaveLength(20);
    expect(p1.json.webhook_events[0]).toEqual({
      event: 'message_created', payload: { n: 25 }, response: { body: { error: 'boom' }, code: 500, headers: { 'content-type': 'application/json' } },
      success: false, createdAt: '2026-01-01 13:00:25 +0100',
    });
    const p2 = await t.api('GET', '/webhooks/events?page=2');
    expect(p2.json.webhook_events.map((e) => e.payload.n)).toEqual([5, 4, 3, 2, 1]);
    expect((await t.api('GET', '/webhooks/events?page=3')).json.webhook_events).toEqual([]);
  });

  test('items sets the page size', async () => {
    seedLog();
    const r = await t.api('GET', '/webhooks/events?items=7&page=4');
    expect(r.json.meta).toEqual({ page: 4, pages: 4 });
    expect(r.json.webhook_events.map((e) => e.payload.n)).toEqual([4, 3, 2, 1]);
  });

  test('status and subscriptions filters', async () => {
    seedLog();
    const failed = (await t.api('GET', '/webhooks/events?status=failed')).json.webhook_events;
    expect(failed.map((e) => e.payload.n)).toEqual([25, 20, 15, 10, 5]);
    const ok = (await t.api('GET', '/webhooks/events?status=success&items=100')).json.webhook_events;
    expect(ok).toHaveLength(20);
    expect(ok.every((e) => e.success && e.response.code === 200)).toBe(true);
    const contacts = (await t.api('GET', '/webhooks/events?subscriptions=contact_created&status=failed')).json.webhook_events;
    expect(contacts.map((e) => e.payload.n)).toEqual([20, 10]);
    const both = (await t.api('GET', '/webhooks/events?subscriptions=contact_created,%20message_created&items=100')).json.webhook_events;
    expect(both).toHaveLength(25);
  });

  test.each([
    ['status=ok', /status filter/],
    ['items=0', /items parameter/],
    ['items=101', /items parameter/],
    ['items=abc', /items parameter/],
    ['page=0', /page parameter/],
    ['subscriptions=message_created,bogus', /unknown event\(s\): bogus/],
  ])('400 on %s', async (query, message) => {
    const r = await t.api('GET', `/webhooks/events?${query}`);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(message);
  });

  test('needs the token like every /v1 route', async () => {
    expect((await t.api('GET', '/webhooks/events', undefined, { token: null })).status).toBe(401);
    expect((await t.api('POST', '/webhooks/subscribe', { url: HOOK, subscriptions: ['message_created'] }, { token: 'wrong' })).status).toBe(401);
    expect(t.sb.webhook).toBeNull();
  });
});

describe('delivery-log JS API and control endpoints', () => {
  test('recordWebhookEvent defaults: success iff code 200, null code for no answer', () => {
    const state = { webhookEvents: [] };
    expect(recordWebhookEvent(state, { event: 'contact_created', response: { code: 201 } }).success).toBe(false);
    expect(recordWebhookEvent(state, { event: 'contact_created', response: { code: 200 } }).success).toBe(true);
    const refused = recordWebhookEvent(state, { event: 'contact_created' });
    expect(refused).toMatchObject({ success: false, response: { code: null, body: {}, headers: {} }, payload: {} });
    expect(() => recordWebhookEvent(state, { event: '' })).toThrow(/event/);
    expect(() => recordWebhookEvent(state, { event: 'x', response: { code: 42 } })).toThrow(/code/);
    expect(state.webhookEvents).toHaveLength(3);
  });

  test('POST /__sandbox/webhook-events appends; GET /__sandbox/webhook reads', async () => {
    const post = await fetch(`${t.sb.origin}/__sandbox/webhook-events`, {
      method: 'POST', body: JSON.stringify({ event: 'conversation_closed', payload: { href: 'x' }, response: { code: 410 } }),
    });
    expect(post.status).toBe(200);
    expect((await post.json()).webhookEvent).toMatchObject({ event: 'conversation_closed', success: false, response: { code: 410 } });
    const bad = await fetch(`${t.sb.origin}/__sandbox/webhook-events`, { method: 'POST', body: JSON.stringify({ payload: {} }) });
    expect(bad.status).toBe(400);
    const ctl = await (await fetch(`${t.sb.origin}/__sandbox/webhook`)).json();
    expect(ctl).toEqual({ webhook: null, webhookEvents: [expect.objectContaining({ event: 'conversation_closed' })] });
    expect((await t.api('GET', '/webhooks/events?status=failed')).json.webhook_events).toHaveLength(1);
  });
});
