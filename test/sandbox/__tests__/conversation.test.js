'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const missing = '0123456789abcdef0123456789abcdef';

describe('bot', () => {
  test('GET /contacts/:uuid/bot returns the documented bot object', async () => {
    const r = await t.api('GET', `/contacts/${ada}/bot`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ bot: { uuid: SEED.bot.uuid, name: 'Welcome Bot', status: 'in_progress', conversationStartedAt: '2026-06-30T11:50:00Z', version: 3, latestBotVersion: true } });
  });

  test('POST /contacts/:uuid/bot starts and ends the bot', async () => {
    const end = await t.api('POST', `/contacts/${ada}/bot`, { status: 'bot_end' });
    expect(end.json.bot.status).toBe('ended');
    const start = await t.api('POST', `/contacts/${grace}/bot`, { status: 'bot_start' });
    expect(start.json.bot.status).toBe('started');
    expect(start.json.bot.conversationStartedAt).toMatch(/Z$/);
    expect(t.sb.state.contacts.get(grace).bot.status).toBe('started');
  });

  test.each([[{}], [{ status: 'start' }], [{ bot_status: 'bot_start' }]])('POST bot with %j → 422', async (body) => {
    const r = await t.api('POST', `/contacts/${ada}/bot`, body);
    expect(r.status).toBe(422);
    expect(r.json.details).toHaveProperty('status');
    expect(t.sb.state.contacts.get(ada).bot.status).toBe('in_progress');
  });

  test('without an enabled bot: GET → 404, POST → 422', async () => {
    t.sb.state.account.bot.enabled = false;
    expect((await t.api('GET', `/contacts/${ada}/bot`)).json).toEqual({ error: 'Bot not found' });
    expect((await t.api('POST', `/contacts/${ada}/bot`, { status: 'bot_start' })).status).toBe(422);
  });

  test('unknown contact → 404', async () => {
    expect((await t.api('GET', `/contacts/${missing}/bot`)).status).toBe(404);
    expect((await t.api('POST', `/contacts/${missing}/bot`, { status: 'bot_end' })).status).toBe(404);
  });
});

describe('conversation', () => {
  test('close sets closedAt; open clears it', async () => {
    const closed = await t.api('POST', `/contacts/${ada}/conversation/close`);
    expect(closed.status).toBe(200);
    expect(unwrapContact(closed.json).closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(t.sb.getContact(ada).closedAt).not.toBeNull();
    const opened = await t.api('POST', `/contacts/${ada}/conversation/open`);
    expect(unwrapContact(opened.json).closedAt).toBeNull();
  });

  test('note: {text} → {success:true}, stored and listed as a message', async () => {
    const r = await t.api('POST', `/contacts/${ada}/conversation/note`, { text: 'Hey @ben.agent, look here!' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ success: true });
    expect(t.sb.state.notes.get(ada)).toEqual([{ text: 'Hey @ben.agent, look here!', createdAt: expect.any(String) }]);
    const msgs = (await t.api('GET', `/contacts/${ada}/messages`)).json.messages;
    expect(msgs[0]).toMatchObject({ text: 'Hey @ben.agent, look here!', status: 'note' });
    expect(msgs[0].uuid).toBeUndefined();
  });

  test.each([[undefined], [{}], [{ text: '' }], [{ text: '   ' }], [{ text: 5 }]])('note with %j → 422', async (body) => {
    const r = await t.api('POST', `/contacts/${ada}/conversation/note`, body);
    expect(r.status).toBe(422);
    expect(t.sb.state.notes.get(ada)).toBeUndefined();
  });

  test.each([
    ['PUT', 'conversation/update_funnel'],
    ['POST', 'messages/update_funnel'],
  ])('%s %s sets funnelId', async (method, suffix) => {
    const r = await t.api(method, `/contacts/${ada}/${suffix}`, { funnel_id: SEED.funnels.awareness.uuid });
    expect(r.status).toBe(200);
    expect(unwrapContact(r.json).funnelId).toBe(SEED.funnels.awareness.uuid);
    expect(t.sb.getContact(ada).funnelId).toBe(SEED.funnels.awareness.uuid);
  });

  test('update_funnel with an unknown funnel → 422, unchanged', async () => {
    const before = t.sb.getContact(ada).funnelId;
    const r = await t.api('PUT', `/contacts/${ada}/conversation/update_funnel`, { funnel_id: 'ff0f96b9-b003-4d0c-b14f-27f3f6868dd6' });
    expect(r.status).toBe(422);
    expect(r.json.details).toHaveProperty('funnel_id');
    expect(t.sb.getContact(ada).funnelId).toBe(before);
  });

  test('wrong method on conversation routes → 405', async () => {
    expect((await t.api('GET', `/contacts/${ada}/conversation/close`)).status).toBe(405);
    expect((await t.api('POST', `/contacts/${ada}/conversation/update_funnel`, {})).status).toBe(405);
  });

  test.each(['conversation/close', 'conversation/open', 'conversation/note'])('%s on unknown contact → 404', async (suffix) => {
    const r = await t.api('POST', `/contacts/${missing}/${suffix}`, { text: 'x' });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: 'Contact not found' });
  });
});

describe('messages', () => {
  test('message objects carry the documented fields', async () => {
    const msgs = (await t.api('GET', `/contacts/${grace}/messages`)).json.messages;
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) {
      expect(Object.keys(m).sort()).toEqual(['channel', 'createdAt', 'from', 'status', 'text', 'to', 'uuid']);
      expect(['sent', 'received']).toContain(m.status);
      expect(m.uuid).toMatch(/^[0-9a-f]{32}$/);
      expect(m.channel).toBe('whatsapp');
    }
  });

  test('unknown contact → 404', async () => {
    expect((await t.api('GET', `/contacts/${missing}/messages`)).status).toBe(404);
  });
});
