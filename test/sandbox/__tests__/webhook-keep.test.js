'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

const { createSandbox } = require('../server');
const { keepWebhook, readKeptWebhook } = require('../webhooks/keep');

const SECRET = 'whsec_keep_test_secret_0123456789';
let dir;
let file;
const open = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-keep-'));
  file = path.join(dir, 'callbell-sandbox.json');
});

afterEach(async () => {
  while (open.length) await open.pop()();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sandbox() {
  const sb = await createSandbox({ port: 0, webhookSecret: SECRET });
  const kept = keepWebhook(sb, file, { secret: SECRET, intervalMs: 20 });
  open.push(async () => {
    kept.stop();
    await sb.close();
  });
  return { sb, kept };
}

async function subscribe(sb, url) {
  const res = await fetch(`${sb.url}/webhooks/subscribe`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, subscriptions: ['message_created'] }),
  });
  expect(res.status).toBe(200);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

test('a new file keeps the secret and no webhook', async () => {
  const { kept } = await sandbox();
  expect(kept.restored).toBeNull();
  expect(readKeptWebhook(file)).toEqual({ webhook: null, secret: SECRET });
});

test('a subscription survives a sandbox restart, and the restarted sandbox delivers to it', async () => {
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ body: JSON.parse(body), signature: req.headers['x-callbell-signature'] });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  open.push(() => new Promise((resolve) => receiver.close(resolve)));
  const hook = `http://127.0.0.1:${receiver.address().port}/webhook/abc/callbell`;

  const first = await sandbox();
  await subscribe(first.sb, hook);
  await settle();
  expect(readKeptWebhook(file).webhook).toMatchObject({ url: hook, subscriptions: ['message_created'], enabled: true });
  await open.pop()(); // the first sandbox stops

  const second = await sandbox();
  expect(second.kept.restored).toMatchObject({ url: hook, enabled: true });
  expect(second.sb.webhook).toMatchObject({ url: hook, subscriptions: ['message_created'], enabled: true });
  const { message } = second.sb.inbound({ contact_uuid: require('../seed').SEED.contacts.barbara.uuid, text: 'Still there?' });
  await second.sb.webhooks.idle();
  expect(received).toHaveLength(1);
  expect(received[0].body).toMatchObject({ event: 'message_created', payload: { uuid: message.uuid, text: 'Still there?' } });
  expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
});

test('unsubscribing and the deliverer disabling the webhook are kept too', async () => {
  const { sb } = await sandbox();
  await subscribe(sb, 'http://127.0.0.1:9/webhook/x');
  await settle();
  sb.state.webhook.enabled = false;
  await settle();
  expect(readKeptWebhook(file).webhook).toMatchObject({ enabled: false });
  const res = await fetch(`${sb.url}/webhooks/unsubscribe`, { method: 'DELETE', headers: { Authorization: 'Bearer sandbox-token' } });
  expect(res.status).toBe(200);
  await settle();
  expect(readKeptWebhook(file)).toEqual({ webhook: null, secret: SECRET });
});

test('a missing, broken or foreign file restores nothing', async () => {
  expect(readKeptWebhook(file)).toBeNull();
  fs.writeFileSync(file, '{not json');
  expect(readKeptWebhook(file)).toBeNull();
  fs.writeFileSync(file, JSON.stringify({ webhook: { url: 42 }, secret: 'nope' }));
  expect(readKeptWebhook(file)).toEqual({ webhook: null, secret: null });
  const { kept, sb } = await sandbox();
  expect(kept.restored).toBeNull();
  expect(sb.webhook).toBeNull();
});
