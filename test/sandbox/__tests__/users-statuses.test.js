'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const missing = '0123456789abcdef0123456789abcdef';
const ben = SEED.users.ben.uuid;
const dan = SEED.users.dan.uuid;
const lunch = SEED.customStatuses.lunch.id;
const vacation = SEED.customStatuses.vacationing.id;

describe('PUT /users/:uuid/status', () => {
  test('sets availability and a custom status; answers the documented user_status', async () => {
    const r = await t.api('PUT', `/users/${ben}/status`, { available: true, custom_status_uuid: vacation });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      user_status: {
        custom_status: { id: vacation, name: 'Vacationing', last_updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+01:00$/) },
        appearance: { available: true, last_updated_at: expect.stringMatching(/\+01:00$/) },
      },
    });
    const members = (await t.api('GET', `/teams/${SEED.teams.sales.uuid}/members`)).json.users;
    expect(members.find((m) => m.email === 'ben.agent@example.com')).toMatchObject({ available: true, userCustomStatus: { id: vacation, name: 'Vacationing' } });
    expect(t.sb.events.emitted.map((e) => e.event)).toEqual(['agent_status_updated']);
  });

  test('null unassigns the custom status; availability alone leaves it', async () => {
    await t.api('PUT', `/users/${dan}/status`, { available: true });
    expect(t.sb.state.account.users.find((u) => u.uuid === dan).userCustomStatus).toMatchObject({ id: lunch });
    const r = await t.api('PUT', `/users/${dan}/status`, { custom_status_uuid: null });
    expect(r.json.user_status.custom_status).toBeNull();
    expect(r.json.user_status.appearance.available).toBe(true);
  });

  test.each([
    ['an empty body', {}, 'available'],
    ['a non-boolean available', { available: 'yes' }, 'available'],
    ['an unknown custom status', { custom_status_uuid: missing }, 'custom_status_uuid'],
    ['an unknown key', { available: true, status: 'away' }, 'status'],
  ])('422 on %s, nothing changed', async (_n, body, field) => {
    const r = await t.api('PUT', `/users/${ben}/status`, body);
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.details)).toContain(field);
    expect(t.sb.state.account.users.find((u) => u.uuid === ben)).toMatchObject({ available: false });
  });

  test('404 for an unknown user; team members carry no uuid', async () => {
    expect((await t.api('PUT', `/users/${missing}/status`, { available: true })).json).toEqual({ error: 'User not found' });
    const members = (await t.api('GET', `/teams/${SEED.teams.support.uuid}/members`)).json.users;
    for (const m of members) expect(m.uuid).toBeUndefined();
  });
});

describe('DELETE /users/:uuid/status', () => {
  test('unassigns the custom status (empty answer), also when none is set', async () => {
    const r = await t.api('DELETE', `/users/${dan}/status`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({});
    expect(t.sb.state.account.users.find((u) => u.uuid === dan).userCustomStatus).toBeUndefined();
    expect((await t.api('DELETE', `/users/${dan}/status`)).status).toBe(200);
    expect((await t.api('DELETE', `/users/${missing}/status`)).status).toBe(404);
  });
});

describe('custom statuses', () => {
  test('GET /custom_statuses lists the seeded statuses with meta', async () => {
    const r = await t.api('GET', '/custom_statuses');
    expect(r.json.meta).toEqual({ page: 1, pages: 1 });
    expect(r.json.customStatuses.map((s) => s.name)).toEqual(['Lunch', 'Vacationing', 'In a meeting', 'Out sick']);
    expect(Object.keys(r.json.customStatuses[0]).sort()).toEqual(['createdAt', 'emoji', 'id', 'name', 'updatedAt']);
    expect(r.json.customStatuses[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.json.customStatuses[0].createdAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0100$/);
  });

  test('pages of 10', async () => {
    for (let i = 1; i <= 8; i++) expect((await t.api('POST', '/custom_statuses', { name: `Status ${i}` })).status).toBe(200);
    const p2 = await t.api('GET', '/custom_statuses?page=2');
    expect(p2.json.meta).toEqual({ page: 2, pages: 2 });
    expect(p2.json.customStatuses.map((s) => s.name)).toEqual(['Status 7', 'Status 8']);
    expect((await t.api('GET', '/custom_statuses?page=x')).status).toBe(400);
  });

  test('create, get, update, delete (both paths)', async () => {
    const created = (await t.api('POST', '/custom_statuses', { name: ' Focus time ', emoji: '🎧' })).json.customStatus;
    expect(created).toMatchObject({ name: 'Focus time', emoji: '🎧' });
    expect((await t.api('GET', `/custom_statuses/${created.id}`)).json.customStatus).toEqual(created);
    const updated = (await t.api('PUT', `/custom_statuses/${created.id}`, { name: 'Deep work' })).json.customStatus;
    expect(updated).toMatchObject({ id: created.id, name: 'Deep work', emoji: '🎧' });
    expect((await t.api('DELETE', `/custom_statuses/${created.id}`)).json).toEqual({ status: 'custom status was destroyed' });
    expect((await t.api('GET', `/custom_statuses/${created.id}`)).json).toEqual({ error: 'Custom status not found' });
    expect((await t.api('DELETE', `/custom_status/${vacation}`)).json).toEqual({ status: 'custom status was destroyed' });
    expect((await t.api('DELETE', `/custom_status/${vacation}`)).status).toBe(404);
  });

  test('deleting a worn status takes it off the user', async () => {
    await t.api('DELETE', `/custom_statuses/${lunch}`);
    expect(t.sb.state.account.users.find((u) => u.uuid === dan).userCustomStatus).toBeUndefined();
  });

  test.each([
    ['POST', '/custom_statuses', {}, 'name'],
    ['POST', '/custom_statuses', { name: '  ' }, 'name'],
    ['POST', '/custom_statuses', { name: 'X', emoji: 5 }, 'emoji'],
    ['POST', '/custom_statuses', { name: 'X', color: 'red' }, 'color'],
    ['PUT', `/custom_statuses/${'LUNCH'}`, {}, 'name'],
    ['PUT', `/custom_statuses/${'LUNCH'}`, { name: '' }, 'name'],
  ])('%s %s %j → 422', async (method, path, body, field) => {
    const before = t.sb.state.account.customStatuses.length;
    const r = await t.api(method, path.replace('LUNCH', lunch), body);
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.details)).toContain(field);
    expect(t.sb.state.account.customStatuses.length).toBe(before);
    expect(t.sb.state.account.customStatuses[0].name).toBe('Lunch');
  });
});

describe('plan and bsuid', () => {
  test('GET /plan', async () => {
    const r = await t.api('GET', '/plan');
    expect(r.json).toEqual({ plan: 'business_plus', includedChannels: 3, licenses: 5, activeUsers: 2, teams: expect.any(Array) });
    expect(r.json.teams).toHaveLength(3);
  });

  test('GET /contacts/bsuid/:bsuid finds the contact (object shape); 404 otherwise', async () => {
    const r = await t.api('GET', `/contacts/bsuid/${SEED.bsuids.barbara}`);
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json.contact)).toBe(false);
    expect(r.json.contact).toMatchObject({ uuid: SEED.contacts.barbara.uuid, bsuid: 'US.13491208655302741918' });
    expect(unwrapContact((await t.api('GET', '/contacts/bsuid/bsuid_radia_perlman_01')).json).name).toBe('Radia Perlman');
    expect((await t.api('GET', '/contacts/bsuid/nope')).json).toEqual({ error: 'Contact not found' });
    expect(SEED.bsuids.ada).toBeUndefined();
    expect(t.sb.getContact(SEED.contacts.ada.uuid).bsuid).toBeUndefined();
  });

  test('phone lookup also finds a platform identifier on its channel', async () => {
    const kat = SEED.contacts.katherine;
    const r = await t.api('GET', `/contacts/phone/${kat.identifier}?channel_uuid=${SEED.channels.instagram.uuid}`);
    expect(unwrapContact(r.json).uuid).toBe(kat.uuid);
    expect((await t.api('GET', `/contacts/phone/${kat.identifier}`)).status).toBe(404);
  });
});
