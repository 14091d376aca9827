'use strict';
// The sandbox as Callbell's webhook sender: documented payloads, signing, retries, disabling,
// connection checks, dashboard events, resend; every attempt in the delivery log.

const crypto = require('crypto');
const http = require('http');

const { useSandbox } = require('../test-support');
const { SEED } = require('../seed');

const SECRET = 'whsec_test_0123456789abcdef';
const t = useSandbox({ webhookDelivery: { retryDelaysMs: [20, 40], disableAfterFailures: 2 } });

/** A local receiver answering with `status` (a number or a function of the request number). */
function useReceiver() {
  const r = { requests: /** @type {{ headers: http.IncomingHttpHeaders, body: string, json: any }[]} */ ([]), status: /** @type {number|((n: number) => number)} */ (200), url: '', server: /** @type {http.Server} */ (/** @type {unknown} */ (null)) };
  beforeAll(async () => {
    r.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        let json;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        r.requests.push({ headers: req.headers, body, json });
        const status = typeof r.status === 'function' ? r.status(r.requests.length) : r.status;
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? { status: 'ok' } : { error: 'nope' }));
      });
    });
    await new Promise((resolve) => r.server.listen(0, '127.0.0.1', () => resolve(undefined)));
    r.url = `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (r.server.address()).port}/webhook/abc/callbell`;
  });
  beforeEach(() => {
    r.requests.length = 0;
    r.status = 200;
  });
  afterAll(() => new Promise((resolve) => r.server.close(() => resolve(undefined))));
  return r;
}
const receiver = useReceiver();

const subscribe = (/** @type {string[]} */ subscriptions) => t.api('POST', '/webhooks/subscribe', { url: receiver.url, subscriptions });
const control = async (/** @type {string} */ path, /** @type {unknown} */ body, method = 'POST') => {
  const res = await fetch(`${t.sb.origin}/__sandbox${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};

test('contact_created, contact_updated, contact_deleted: the documented envelope and payloads, only subscribed events', async () => {
  await subscribe(['contact_created', 'contact_updated', 'contact_deleted']);
  const created = await t.api('POST', '/contacts', { identifier: '+44 7700 900555', source: 'whatsapp', name: 'Hedy Lamarr' });
  const uuid = created.json.contact[0].uuid;
  await t.api('PATCH', `/contacts/${uuid}`, { tags: ['VIP'] });
  await t.api('POST', `/contacts/${uuid}/conversation/close`); // not subscribed
  await t.api('DELETE', `/contacts/${uuid}`);
  await t.sb.webhooks.idle();
  const events = receiver.requests.map((r) => r.json.event).sort();
  expect(events).toEqual(['contact_created', 'contact_deleted', 'contact_updated']);
  const byEvent = Object.fromEntries(receiver.requests.map((r) => [r.json.event, r.json]));
  expect(Object.keys(byEvent.contact_created)).toEqual(['event', 'payload']);
  expect(byEvent.contact_created.payload).toEqual(created.json.contact[0]);
  expect(byEvent.contact_updated.payload).toMatchObject({ uuid, tags: ['VIP'], name: 'Hedy Lamarr' });
  expect(byEvent.contact_deleted.payload).toEqual({ uuid, deleted: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  expect(receiver.requests[0].headers['content-type']).toBe('application/json');
  expect(receiver.requests[0].headers['x-callbell-signature']).toBeUndefined(); // signing is opt-in
});

test('conversation_opened / conversation_closed carry { source, href, contact, createdAt } (+ closingReason, closedAt)', async () => {
  await subscribe(['conversation_opened', 'conversation_closed']);
  const ada = SEED.contacts.ada.uuid;
  await t.api('POST', `/contacts/${ada}/conversation/close`);
  await t.sb.webhooks.idle();
  await t.api('POST', `/contacts/${ada}/conversation/open`);
  await t.sb.webhooks.idle();
  const [closed, opened] = receiver.requests.map((r) => r.json);
  expect(closed.event).toBe('conversation_closed');
  expect(closed.payload).toEqual({
    source: 'whatsapp', href: expect.stringContaining(ada), contact: expect.objectContaining({ uuid: ada }),
    createdAt: expect.any(String), closingReason: 'issue_resolved', closedAt: expect.any(String),
  });
  expect(opened.event).toBe('conversation_opened');
  expect(Object.keys(opened.payload).sort()).toEqual(['contact', 'createdAt', 'href', 'source']);
});

test('signed deliveries: t=<unix s>,v1=HMAC-SHA256("t.rawBody") keyed with the whole whsec_ secret', async () => {
  await subscribe(['contact_updated']);
  expect(await control('/webhooks/secret', { secret: SECRET })).toEqual({ status: 200, json: { secretSet: true } });
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Ada L.' });
  await t.sb.webhooks.idle();
  const { headers, body } = receiver.requests[0];
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-callbell-signature']));
  expect(m).not.toBeNull();
  const [, ts, v1] = /** @type {RegExpExecArray} */ (m);
  expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
  expect(v1).toBe(crypto.createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex'));
  expect(v1).not.toBe(crypto.createHmac('sha256', SECRET.slice('whsec_'.length)).update(`${ts}.${body}`).digest('hex'));
  expect((await control('/webhooks/secret', { secret: 'not-a-secret' })).status).toBe(400);
  expect(await control('/webhooks/secret', { secret: null })).toEqual({ status: 200, json: { secretSet: false } });
});

test('a non-2xx answer is retried with backoff and re-signed with a new t; every attempt is in the delivery log', async () => {
  t.sb.webhooks.setSecret(SECRET);
  t.sb.webhooks.configure({ retryDelaysMs: [1100, 40] });
  receiver.status = (n) => (n < 3 ? 503 : 200);
  await subscribe(['contact_updated']);
  await t.api('PATCH', `/contacts/${SEED.contacts.grace.uuid}`, { name: 'Grace B. Hopper' });
  await t.sb.webhooks.idle();
  expect(receiver.requests).toHaveLength(3);
  expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1); // the same body each time
  const stamps = receiver.requests.map((r) => String(r.headers['x-callbell-signature']).split(',')[0]);
  expect(stamps[1]).not.toBe(stamps[0]); // re-signed after >1 s
  expect(t.sb.webhooks.attempts.map((a) => [a.attempt, a.status, a.success])).toEqual([[1, 503, false], [2, 503, false], [3, 200, true]]);
  const log = await t.api('GET', '/webhooks/events');
  expect(log.json.webhook_events.map((/** @type {any} */ e) => [e.event, e.response.code, e.success])).toEqual([
    ['contact_updated', 200, true], ['contact_updated', 503, false], ['contact_updated', 503, false],
  ]);
  expect((await t.api('GET', '/webhooks/events?status=failed')).json.webhook_events).toHaveLength(2);
  expect(t.sb.webhook.enabled).toBe(true);
});

test('repeated failed deliveries disable the webhook; subscribing again re-enables it', async () => {
  receiver.status = 500;
  await subscribe(['contact_updated']);
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'One' });
  await t.sb.webhooks.idle();
  expect(t.sb.webhook.enabled).toBe(true); // one delivery failed all 3 attempts
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Two' });
  await t.sb.webhooks.idle();
  expect(t.sb.webhook.enabled).toBe(false); // disableAfterFailures: 2
  expect(receiver.requests).toHaveLength(6);
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Three' });
  await t.sb.webhooks.idle();
  expect(receiver.requests).toHaveLength(6); // nothing sent while disabled
  receiver.status = 200;
  const again = await subscribe(['contact_updated']);
  expect(again.json.webhook.enabled).toBe(true);
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Four' });
  await t.sb.webhooks.idle();
  expect(receiver.requests.at(-1)?.json.payload.name).toBe('Four');
});

test('an unreachable URL counts as a failure (no HTTP answer: code null)', async () => {
  const closed = http.createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('net').AddressInfo} */ (closed.address()).port;
  await new Promise((resolve) => closed.close(() => resolve(undefined)));
  await t.api('POST', '/webhooks/subscribe', { url: `http://127.0.0.1:${port}/nothing-here`, subscriptions: ['contact_updated'] });
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Nobody listens' });
  await t.sb.webhooks.idle();
  expect(t.sb.webhooks.attempts.map((a) => [a.status, a.error])).toEqual([[null, 'ECONNREFUSED'], [null, 'ECONNREFUSED'], [null, 'ECONNREFUSED']]);
  expect((await t.api('GET', '/webhooks/events')).json.webhook_events.every((/** @type {any} */ e) => e.response.code === null && !e.success)).toBe(true);
});

test('connection checks: a POST without event, on demand and periodically; ok means 200 {"status":"ok"}', async () => {
  await subscribe(['message_created']);
  const check = await control('/webhooks/check', undefined);
  expect(check.json).toMatchObject({ status: 200, ok: true, body: { status: 'ok' } });
  expect(receiver.requests[0].json).toEqual({});
  receiver.status = 404;
  expect((await control('/webhooks/check', undefined)).json).toMatchObject({ status: 404, ok: false });
  receiver.status = 200;
  receiver.requests.length = 0;
  t.sb.webhooks.configure({ healthIntervalMs: 30 });
  await new Promise((r) => setTimeout(r, 120));
  t.sb.webhooks.configure({ healthIntervalMs: 0 });
  await t.sb.webhooks.idle();
  expect(receiver.requests.length).toBeGreaterThanOrEqual(2);
  expect(receiver.requests.every((r) => r.json && r.json.event === undefined)).toBe(true);
});

test('dashboard events: agent status, agent session, team membership (control endpoint)', async () => {
  await subscribe(['agent_status_updated', 'agent_session_updated', 'team_membership_updated']);
  const a = await control('/events', { event: 'agent_status_updated', email: 'ben.agent@example.com', available: true });
  expect(a.json.payload).toMatchObject({ email: 'ben.agent@example.com', name: 'Ben Agent', available: true, lastUpdatedAt: expect.any(String) });
  const s = await control('/events', { event: 'agent_session_updated', email: 'ada.agent@example.com', action: 'user_logged_out' });
  expect(s.json.payload).toMatchObject({ action: 'user_logged_out', user: { email: 'ada.agent@example.com', available: false } });
  const m = await control('/events', { event: 'team_membership_updated', email: 'dan.agent@example.com', team: 'Sales' });
  expect(m.json.payload).toMatchObject({ reason: 'agent_added', team: { name: 'Sales', members: 3 }, user: { email: 'dan.agent@example.com' }, lastUpdateAt: expect.any(String) });
  expect((await control('/events', { event: 'contact_created' })).status).toBe(400);
  expect((await control('/events', { event: 'agent_status_updated', email: 'nobody@example.com' })).status).toBe(400);
  await t.sb.webhooks.idle();
  expect(receiver.requests.map((r) => r.json.event)).toEqual(['agent_status_updated', 'agent_session_updated', 'team_membership_updated']);
});

test('resend: the same emitted event delivered again, as a Callbell retry (same body, new signature time)', async () => {
  t.sb.webhooks.setSecret(SECRET);
  await subscribe(['contact_updated']);
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Twice' });
  await t.sb.webhooks.idle();
  const seq = t.sb.events.emitted.at(-1)?.seq;
  expect((await control('/webhooks/resend', { seq })).status).toBe(200);
  expect((await control('/webhooks/resend', { seq: 999 })).status).toBe(404);
  await t.sb.webhooks.idle();
  expect(receiver.requests).toHaveLength(2);
  expect(receiver.requests[1].body).toBe(receiver.requests[0].body);
});

test('no webhook, or unsubscribed: nothing is sent', async () => {
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Silent' });
  await subscribe(['contact_updated']);
  await t.api('DELETE', '/webhooks/unsubscribe');
  await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Still silent' });
  await t.sb.webhooks.idle();
  expect(receiver.requests).toHaveLength(0);
  expect(t.sb.events.emitted.map((e) => e.event)).toEqual(['contact_updated', 'contact_updated']);
});
