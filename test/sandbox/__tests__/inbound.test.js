'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const WA = SEED.channels.whatsapp.uuid;
const grace = SEED.contacts.grace;
const ctl = async (method, path, body) => {
  const res = await fetch(`${t.sb.origin}/__sandbox${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};
const sendText = (to) => t.api('POST', '/messages/send', { to, from: 'whatsapp', type: 'text', channel_uuid: WA, content: { text: 'Hi' } });

describe('inbound customer messages (control)', () => {
  test('sb.inbound({contact_uuid, text}) stores a received message first in the conversation and emits message_created', async () => {
    const r = t.sb.inbound({ contact_uuid: grace.uuid, text: 'Is my order on its way?' });
    expect(r.created).toBe(false);
    const first = (await t.api('GET', `/contacts/${grace.uuid}/messages`)).json.messages[0];
    expect(first).toEqual({
      uuid: r.message.uuid, createdAt: expect.any(String), text: 'Is my order on its way?', status: 'received', channel: 'whatsapp',
      from: grace.phoneNumber, to: '+44 20 7946 0000',
    });
    expect(t.sb.events.emitted.map((e) => e.event)).toEqual(['message_created']);
    const p = t.sb.events.emitted[0].payload;
    expect(p).toEqual({
      uuid: r.message.uuid, to: '+44 20 7946 0000', from: grace.phoneNumber, text: 'Is my order on its way?', attachments: [], status: 'received',
      channel: 'whatsapp', contact: t.sb.getContact(grace.uuid), createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/),
    });
    expect((await sendText(grace.phoneNumber)).status).toBe(200);
  });

  test('POST /__sandbox/inbound with an unknown phone creates the contact (contact_created) and opens its window', async () => {
    const before = t.sb.state.contacts.size;
    const r = await ctl('POST', '/inbound', { phone: '+49 151 12345678', text: 'Hallo', name: 'Klaus', attachments: ['https://example.com/photo.jpg'] });
    expect(r.status).toBe(200);
    expect(r.json.created).toBe(true);
    expect(r.json.contact).toMatchObject({ name: 'Klaus', phoneNumber: '+49 151 12345678', source: 'whatsapp', channel: { uuid: WA } });
    expect(t.sb.state.contacts.size).toBe(before + 1);
    expect(r.json.message).toMatchObject({ status: 'received', attachments: ['https://example.com/photo.jpg'] });
    expect(t.sb.events.emitted.map((e) => e.event)).toEqual(['contact_created', 'message_created']);
    expect(t.sb.events.emitted[1].payload.attachments).toEqual(['https://example.com/photo.jpg']);
    expect((await sendText('+4915112345678')).status).toBe(200);
  });

  test('a known phone on another channel, and a bsuid', async () => {
    const tg = t.sb.inbound({ phone: SEED.contacts.margaret.phoneNumber, channel_uuid: SEED.channels.telegram.uuid, text: 'hi' });
    expect(tg).toMatchObject({ created: false, contact: { uuid: SEED.contacts.margaret.uuid } });
    const b = t.sb.inbound({ bsuid: SEED.bsuids.radia, text: 'hello' });
    expect(b.contact.uuid).toBe(SEED.contacts.radia.uuid);
    const nb = t.sb.inbound({ bsuid: 'bsuid_fresh', text: 'hello' });
    expect(nb.contact).toMatchObject({ bsuid: 'bsuid_fresh', phoneNumber: null });
  });

  test.each([
    [{}],
    [{ text: 'x' }],
    [{ contact_uuid: SEED.contacts.ada.uuid, phone: '+44 7700 900001', text: 'x' }],
    [{ contact_uuid: '0123456789abcdef0123456789abcdef', text: 'x' }],
    [{ phone: '+44 7700 900001' }],
    [{ phone: '+44 7700 900001', text: '  ' }],
    [{ phone: '+44 7700 900001', text: 5 }],
    [{ phone: '+44 7700 900001', text: 'x', attachments: ['not a url'] }],
    [{ phone: '+44 7700 900001', text: 'x', channel_uuid: SEED.channels.whatsappOld.uuid }],
    [{ phone: '+44 7700 900001', text: 'x', channel_uuid: '0123456789abcdef0123456789abcdef' }],
    [{ contact_uuid: SEED.contacts.ada.uuid, text: 'x', channel_uuid: SEED.channels.telegram.uuid }],
    [{ bsuid: 'b', text: 'x', channel_uuid: SEED.channels.telegram.uuid }],
    [{ phone: '+44 7700 900001', text: 'x', sender: 'me' }],
  ])('bad inbound %j → 400, nothing changes', async (body) => {
    const before = JSON.stringify([[...t.sb.state.contacts.values()], [...t.sb.state.messages.entries()]]);
    const r = await ctl('POST', '/inbound', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/^inbound/);
    expect(JSON.stringify([[...t.sb.state.contacts.values()], [...t.sb.state.messages.entries()]])).toBe(before);
    expect(t.sb.events.emitted).toEqual([]);
  });
});

describe('message_created for sent messages', () => {
  test('status "sent", the documented fields, the full contact, metadata when set', async () => {
    t.sb.clock.freeze();
    const r = await t.api('POST', '/messages/send', {
      to: SEED.contacts.ada.phoneNumber, from: 'whatsapp', type: 'document', channel_uuid: WA, content: { url: 'https://example.com/a.pdf', text: 'Invoice' },
      metadata: { invoice: 'INV-7' },
    });
    const [e] = t.sb.events.emitted;
    expect(e.event).toBe('message_created');
    expect(e.payload).toEqual({
      uuid: r.json.message.uuid, to: SEED.contacts.ada.phoneNumber, from: '+44 20 7946 0000', text: 'Invoice', attachments: ['https://example.com/a.pdf'],
      status: 'sent', channel: 'whatsapp', contact: t.sb.getContact(SEED.contacts.ada.uuid),
      createdAt: new Date(t.sb.clock.now()).toISOString().replace('Z', '+00:00'), metadata: { invoice: 'INV-7' },
    });
  });

  test('a template message carries the filled-in text', async () => {
    await t.api('POST', '/messages/send', {
      to: SEED.contacts.grace.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, template_uuid: SEED.templates.appointment.uuid,
      optin_contact: true, content: { text: 'Friday at 3pm' },
    });
    const e = t.sb.events.emitted.find((x) => x.event === 'message_created');
    expect(e.payload.text).toBe('Reminder: your appointment is on Friday at 3pm. Reply YES to confirm.');
    expect(e.payload).not.toHaveProperty('metadata');
  });
});
