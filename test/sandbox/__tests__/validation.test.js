'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ada = SEED.contacts.ada.uuid;
const alan = SEED.contacts.alan.uuid;

/** PATCH ada with `body`, expect 422 with `field` in details and the contact unchanged. */
async function expectRejected(body, field, uuid = ada) {
  const before = JSON.stringify(t.sb.getContact(uuid));
  const botBefore = JSON.stringify(t.sb.state.contacts.get(uuid).bot);
  const r = await t.api('PATCH', `/contacts/${uuid}`, body);
  expect(r.status).toBe(422);
  expect(r.json.error).toEqual(expect.any(String));
  if (field) expect(Object.keys(r.json.details)).toContain(field);
  expect(JSON.stringify(t.sb.getContact(uuid))).toBe(before);
  expect(JSON.stringify(t.sb.state.contacts.get(uuid).bot)).toBe(botBefore);
  return r;
}

describe('PATCH /contacts/:uuid validation (422, nothing applied)', () => {
  test.each([
    ['body is an array', [], null],
    ['body is a string', '"name"', null],
    ['body is null', 'null', null],
    ['unknown top-level field', { phone_number: '1' }, 'phone_number'],
    ['camelCase field name', { customFields: {} }, 'customFields'],
    ['create-only field on update', { identifier: '1' }, 'identifier'],
    ['name not a string', { name: 42 }, 'name'],
    ['name null', { name: null }, 'name'],
    ['tags not an array', { tags: 'VIP' }, 'tags'],
    ['tags with a non-string', { tags: ['VIP', 3] }, 'tags'],
    ['tags with an unknown tag', { tags: ['VIP', 'Platinum'] }, 'tags'],
    ['custom_fields not an object', { custom_fields: [] }, 'custom_fields'],
    ['custom_fields null', { custom_fields: null }, 'custom_fields'],
    ['custom field not defined', { custom_fields: { Shoe: 'x' } }, 'custom_fields.Shoe'],
    ['custom field name with wrong case', { custom_fields: { plan: 'Pro' } }, 'custom_fields.plan'],
    ['custom field with bad value', { custom_fields: { Plan: 'Gold' } }, 'custom_fields.Plan'],
    ['assigned_user not a user', { assigned_user: 'nobody@example.com' }, 'assigned_user'],
    ['assigned_user not a string', { assigned_user: 1 }, 'assigned_user'],
    ['assigned_user with unassign_user true', { assigned_user: 'ben.agent@example.com', unassign_user: true }, 'assigned_user'],
    ['unassign_user not a boolean', { unassign_user: 'true' }, 'unassign_user'],
    ['team_uuid unknown', { team_uuid: '0123456789abcdef0123456789abcdef' }, 'team_uuid'],
    ['team_uuid null', { team_uuid: null }, 'team_uuid'],
    ['bot_status invalid', { bot_status: 'start' }, 'bot_status'],
    ['note not a string', { note: 5 }, 'note'],
    ['note over 1000 characters', { note: 'x'.repeat(1001) }, 'note'],
  ])('%s', async (_name, body, field) => {
    await expectRejected(body, field);
  });

  test('one invalid field rejects the whole request (valid fields are not applied)', async () => {
    const r = await expectRejected({ name: 'Changed', tags: ['VIP'], custom_fields: { Plan: 'Pro', 'Order Count': 5 }, note: 'new' }, 'custom_fields.Order Count');
    expect(Object.keys(r.json.details)).toEqual(['custom_fields.Order Count']);
  });

  test('all violations are reported together', async () => {
    const r = await expectRejected({ name: 1, tags: ['Nope'], bogus: true, custom_fields: { Plan: 'Gold', Birthday: '2026-02-30' } });
    expect(Object.keys(r.json.details).sort()).toEqual(['bogus', 'custom_fields.Birthday', 'custom_fields.Plan', 'name', 'tags']);
    expect(r.json.error).toMatch(/^Validation failed: /);
  });

  test('a wrongly cased custom field name gets a hint', async () => {
    const r = await expectRejected({ custom_fields: { 'billing address': 'x' } }, 'custom_fields.billing address');
    expect(r.json.details['custom_fields.billing address']).toContain('"Billing Address"');
  });

  test('bot_status with no enabled bot → 422', async () => {
    t.sb.state.account.bot.enabled = false;
    await expectRejected({ bot_status: 'bot_start' }, 'bot_status');
  });
});

describe('PATCH /contacts/:uuid semantics', () => {
  const patch = async (body, uuid = ada) => {
    const r = await t.api('PATCH', `/contacts/${uuid}`, body);
    expect(r.status).toBe(200);
    return unwrapContact(r.json);
  };

  test('empty body changes nothing', async () => {
    const before = t.sb.getContact(ada);
    expect(await patch({})).toEqual(before);
  });

  test('tags match case-insensitively, are stored with the account spelling and REPLACE the list', async () => {
    expect((await patch({ tags: ['churn risk', 'LEAD', 'lead'] })).tags).toEqual(['Churn Risk', 'Lead']);
    expect((await patch({ tags: [] })).tags).toEqual([]);
  });

  test('custom_fields merge per key; null clears one field', async () => {
    const c = await patch({ custom_fields: { Plan: 'Pro', Birthday: null } });
    expect(c.customFields.Plan).toBe('Pro');
    expect(c.customFields.Birthday).toBeUndefined();
    expect(c.customFields['Order Count']).toBe('42');
    expect(c.customFields['Contact Email']).toBe('ada@example.com');
  });

  test('assigned_user matches case-insensitively and stores the account spelling', async () => {
    expect((await patch({ assigned_user: 'Ben.Agent@EXAMPLE.com' })).assignedUser).toBe('ben.agent@example.com');
  });

  test('unassign_user: true clears the assignee; false changes nothing', async () => {
    expect((await patch({ unassign_user: false })).assignedUser).toBe('ada.agent@example.com');
    expect((await patch({ unassign_user: true })).assignedUser).toBeNull();
  });

  test('assigned_user with unassign_user: false is allowed', async () => {
    expect((await patch({ assigned_user: 'dan.agent@example.com', unassign_user: false })).assignedUser).toBe('dan.agent@example.com');
  });

  test('team_uuid moves the contact to another team', async () => {
    expect((await patch({ team_uuid: SEED.teams.support.uuid })).team).toMatchObject({ uuid: SEED.teams.support.uuid, name: 'Support', members: 3 });
  });

  test('bot_status sets the contact bot state', async () => {
    await patch({ bot_status: 'bot_end' });
    expect((await t.api('GET', `/contacts/${ada}/bot`)).json.bot.status).toBe('ended');
    await patch({ bot_status: 'bot_start' });
    const bot = (await t.api('GET', `/contacts/${ada}/bot`)).json.bot;
    expect(bot.status).toBe('started');
    expect(bot.conversationStartedAt).toMatch(/Z$/);
  });

  test('note: up to 1000 characters; "" clears it to null', async () => {
    expect((await patch({ note: 'é'.repeat(1000) })).note).toHaveLength(1000);
    expect((await patch({ note: '' })).note).toBeNull();
    expect((await patch({ name: 'Ada' })).note).toBeNull();
  });

  test('name may be changed and other fields are kept', async () => {
    const c = await patch({ name: 'Ada King' }, alan);
    expect(c.name).toBe('Ada King');
    expect(c.phoneNumber).toBe('+44 7700 900003');
  });
});
