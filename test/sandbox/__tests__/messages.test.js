'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const WA = SEED.channels.whatsapp.uuid;
const T = SEED.templates;
const ada = SEED.contacts.ada;
const grace = SEED.contacts.grace;

/** A valid free-form text to Ada (inside the 24-hour window). */
const text = (over = {}) => ({ to: ada.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, content: { text: 'Hello Ada' }, ...over });
/** A valid 3-variable template to Grace (outside the window: templates are allowed). */
const tpl = (over = {}) => ({
  to: grace.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, template_uuid: T.orderShipped.uuid, optin_contact: true,
  template_values: ['Grace', 'A-1001', 'Friday'], ...over,
});
const send = (body) => t.api('POST', '/messages/send', body);

/** Everything a send could change. */
function snapshot() {
  const s = t.sb.state;
  return JSON.stringify({
    contacts: [...s.contacts.values()], messages: [...s.messages.entries()], sent: [...s.sent.keys()], lastSeq: s.lastSeq,
    events: t.sb.events.emitted.length,
  });
}

describe('POST /messages/send: accepted sends', () => {
  test('text inside the window → {message:{uuid, status:"enqueued"}}, listed first in the conversation', async () => {
    const r = await send(text());
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ message: { uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued' } });
    const msgs = (await t.api('GET', `/contacts/${ada.uuid}/messages`)).json.messages;
    expect(msgs[0]).toEqual({
      uuid: r.json.message.uuid, createdAt: expect.stringMatching(/Z$/), text: 'Hello Ada', status: 'sent', channel: 'whatsapp',
      from: '+44 20 7946 0000', to: ada.phoneNumber,
    });
    expect(t.sb.state.sent.get(r.json.message.uuid)).toMatchObject({ contactUuid: ada.uuid, status: 'enqueued' });
  });

  test('the recipient number matches on digits (any formatting)', async () => {
    const r = await send(text({ to: '+44-7700-900-001' }));
    expect(r.status).toBe(200);
    expect(t.sb.state.sent.get(r.json.message.uuid).contactUuid).toBe(ada.uuid);
  });

  test.each([
    ['image with caption', { type: 'image', content: { url: 'https://example.com/a.png', text: 'Look' } }, 'Look'],
    ['image without caption', { type: 'image', content: { url: 'http://example.com/a.png' } }, ''],
    ['document', { type: 'document', content: { url: 'https://example.com/a.pdf', text: 'Invoice' } }, 'Invoice'],
    ['audio', { type: 'audio', content: { url: 'https://example.com/a.mp3' } }, ''],
    ['video', { type: 'video', content: { url: 'https://example.com/a.mp4', text: 'Clip' } }, 'Clip'],
    ['audio sent as document (the docs’ snippet)', { type: 'document', content: { url: 'https://example.com/my_audio.mp3' } }, ''],
  ])('%s is accepted; the URL is the attachment', async (_name, over, caption) => {
    const r = await send(text(over));
    expect(r.status).toBe(200);
    const item = t.sb.state.sent.get(r.json.message.uuid).item;
    expect(item).toMatchObject({ text: caption, attachments: [over.content.url] });
  });

  test('3-variable template outside the window: values fill {{1}}…{{3}}', async () => {
    const r = await send(tpl());
    expect(r.status).toBe(200);
    const m = t.sb.state.sent.get(r.json.message.uuid);
    expect(m).toMatchObject({ templateUuid: T.orderShipped.uuid, contactUuid: grace.uuid });
    expect(m.item.text).toBe('Hi Grace, your order A-1001 has shipped and should arrive by Friday.');
  });

  test('the docs’ template example (content.text and template_values) is accepted; template_values win', async () => {
    const r = await send(tpl({ content: { text: 'John Doe' } }));
    expect(r.status).toBe(200);
    expect(t.sb.state.sent.get(r.json.message.uuid).item.text).toMatch(/^Hi Grace, your order A-1001/);
  });

  test('1-variable template: content.text or a single template value', async () => {
    const a = await send(tpl({ template_uuid: T.appointment.uuid, template_values: undefined, content: { text: 'Monday 10:00' } }));
    expect(a.status).toBe(200);
    expect(t.sb.state.sent.get(a.json.message.uuid).item.text).toBe('Reminder: your appointment is on Monday 10:00. Reply YES to confirm.');
    const b = await send(tpl({ template_uuid: T.appointment.uuid, template_values: ['Tuesday 9:00'] }));
    expect(b.status).toBe(200);
    expect(t.sb.state.sent.get(b.json.message.uuid).item.text).toContain('Tuesday 9:00');
  });

  test('0-variable template: no values needed; content.text is ignored', async () => {
    for (const over of [{ template_values: undefined }, { template_values: [] }, { template_values: undefined, content: { text: 'ignored' } }]) {
      const r = await send(tpl({ template_uuid: T.welcome.uuid, ...over }));
      expect(r.status).toBe(200);
      expect(t.sb.state.sent.get(r.json.message.uuid).item.text).toBe(T.welcome.text);
    }
  });

  test('media templates: document with its variable, image and video', async () => {
    const doc = await send(tpl({ type: 'document', template_uuid: T.brochure.uuid, template_values: undefined, content: { text: 'John Doe', url: 'https://example.com/valid_document.pdf' } }));
    expect(doc.status).toBe(200);
    expect(t.sb.state.sent.get(doc.json.message.uuid).item).toMatchObject({ text: 'Hi John Doe, here is the brochure you asked for.', attachments: ['https://example.com/valid_document.pdf'] });
    const img = await send(tpl({ type: 'image', template_uuid: T.newCollection.uuid, template_values: undefined, content: { url: 'https://example.com/c.jpg' } }));
    expect(img.status).toBe(200);
    const vid = await send(tpl({ type: 'video', template_uuid: T.tutorialVideo.uuid, template_values: ['Grace'], content: { url: 'https://example.com/v.mp4' } }));
    expect(vid.status).toBe(200);
  });

  test('to wins over bsuid; bsuid alone finds the contact that has it', async () => {
    const both = await send(text({ bsuid: 'bsuid_someone_else' }));
    expect(t.sb.state.sent.get(both.json.message.uuid).contactUuid).toBe(ada.uuid);
    const radia = SEED.contacts.radia;
    const r = await send(tpl({ to: undefined, bsuid: SEED.bsuids.radia }));
    expect(r.status).toBe(200);
    expect(t.sb.state.sent.get(r.json.message.uuid).contactUuid).toBe(radia.uuid);
  });

  test('an unknown number gets a new contact (template), with contact_created', async () => {
    const before = t.sb.state.contacts.size;
    const r = await send(tpl({ to: '+49 151 23456789' }));
    expect(r.status).toBe(200);
    expect(t.sb.state.contacts.size).toBe(before + 1);
    const m = t.sb.state.sent.get(r.json.message.uuid);
    const c = t.sb.getContact(m.contactUuid);
    expect(c).toMatchObject({ phoneNumber: '+49 151 23456789', source: 'whatsapp', channel: { uuid: WA } });
    expect(t.sb.events.emitted.map((e) => e.event)).toEqual(['contact_created', 'message_created']);
    expect(t.sb.events.emitted[0].payload).toEqual(c);
    const found = await t.api('GET', '/contacts/phone/4915123456789');
    expect(unwrapContact(found.json).uuid).toBe(c.uuid);
  });

  test('an unknown bsuid gets a new contact without phone number', async () => {
    const r = await send(tpl({ to: undefined, bsuid: 'bsuid_new_user' }));
    expect(r.status).toBe(200);
    const c = t.sb.getContact(t.sb.state.sent.get(r.json.message.uuid).contactUuid);
    expect(c).toMatchObject({ bsuid: 'bsuid_new_user', phoneNumber: null });
  });

  test('Telegram and Instagram: free-form text needs no window; unknown ids become contacts', async () => {
    const tg = await send({ to: SEED.contacts.donald.phoneNumber, from: 'telegram', type: 'text', channel_uuid: SEED.channels.telegram.uuid, content: { text: 'Hi' } });
    expect(tg.status).toBe(200);
    const ig = await send({ to: SEED.contacts.hedy.identifier, from: 'instagram', type: 'image', channel_uuid: SEED.channels.instagram.uuid, content: { url: 'https://example.com/p.png' } });
    expect(ig.status).toBe(200);
    expect(t.sb.state.sent.get(ig.json.message.uuid).contactUuid).toBe(SEED.contacts.hedy.uuid);
  });

  test('assigned_user, team_uuid and bot_status update the conversation’s contact', async () => {
    const r = await send(tpl({ assigned_user: 'CLEO.agent@example.com', team_uuid: SEED.teams.onboarding.uuid, bot_status: 'bot_start' }));
    expect(r.status).toBe(200);
    const c = t.sb.getContact(grace.uuid);
    expect(c.assignedUser).toBe('cleo.agent@example.com');
    expect(c.team.uuid).toBe(SEED.teams.onboarding.uuid);
    expect(t.sb.state.contacts.get(grace.uuid).bot.status).toBe('started');
  });

  test('fields=contact,conversation returns both, as documented (in the body or the query)', async () => {
    const r = await send(text({ fields: 'contact,conversation' }));
    expect(r.json.message).toEqual({
      uuid: expect.any(String), status: 'enqueued',
      contact: { uuid: ada.uuid, name: 'Ada Lovelace', phone: ada.phoneNumber, email: 'ada@example.com' },
      conversation: { source: 'whatsapp', href: `https://dash.callbell.eu/chat/${ada.uuid}`, createdAt: t.sb.getContact(ada.uuid).createdAt },
    });
    const q = await t.api('POST', '/messages/send?fields=conversation', text());
    expect(Object.keys(q.json.message).sort()).toEqual(['conversation', 'status', 'uuid']);
    const c = await send(text({ fields: 'contact' }));
    expect(Object.keys(c.json.message).sort()).toEqual(['contact', 'status', 'uuid']);
  });

  test('metadata at its limits is accepted and kept', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`.padEnd(50, 'x'), 'v'.repeat(500)]));
    const r = await send(text({ metadata }));
    expect(r.status).toBe(200);
    expect(t.sb.state.sent.get(r.json.message.uuid).metadata).toEqual(metadata);
  });

  test('text of exactly 4096 characters (emoji count as one) is accepted', async () => {
    expect((await send(text({ content: { text: '😀'.repeat(4096) } }))).status).toBe(200);
  });

  test('the second WhatsApp line is a separate conversation: free-form to Ada there is outside the window', async () => {
    const r = await send(text({ channel_uuid: SEED.channels.whatsappSales.uuid }));
    expect(r.status).toBe(422);
    const ok = await send(tpl({ to: ada.phoneNumber, channel_uuid: SEED.channels.whatsappSales.uuid }));
    expect(ok.status).toBe(200);
    const c = t.sb.getContact(t.sb.state.sent.get(ok.json.message.uuid).contactUuid);
    expect(c.uuid).not.toBe(ada.uuid);
    expect(c.channel.uuid).toBe(SEED.channels.whatsappSales.uuid);
  });
});

describe('POST /messages/send: refused sends change nothing (422 naming the field)', () => {
  const long = (n) => 'a'.repeat(n);
  const cases = [
    ['no body', undefined, null],
    ['array body', [], null],
    ['unknown field', text({ priority: 'high' }), 'priority'],
    ['channel_uuid missing', text({ channel_uuid: undefined }), 'channel_uuid'],
    ['channel_uuid unknown', text({ channel_uuid: '0123456789abcdef0123456789abcdef' }), 'channel_uuid'],
    ['channel inactive', text({ channel_uuid: SEED.channels.whatsappOld.uuid }), 'channel_uuid'],
    ['from missing', text({ from: undefined }), 'from'],
    ['from disagrees with the channel', text({ from: 'telegram' }), 'from'],
    ['from in another case', text({ from: 'WhatsApp' }), 'from'],
    ['to and bsuid missing', text({ to: undefined }), 'to'],
    ['to empty, no bsuid', text({ to: '  ' }), 'to'],
    ['to not a string', text({ to: 447700900001 }), 'to'],
    ['to with letters', text({ to: '+44 7700 ABC' }), 'to'],
    ['to too short (no country code)', text({ to: '900001' }), 'to'],
    ['to too long', text({ to: '+44 7700 900001 12345' }), 'to'],
    ['bsuid not a string', text({ to: undefined, bsuid: 5 }), 'bsuid'],
    ['bsuid on Telegram', { from: 'telegram', type: 'text', channel_uuid: SEED.channels.telegram.uuid, bsuid: 'b1', content: { text: 'x' } }, 'bsuid'],
    ['type missing', text({ type: undefined }), 'type'],
    ['type unknown', text({ type: 'sticker' }), 'type'],
    ['type template', text({ type: 'template' }), 'type'],
    ['audio on Telegram', { to: '+1 202 555 0105', from: 'telegram', type: 'audio', channel_uuid: SEED.channels.telegram.uuid, content: { url: 'https://e.com/a.mp3' } }, 'type'],
    ['video on Instagram', { to: 'x1', from: 'instagram', type: 'video', channel_uuid: SEED.channels.instagram.uuid, content: { url: 'https://e.com/a.mp4' } }, 'type'],
    ['content missing', text({ content: undefined }), 'content'],
    ['content a string', text({ content: 'Hello' }), 'content'],
    ['content unknown key', text({ content: { text: 'x', caption: 'y' } }), 'content.caption'],
    ['text empty', text({ content: { text: '' } }), 'content.text'],
    ['text blank', text({ content: { text: '   ' } }), 'content.text'],
    ['text not a string', text({ content: { text: 42 } }), 'content.text'],
    ['text over 4096', text({ content: { text: long(4097) } }), 'content.text'],
    ['text with a url', text({ content: { text: 'x', url: 'https://e.com/a.png' } }), 'content.url'],
    ['image without url', text({ type: 'image', content: { text: 'caption' } }), 'content.url'],
    ['image relative url', text({ type: 'image', content: { url: '/img/a.png' } }), 'content.url'],
    ['image ftp url', text({ type: 'image', content: { url: 'ftp://e.com/a.png' } }), 'content.url'],
    ['document url not a URL', text({ type: 'document', content: { url: 'example.com/a.pdf' } }), 'content.url'],
    ['audio with a caption', text({ type: 'audio', content: { url: 'https://e.com/a.mp3', text: 'x' } }), 'content.text'],
    ['caption over 1024', text({ type: 'image', content: { url: 'https://e.com/a.png', text: long(1025) } }), 'content.text'],
    ['template_values without template', text({ template_values: ['a'] }), 'template_values'],
    ['template unknown', tpl({ template_uuid: '0123456789abcdef0123456789abcdef' }), 'template_uuid'],
    ['template pending', tpl({ template_uuid: T.promoPending.uuid, template_values: ['x'] }), 'template_uuid'],
    ['template rejected', tpl({ template_uuid: T.rejected.uuid, template_values: undefined }), 'template_uuid'],
    ['template paused', tpl({ type: 'image', template_uuid: T.summerPaused.uuid, template_values: ['x'], content: { url: 'https://e.com/a.png' } }), 'template_uuid'],
    ['template not a string', tpl({ template_uuid: 7 }), 'template_uuid'],
    ['template without optin_contact', tpl({ optin_contact: undefined }), 'optin_contact'],
    ['template with optin_contact false', tpl({ optin_contact: false }), 'optin_contact'],
    ['optin_contact a string', tpl({ optin_contact: 'true' }), 'optin_contact'],
    ['template type mismatch', tpl({ type: 'image', content: { url: 'https://e.com/a.png' } }), 'type'],
    ['media template sent as text', tpl({ type: 'text', template_uuid: T.brochure.uuid, template_values: ['x'], content: { url: 'https://e.com/a.pdf' } }), 'type'],
    ['3-variable template with 2 values', tpl({ template_values: ['a', 'b'] }), 'template_values'],
    ['3-variable template with 4 values', tpl({ template_values: ['a', 'b', 'c', 'd'] }), 'template_values'],
    ['3-variable template with no values', tpl({ template_values: undefined, content: { text: 'a' } }), 'template_values'],
    ['3-variable template with an empty value', tpl({ template_values: ['a', '', 'c'] }), 'template_values'],
    ['template values not strings', tpl({ template_values: ['a', 2, 'c'] }), 'template_values'],
    ['1-variable template without a value', tpl({ template_uuid: T.appointment.uuid, template_values: undefined }), 'content.text'],
    ['1-variable template with 2 values', tpl({ template_uuid: T.appointment.uuid, template_values: ['a', 'b'] }), 'template_values'],
    ['0-variable template with a value', tpl({ template_uuid: T.welcome.uuid, template_values: ['a'] }), 'template_values'],
    ['media template without url', tpl({ type: 'document', template_uuid: T.brochure.uuid, template_values: ['x'] }), 'content.url'],
    ['media template with http-less url', tpl({ type: 'image', template_uuid: T.newCollection.uuid, template_values: undefined, content: { url: 'c.jpg' } }), 'content.url'],
    ['text template with a url', tpl({ content: { url: 'https://e.com/a.png' } }), 'content.url'],
    ['template from Telegram', { to: '+1 202 555 0105', from: 'telegram', type: 'text', channel_uuid: SEED.channels.telegram.uuid, template_uuid: T.welcome.uuid, optin_contact: true }, 'template_uuid'],
    ['metadata an array', text({ metadata: ['a'] }), 'metadata'],
    ['metadata a string', text({ metadata: 'order=1' }), 'metadata'],
    ['metadata 11 pairs', text({ metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }), 'metadata'],
    ['metadata key of 51 characters', text({ metadata: { [long(51)]: 'v' } }), `metadata.${long(51)}`],
    ['metadata empty key', text({ metadata: { '': 'v' } }), 'metadata.'],
    ['metadata value of 501 characters', text({ metadata: { order: long(501) } }), 'metadata.order'],
    ['metadata value a number', text({ metadata: { order: 42 } }), 'metadata.order'],
    ['metadata value null', text({ metadata: { order: null } }), 'metadata.order'],
    ['assigned_user unknown', text({ assigned_user: 'nobody@example.com' }), 'assigned_user'],
    ['assigned_user not a string', text({ assigned_user: true }), 'assigned_user'],
    ['team_uuid unknown', text({ team_uuid: '0123456789abcdef0123456789abcdef' }), 'team_uuid'],
    ['bot_status invalid', text({ bot_status: 'start' }), 'bot_status'],
    ['fields unknown', text({ fields: 'contact,messages' }), 'fields'],
    ['fields an array', text({ fields: ['contact'] }), 'fields'],
  ];

  test.each(cases)('%s', async (_name, body, field) => {
    const before = snapshot();
    const r = await send(body);
    expect(r.status).toBe(422);
    expect(r.json.error).toMatch(/^(Validation failed|Request body must be a JSON object)/);
    if (field !== null) expect(r.json.details).toHaveProperty([field]);
    expect(snapshot()).toBe(before);
  });

  test('several problems are reported together', async () => {
    const r = await send({ type: 'text' });
    expect(Object.keys(r.json.details).sort()).toEqual(['channel_uuid', 'content', 'from', 'to']);
  });

  test('a count mismatch names both numbers', async () => {
    const r = await send(tpl({ template_values: ['a', 'b'] }));
    expect(r.json.details.template_values).toMatch(/3 values .*Order shipped.*got 2/);
  });

  test('bot_status without an enabled bot → 422', async () => {
    t.sb.state.account.bot.enabled = false;
    const before = snapshot();
    const r = await send(text({ bot_status: 'bot_end' }));
    expect(r.status).toBe(422);
    expect(r.json.details).toHaveProperty('bot_status');
    expect(snapshot()).toBe(before);
  });
});

describe('the 24-hour window (WhatsApp free-form messages)', () => {
  test('seeded contacts: SEED.window.open can get text, SEED.window.closed (WhatsApp) cannot', async () => {
    for (const key of SEED.window.open.filter((k) => SEED.contacts[k].source === 'whatsapp')) {
      expect((await send(text({ to: SEED.contacts[key].phoneNumber }))).status).toBe(200);
    }
    for (const key of SEED.window.closed.filter((k) => SEED.contacts[k].source === 'whatsapp')) {
      const before = snapshot();
      const r = await send(text({ to: SEED.contacts[key].phoneNumber }));
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ code: 'outside_24h_window', details: { to: expect.stringContaining('24-hour') } });
      expect(r.json.error).toMatch(/24-hour window.*template/);
      expect(snapshot()).toBe(before);
    }
  });

  test('media is free-form too: refused outside the window', async () => {
    const r = await send(text({ to: grace.phoneNumber, type: 'image', content: { url: 'https://e.com/a.png' } }));
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('outside_24h_window');
  });

  test('an unknown number cannot get free-form text; nothing is created', async () => {
    const before = snapshot();
    const r = await send(text({ to: '+49 151 99999999' }));
    expect(r.status).toBe(422);
    expect(r.json.error).toMatch(/never wrote/);
    expect(snapshot()).toBe(before);
  });

  test('an inbound message opens the window; 24 hours later it is closed again', async () => {
    t.sb.clock.freeze();
    expect((await send(text({ to: grace.phoneNumber }))).status).toBe(422);
    t.sb.inbound({ contact_uuid: grace.uuid, text: 'Hi, any news?' });
    expect((await send(text({ to: grace.phoneNumber }))).status).toBe(200);
    t.sb.clock.advance(24 * 3600_000 - 1000);
    expect((await send(text({ to: grace.phoneNumber }))).status).toBe(200);
    t.sb.clock.advance(1000);
    expect((await send(text({ to: grace.phoneNumber }))).status).toBe(422);
    expect((await send(tpl())).status).toBe(200);
  });

  test('Barbara’s window closes an hour after a reset', async () => {
    t.sb.clock.freeze();
    expect((await send(text({ to: SEED.contacts.barbara.phoneNumber }))).status).toBe(200);
    t.sb.clock.advance(3600_000);
    expect((await send(text({ to: SEED.contacts.barbara.phoneNumber }))).status).toBe(422);
  });
});

describe('WhatsApp wallet out of credit (docs: 402 for template sends)', () => {
  test('template sends → 402 {error, code}, nothing changes; free-form text still goes; reset clears it', async () => {
    const r0 = await fetch(`${t.sb.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ walletDepleted: true }) });
    expect((await r0.json()).walletDepleted).toBe(true);
    const before = snapshot();
    const r = await send(tpl());
    expect(r.status).toBe(402);
    expect(r.json).toEqual({ error: expect.stringMatching(/out of credit/), code: 'whatsapp_wallet_depleted_credit' });
    expect(snapshot()).toBe(before);
    expect((await send(text())).status).toBe(200);
    expect((await send(tpl({ template_values: ['only one'] }))).status).toBe(422);
    t.sb.reset();
    expect((await send(tpl())).status).toBe(200);
    expect(() => t.sb.setWalletDepleted('yes')).toThrow(TypeError);
  });
});
