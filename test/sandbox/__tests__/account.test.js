'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const missing = '0123456789abcdef0123456789abcdef';

describe('teams', () => {
  test('GET /teams lists Sales (default), Support, Onboarding', async () => {
    const r = await t.api('GET', '/teams');
    expect(r.json.teams.map((x) => [x.name, x.default, x.members])).toEqual([['Sales', true, 2], ['Support', false, 3], ['Onboarding', false, 2]]);
    for (const team of r.json.teams) expect(Object.keys(team).sort()).toEqual(['createdAt', 'default', 'members', 'name', 'uuid']);
  });

  test('GET /teams/:uuid and 404', async () => {
    expect((await t.api('GET', `/teams/${SEED.teams.support.uuid}`)).json.team).toMatchObject({ uuid: SEED.teams.support.uuid, name: 'Support' });
    expect((await t.api('GET', `/teams/${missing}`)).json).toEqual({ error: 'Team not found' });
  });

  test('GET /teams/:uuid/members with status filter', async () => {
    const all = (await t.api('GET', `/teams/${SEED.teams.support.uuid}/members`)).json.users;
    expect(all.map((u) => u.email)).toEqual(['ben.agent@example.com', 'cleo.agent@example.com', 'dan.agent@example.com']);
    expect(Object.keys(all[0]).sort()).toEqual(['available', 'email', 'lastUpdatedAt', 'name']);
    expect(all[2].userCustomStatus).toMatchObject({ name: 'Lunch' });
    const available = (await t.api('GET', `/teams/${SEED.teams.support.uuid}/members?status=available`)).json.users;
    expect(available.map((u) => u.email)).toEqual(['cleo.agent@example.com']);
    const away = (await t.api('GET', `/teams/${SEED.teams.support.uuid}/members?status=away`)).json.users;
    expect(away.map((u) => u.email)).toEqual(['ben.agent@example.com', 'dan.agent@example.com']);
    expect((await t.api('GET', `/teams/${SEED.teams.support.uuid}/members?status=busy`)).status).toBe(400);
    expect((await t.api('GET', `/teams/${missing}/members`)).status).toBe(404);
  });

  test('PATCH /teams/:uuid renames', async () => {
    const r = await t.api('PATCH', `/teams/${SEED.teams.sales.uuid}`, { name: 'Sales EMEA' });
    expect(r.json.team.name).toBe('Sales EMEA');
    expect((await t.api('PATCH', `/teams/${SEED.teams.sales.uuid}`, { name: '' })).status).toBe(422);
  });
});

describe('channels', () => {
  test('GET /channels lists every channel with discardedAt', async () => {
    const r = await t.api('GET', '/channels');
    expect(r.json.meta).toEqual({ page: 1, pages: 1 });
    expect(r.json.channels[0]).toEqual({ uuid: SEED.channels.whatsapp.uuid, title: 'WhatsApp · Main line', type: 'whatsapp', main: true, discardedAt: false });
    expect(r.json.channels.map((c) => c.type)).toEqual(['whatsapp', 'instagram', 'telegram', 'facebook', 'whatsapp', 'whatsapp']);
    expect(r.json.channels.map((c) => c.discardedAt)).toEqual([false, false, false, false, true, false]);
  });

  test('type and active filters', async () => {
    const wa = (await t.api('GET', '/channels?type=whatsapp')).json.channels;
    expect(wa).toHaveLength(3);
    const activeWa = (await t.api('GET', '/channels?type=whatsapp&active=true')).json.channels;
    expect(activeWa.map((c) => c.uuid)).toEqual([SEED.channels.whatsapp.uuid, SEED.channels.whatsappSales.uuid]);
    const inactive = (await t.api('GET', '/channels?active=false')).json.channels;
    expect(inactive.map((c) => c.uuid)).toEqual([SEED.channels.whatsappOld.uuid]);
    expect((await t.api('GET', '/channels?active=yes')).status).toBe(400);
  });

  test('GET /channels/:uuid and 404; PATCH renames', async () => {
    expect((await t.api('GET', `/channels/${SEED.channels.telegram.uuid}`)).json.channel).toMatchObject({ type: 'telegram', main: false });
    expect((await t.api('GET', `/channels/${missing}`)).json).toEqual({ error: 'Channel not found' });
    expect((await t.api('PATCH', `/channels/${SEED.channels.telegram.uuid}`, { title: 'TG' })).json.channel.title).toBe('TG');
  });
});

describe('funnels', () => {
  test('GET /funnels: position, name, emoji, createdAt, hyphenated uuid; no meta', async () => {
    const r = await t.api('GET', '/funnels');
    expect(Object.keys(r.json)).toEqual(['funnels']);
    expect(r.json.funnels.map((f) => f.name)).toEqual(['Awareness', 'Interest', 'Decision']);
    for (const f of r.json.funnels) {
      expect(Object.keys(f)).toEqual(['position', 'name', 'emoji', 'createdAt', 'uuid']);
      expect(f.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(f.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0100$/);
    }
    expect(r.json.funnels[0].uuid).toBe(SEED.funnels.awareness.uuid);
  });
});

describe('seed', () => {
  test('is deterministic across sandboxes', async () => {
    const { createSandbox } = require('..');
    const other = await createSandbox();
    try {
      const a = await t.api('GET', '/contacts?page=2&include_field_types=true');
      const b = await fetch(`${other.url}/contacts?page=2&include_field_types=true`, { headers: { Authorization: 'Bearer sandbox-token' } });
      expect(await b.json()).toEqual(a.json);
    } finally {
      await other.close();
    }
  });

  test('sources across the account', () => {
    const counts = {};
    for (const c of t.sb.state.contacts.values()) counts[c.source] = (counts[c.source] || 0) + 1;
    expect(counts).toEqual({ whatsapp: 30, instagram: 14, telegram: 8, facebook: 8 });
  });

  test('SEED exports well-known ids', () => {
    expect(SEED.contacts.ada).toEqual({ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Ada Lovelace', phoneNumber: '+44 7700 900001', source: 'whatsapp', identifier: '+44 7700 900001' });
    expect(Object.keys(SEED.teams)).toEqual(['sales', 'support', 'onboarding']);
    expect(SEED.userEmails).toEqual(['ada.agent@example.com', 'ben.agent@example.com', 'cleo.agent@example.com', 'dan.agent@example.com']);
    expect(SEED.tags).toEqual(['Lead', 'Customer', 'VIP', 'Newsletter', 'Support', 'Churn Risk']);
    expect(Object.isFrozen(SEED.contacts.ada)).toBe(true);
  });
});
