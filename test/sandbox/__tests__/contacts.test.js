'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ada = SEED.contacts.ada;

const CONTACT_KEYS = ['uuid', 'name', 'phoneNumber', 'avatarUrl', 'blockedAt', 'createdAt', 'source', 'funnelId', 'closedAt',
  'href', 'conversationHref', 'tags', 'assignedUser', 'customFields', 'team', 'channel', 'note'].sort();

describe('contacts', () => {
  test('GET /contacts/:uuid returns the documented contact object', async () => {
    const r = await t.api('GET', `/contacts/${ada.uuid}`);
    expect(r.status).toBe(200);
    const c = unwrapContact(r.json);
    expect(Object.keys(c).sort()).toEqual(CONTACT_KEYS);
    expect(c).toMatchObject({
      uuid: ada.uuid, name: 'Ada Lovelace', phoneNumber: '+44 7700 900001', source: 'whatsapp',
      href: `https://dash.callbell.eu/contacts/${ada.uuid}`, tags: ['Customer', 'VIP'], assignedUser: 'ada.agent@example.com',
      team: { uuid: SEED.teams.sales.uuid, name: 'Sales', default: true, members: 2 },
      channel: { uuid: SEED.channels.whatsapp.uuid, type: 'whatsapp', main: true },
    });
    expect(c.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(c.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(c.customFields).toEqual({
      'Billing Address': "12 St James's Square, London SW1Y 4JH", 'Contact Email': 'ada@example.com', 'Order Count': '42',
      Birthday: '1815-12-10', Plan: 'Enterprise', Interests: '["Dark Mode","Newsletter"]',
    });
    expect(c.customFieldsMetadata).toBeUndefined();
  });

  test('a contact without team has team {} and no custom fields', async () => {
    const c = unwrapContact((await t.api('GET', `/contacts/${SEED.contacts.alan.uuid}`)).json);
    expect(c.team).toEqual({});
    expect(c.customFields).toEqual({});
    expect(c.assignedUser).toBeNull();
  });

  test('include_field_types=true adds customFieldsMetadata for every defined field', async () => {
    const alan = unwrapContact((await t.api('GET', `/contacts/${SEED.contacts.alan.uuid}?include_field_types=true`)).json);
    expect(Object.keys(alan.customFieldsMetadata)).toEqual(SEED.customFields.map((f) => f.name));
    expect(alan.customFieldsMetadata.Plan).toEqual({ value: null, type: 'dropdown', options: ['Free', 'Pro', 'Enterprise'] });
    const c = unwrapContact((await t.api('GET', `/contacts/${ada.uuid}?include_field_types=true`)).json);
    expect(c.customFieldsMetadata['Order Count']).toEqual({ value: 42, type: 'number' });
    expect(c.customFieldsMetadata.Interests).toEqual({ value: ['Dark Mode', 'Newsletter'], type: 'checkbox', options: ['Dark Mode', 'Notifications', 'Newsletter', 'Promotions'] });
    expect(c.customFieldsMetadata.Birthday).toEqual({ value: '1815-12-10', type: 'date' });
  });

  test.each(['GET', 'PATCH', 'DELETE'])('%s unknown uuid → 404 {"error":"Contact not found"}', async (method) => {
    const r = await t.api(method, '/contacts/0123456789abcdef0123456789abcdef', method === 'PATCH' ? { name: 'x' } : undefined);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: 'Contact not found' });
  });

  test.each([
    ['digits only', '447700900001'],
    ['E.164, encoded', encodeURIComponent('+44 7700 900001')],
    ['dashed', '44-7700-900001'],
    ['E.164 without spaces', '%2B447700900001'],
  ])('GET /contacts/phone/:phone matches on digits (%s)', async (_n, phone) => {
    const r = await t.api('GET', `/contacts/phone/${phone}`);
    expect(r.status).toBe(200);
    expect(r.json.contact.uuid).toBe(ada.uuid);
  });

  test('phone lookup defaults to the main WhatsApp channel; channel_uuid selects another', async () => {
    const phone = SEED.contacts.margaret.phoneNumber.replace(/\D/g, '');
    expect((await t.api('GET', `/contacts/phone/${phone}`)).status).toBe(404);
    const r = await t.api('GET', `/contacts/phone/${phone}?channel_uuid=${SEED.channels.telegram.uuid}`);
    expect(r.status).toBe(200);
    expect(r.json.contact.uuid).toBe(SEED.contacts.margaret.uuid);
  });

  test('phone lookup: unknown number → 404, unknown channel → 404', async () => {
    expect((await t.api('GET', '/contacts/phone/15550000000')).json).toEqual({ error: 'Contact not found' });
    expect((await t.api('GET', '/contacts/phone/447700900001?channel_uuid=nope')).json).toEqual({ error: 'Channel not found' });
  });

  test('POST /contacts creates a contact with defaults, listed first', async () => {
    const r = await t.api('POST', '/contacts', {
      identifier: '+44 7700 900999', source: 'whatsapp', name: 'New Person', tags: ['lead'], custom_fields: { Plan: 'Free' },
      assigned_user: 'CLEO.agent@example.com', team_uuid: SEED.teams.onboarding.uuid, note: 'hello',
    });
    expect(r.status).toBe(200);
    const c = unwrapContact(r.json);
    expect(c).toMatchObject({
      name: 'New Person', phoneNumber: '+44 7700 900999', source: 'whatsapp', tags: ['Lead'], customFields: { Plan: 'Free' },
      assignedUser: 'cleo.agent@example.com', team: { uuid: SEED.teams.onboarding.uuid }, note: 'hello', closedAt: null,
      channel: { uuid: SEED.channels.whatsapp.uuid },
    });
    expect(c.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(t.sb.state.contacts.get(c.uuid).bot.status).toBe('started');
    const list = await t.api('GET', '/contacts');
    expect(list.json.contacts[0].uuid).toBe(c.uuid);
    expect((await t.api('GET', '/contacts/phone/447700900999')).json.contact.uuid).toBe(c.uuid);
  });

  test('POST /contacts: non-phone source gets phoneNumber null and its own channel by default', async () => {
    const c = unwrapContact((await t.api('POST', '/contacts', { identifier: '1784149999', source: 'instagram', name: 'IG User' })).json);
    expect(c.phoneNumber).toBeNull();
    expect(c.channel.uuid).toBe(SEED.channels.instagram.uuid);
    const c2 = unwrapContact((await t.api('POST', '/contacts', { identifier: '555', source: 'whatsapp', name: 'X', channel_uuid: SEED.channels.whatsappOld.uuid })).json);
    expect(c2.channel.uuid).toBe(SEED.channels.whatsappOld.uuid);
  });

  test('POST /contacts is deterministic after reset (same uuid for the same create)', async () => {
    const body = { identifier: '+1 202 555 0199', source: 'whatsapp', name: 'Repeat' };
    const a = unwrapContact((await t.api('POST', '/contacts', body)).json).uuid;
    t.sb.reset();
    const b = unwrapContact((await t.api('POST', '/contacts', body)).json).uuid;
    expect(a).toBe(b);
  });

  test.each([
    ['missing identifier', { source: 'whatsapp', name: 'A' }, 'identifier'],
    ['missing source', { identifier: '1', name: 'A' }, 'source'],
    ['missing name', { identifier: '1', source: 'whatsapp' }, 'name'],
    ['blank name', { identifier: '1', source: 'whatsapp', name: '  ' }, 'name'],
    ['unknown source', { identifier: '1', source: 'sms', name: 'A' }, 'source'],
    ['unknown channel', { identifier: '1', source: 'whatsapp', name: 'A', channel_uuid: 'nope' }, 'channel_uuid'],
    ['duplicate phone', { identifier: '447700900001', source: 'whatsapp', name: 'Ada again' }, 'identifier'],
    ['unknown field', { identifier: '1', source: 'whatsapp', name: 'A', phone: '1' }, 'phone'],
    ['unknown tag', { identifier: '1', source: 'whatsapp', name: 'A', tags: ['Nope'] }, 'tags'],
  ])('POST /contacts rejects %s with 422', async (_n, body, field) => {
    const before = t.sb.state.contacts.size;
    const r = await t.api('POST', '/contacts', body);
    expect(r.status).toBe(422);
    expect(typeof r.json.error).toBe('string');
    expect(r.json.details).toHaveProperty([field]);
    expect(t.sb.state.contacts.size).toBe(before);
  });

  test('PATCH /contacts/:uuid updates and returns the contact', async () => {
    const r = await t.api('PATCH', `/contacts/${ada.uuid}`, { name: 'Augusta Ada King', tags: ['vip'] });
    expect(r.status).toBe(200);
    expect(unwrapContact(r.json)).toMatchObject({ name: 'Augusta Ada King', tags: ['VIP'] });
    expect(t.sb.getContact(ada.uuid)).toMatchObject({ name: 'Augusta Ada King', tags: ['VIP'] });
  });

  test('DELETE /contacts/:uuid destroys the contact', async () => {
    const r = await t.api('DELETE', `/contacts/${ada.uuid}`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'contact was destroyed' });
    expect(t.sb.getContact(ada.uuid)).toBeUndefined();
    expect((await t.api('GET', `/contacts/${ada.uuid}`)).status).toBe(404);
    expect((await t.api('GET', '/contacts/phone/447700900001')).status).toBe(404);
  });
});
