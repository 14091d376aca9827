'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const WA = SEED.channels.whatsapp.uuid;
const ada = SEED.contacts.ada;
const missing = '0123456789abcdef0123456789abcdef';

const sendText = async (over = {}) => {
  const r = await t.api('POST', '/messages/send', { to: ada.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, content: { text: 'Hi' }, ...over });
  expect(r.status).toBe(200);
  return r.json.message.uuid;
};
const statusOf = async (uuid) => (await t.api('GET', `/messages/status/${uuid}`)).json.message;
const ctl = async (method, path, body) => {
  const res = await fetch(`${t.sb.origin}/__sandbox${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
const statusEvents = () => t.sb.events.emitted.filter((e) => e.event === 'message_status_updated').map((e) => e.payload);

describe('GET /messages/status/:uuid and the message clock (frozen, advanced by hand)', () => {
  beforeEach(() => t.sb.clock.freeze());

  test('enqueued → sent (200 ms) → delivered (600 ms) → read (1200 ms) by default', async () => {
    const uuid = await sendText();
    expect(await statusOf(uuid)).toEqual({ uuid, status: 'enqueued', messageStatusPayload: null });
    t.sb.clock.advance(199);
    expect((await statusOf(uuid)).status).toBe('enqueued');
    t.sb.clock.advance(1);
    const sent = await statusOf(uuid);
    expect(sent.status).toBe('sent');
    expect(sent.messageStatusPayload).toEqual({
      id: expect.stringMatching(/^wamid\./), gsId: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'sent',
      payload: { ts: Math.floor(t.sb.clock.now() / 1000) }, destination: '447700900001',
    });
    t.sb.clock.advance(400);
    expect((await statusOf(uuid)).status).toBe('delivered');
    t.sb.clock.advance(600);
    expect((await statusOf(uuid)).status).toBe('read');
    t.sb.clock.advance(60_000);
    expect((await statusOf(uuid)).status).toBe('read');
    expect(t.sb.state.sent.get(uuid).history.map((h) => h.status)).toEqual(['enqueued', 'sent', 'delivered', 'read']);
  });

  test('one message_status_updated per change, in the documented shape (metadata echoed)', async () => {
    const uuid = await sendText({ metadata: { orderId: 'A-1' } });
    t.sb.clock.advance(2000);
    const events = statusEvents();
    expect(events.map((e) => e.status)).toEqual(['sent', 'delivered', 'read']);
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['contact', 'messageStatusPayload', 'metadata', 'status', 'uuid']);
      expect(e).toMatchObject({ uuid, metadata: { orderId: 'A-1' }, contact: t.sb.getContact(ada.uuid) });
      expect(e.messageStatusPayload.type).toBe(e.status);
    }
  });

  test('without metadata the event has no metadata key', async () => {
    await sendText();
    t.sb.clock.advance(200);
    expect(statusEvents()[0]).not.toHaveProperty('metadata');
  });

  test('the POST answers enqueued even when sentMs is 0', async () => {
    t.sb.setMessageClock({ sentMs: 0, deliveredMs: 0, readMs: 0 });
    const r = await t.api('POST', '/messages/send', { to: ada.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, content: { text: 'Hi' } });
    expect(r.json.message.status).toBe('enqueued');
    expect((await statusOf(r.json.message.uuid)).status).toBe('read');
  });

  test('readMs null: stays delivered; deliveredMs null: stays sent', async () => {
    t.sb.setMessageClock({ sentMs: 10, deliveredMs: 20, readMs: null });
    const a = await sendText();
    t.sb.setMessageClock({ sentMs: 10, deliveredMs: null, readMs: null });
    const b = await sendText();
    t.sb.clock.advance(3600_000);
    expect((await statusOf(a)).status).toBe('delivered');
    expect((await statusOf(b)).status).toBe('sent');
  });

  test('non-WhatsApp channels stop at sent (no delivery notifications)', async () => {
    const r = await t.api('POST', '/messages/send', { to: SEED.contacts.margaret.phoneNumber, from: 'telegram', type: 'text', channel_uuid: SEED.channels.telegram.uuid, content: { text: 'Hi' } });
    t.sb.clock.advance(3600_000);
    expect((await statusOf(r.json.message.uuid)).status).toBe('sent');
  });

  test('failNextMessages: the next send fails with the provider reason; the one after is normal', async () => {
    t.sb.failNextMessages(1, { code: 1002, reason: 'Number does not exist on WhatsApp' });
    const bad = await sendText();
    const good = await sendText();
    t.sb.clock.advance(5000);
    const failed = await statusOf(bad);
    expect(failed.status).toBe('failed');
    expect(failed.messageStatusPayload).toMatchObject({ type: 'failed', payload: { code: 1002, reason: 'Number does not exist on WhatsApp' } });
    expect((await statusOf(good)).status).toBe('read');
    expect(statusEvents().filter((e) => e.uuid === bad).map((e) => e.status)).toEqual(['failed']);
  });

  test('failMessage fails a delivered message now; a read one cannot fail', async () => {
    const uuid = await sendText();
    t.sb.clock.advance(700);
    t.sb.failMessage(uuid, 'Message undeliverable');
    expect(await statusOf(uuid)).toMatchObject({ status: 'failed', messageStatusPayload: { payload: { code: 1002, reason: 'Message undeliverable' } } });
    t.sb.clock.advance(5000);
    expect((await statusOf(uuid)).status).toBe('failed');
    const read = await sendText();
    t.sb.clock.advance(5000);
    expect(() => t.sb.failMessage(read)).toThrow(/already read/);
    expect(() => t.sb.failMessage(missing)).toThrow(/no sent message/);
  });

  test('the status is found by the provider id too (an "external ID")', async () => {
    const uuid = await sendText();
    const providerId = t.sb.state.sent.get(uuid).providerId;
    expect((await statusOf(providerId)).uuid).toBe(uuid);
  });

  test('unknown uuid, a received message or a note → 404', async () => {
    expect((await t.api('GET', `/messages/status/${missing}`)).json).toEqual({ error: 'Message not found' });
    const received = t.sb.state.messages.get(ada.uuid).find((m) => m.status === 'received');
    expect((await t.api('GET', `/messages/status/${received.uuid}`)).status).toBe(404);
  });
});

describe('the message clock on real time', () => {
  test('statuses move without advancing (short clock)', async () => {
    t.sb.setMessageClock({ sentMs: 20, deliveredMs: 40, readMs: 60 });
    const uuid = await sendText();
    await new Promise((r) => setTimeout(r, 250));
    expect((await statusOf(uuid)).status).toBe('read');
  });

  test('reset() forgets pending messages and restores the clock options', async () => {
    t.sb.setMessageClock({ sentMs: 50, deliveredMs: 60, readMs: 70 });
    await sendText();
    t.sb.reset();
    await new Promise((r) => setTimeout(r, 120));
    expect(t.sb.events.emitted).toEqual([]);
    expect(t.sb.config().messageClock).toEqual({ sentMs: 200, deliveredMs: 600, readMs: 1200 });
  });
});

describe('DELETE /messages/:uuid and DELETE /messages {uuid}', () => {
  test('204; the text and attachments are gone in Callbell, the item stays', async () => {
    const r = await t.api('POST', '/messages/send', { to: ada.phoneNumber, from: 'whatsapp', type: 'image', channel_uuid: WA, content: { url: 'https://e.com/a.png', text: 'Look' } });
    const uuid = r.json.message.uuid;
    const del = await t.api('DELETE', `/messages/${uuid}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const item = (await t.api('GET', `/contacts/${ada.uuid}/messages`)).json.messages.find((m) => m.uuid === uuid);
    expect(item).toMatchObject({ uuid, text: '', status: 'sent' });
    expect(item).not.toHaveProperty('attachments');
    expect(t.sb.state.sent.get(uuid).deleted).toBe(true);
    expect((await statusOf(uuid)).uuid).toBe(uuid);
  });

  test('the snippet form DELETE /messages with body {uuid}', async () => {
    const uuid = await sendText({ content: { text: 'secret' } });
    expect((await t.api('DELETE', '/messages', { uuid })).status).toBe(204);
    expect(t.sb.state.sent.get(uuid).item.text).toBe('');
  });

  test('a seeded (received) message can be deleted too', async () => {
    const received = t.sb.state.messages.get(ada.uuid).find((m) => m.status === 'received');
    expect((await t.api('DELETE', `/messages/${received.uuid}`)).status).toBe(204);
    expect(received.text).toBe('');
  });

  test('unknown uuid → 404; missing uuid in the body → 422; nothing changes', async () => {
    const before = JSON.stringify([...t.sb.state.messages.entries()]);
    expect((await t.api('DELETE', `/messages/${missing}`)).json).toEqual({ error: 'Message not found' });
    expect((await t.api('DELETE', '/messages', { uuid: missing })).status).toBe(404);
    const r = await t.api('DELETE', '/messages', {});
    expect(r.status).toBe(422);
    expect(r.json.details).toHaveProperty('uuid');
    expect((await t.api('DELETE', '/messages')).status).toBe(422);
    expect(JSON.stringify([...t.sb.state.messages.entries()])).toBe(before);
  });

  test('wrong methods → 405', async () => {
    expect((await t.api('GET', '/messages/send')).status).toBe(405);
    expect((await t.api('POST', `/messages/${missing}`)).status).toBe(405);
  });
});

describe('message control endpoints', () => {
  test('POST /__sandbox/messages/fail-next and /messages/:uuid/fail; GET /messages', async () => {
    t.sb.clock.freeze();
    expect((await ctl('POST', '/messages/fail-next', { count: 1, reason: 'Blocked by user' })).json.pendingMessageFailures).toBe(1);
    const a = await sendText();
    const b = await sendText();
    const f = await ctl('POST', `/messages/${b}/fail`, { reason: { code: 470, reason: 'Re-engagement message' } });
    expect(f.json.message).toMatchObject({ uuid: b, status: 'failed', messageStatusPayload: { payload: { code: 470, reason: 'Re-engagement message' } } });
    t.sb.clock.advance(1000);
    const list = (await ctl('GET', '/messages')).json.messages;
    expect(list.map((m) => [m.uuid, m.status])).toEqual([[a, 'failed'], [b, 'failed']]);
    expect(list[0].messageStatusPayload.payload.reason).toBe('Blocked by user');
    expect((await ctl('POST', `/messages/${missing}/fail`, {})).status).toBe(404);
    expect((await ctl('POST', `/messages/${a}/fail`, {})).status).toBe(400);
    expect((await ctl('POST', '/messages/fail-next', { count: 0 })).status).toBe(400);
    expect((await ctl('POST', '/messages/fail-next', { reason: 5 })).status).toBe(400);
  });

  test('POST /__sandbox/clock freezes, advances and resumes; GET reads it', async () => {
    const frozen = await ctl('POST', '/clock', { freeze: true });
    expect(frozen.json.frozen).toBe(true);
    const uuid = await sendText();
    const adv = await ctl('POST', '/clock', { advanceMs: 700 });
    expect(Date.parse(adv.json.now) - Date.parse(frozen.json.now)).toBe(700);
    expect((await statusOf(uuid)).status).toBe('delivered');
    expect((await ctl('GET', '/clock')).json).toEqual(adv.json);
    expect((await ctl('POST', '/clock', { freeze: false })).json.frozen).toBe(false);
    expect((await ctl('POST', '/clock', { advanceMs: -1 })).status).toBe(400);
    expect((await ctl('POST', '/clock', { freeze: 'yes' })).status).toBe(400);
    expect((await ctl('POST', '/clock', { speed: 2 })).status).toBe(400);
  });

  test('POST /__sandbox/config {messageClock} validates before applying', async () => {
    const r = await ctl('POST', '/config', { messageClock: { sentMs: 5, deliveredMs: 10, readMs: 15 } });
    expect(r.json.messageClock).toEqual({ sentMs: 5, deliveredMs: 10, readMs: 15 });
    for (const bad of [{ sentMs: -1 }, { sentMs: 10, deliveredMs: 5 }, { readMs: 5, deliveredMs: null }, { fast: true }, 'fast']) {
      expect((await ctl('POST', '/config', { messageClock: bad })).status).toBe(400);
    }
    expect(t.sb.config().messageClock).toEqual({ sentMs: 5, deliveredMs: 10, readMs: 15 });
  });
});
