'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const alan = SEED.contacts.alan.uuid;

/** [field, value sent, accepted?, customFields string when accepted, metadata value] */
const CASES = [
  ['Billing Address', 'Main Street 1', true, 'Main Street 1', 'Main Street 1'],
  ['Billing Address', '', true, '', ''],
  ['Billing Address', 12, false],
  ['Billing Address', ['a'], false],
  ['Contact Email', 'user@example.com', true, 'user@example.com', 'user@example.com'],
  ['Contact Email', 'first.last+tag@sub.example.co.uk', true, 'first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
  ['Contact Email', 'not-an-email', false],
  ['Contact Email', 'a@b', false],
  ['Contact Email', 'a b@example.com', false],
  ['Contact Email', '', false],
  ['Order Count', '42', true, '42', 42],
  ['Order Count', '-3.5', true, '-3.5', -3.5],
  ['Order Count', '0', true, '0', 0],
  ['Order Count', 42, false],
  ['Order Count', 'abc', false],
  ['Order Count', 'NaN', false],
  ['Order Count', 'Infinity', false],
  ['Order Count', '', false],
  ['Order Count', '1e3', false],
  ['Order Count', ' 42', false],
  ['Order Count', true, false],
  ['Birthday', '2026-03-03', true, '2026-03-03', '2026-03-03'],
  ['Birthday', '2024-02-29', true, '2024-02-29', '2024-02-29'],
  ['Birthday', '2023-02-29', false],
  ['Birthday', '2026-13-01', false],
  ['Birthday', '2026-04-31', false],
  ['Birthday', '03/03/2026', false],
  ['Birthday', '2026-3-3', false],
  ['Birthday', '2026-03-03T00:00:00Z', false],
  ['Birthday', 20260303, false],
  ['Plan', 'Pro', true, 'Pro', 'Pro'],
  ['Plan', 'pro', false],
  ['Plan', 'Gold', false],
  ['Plan', ['Pro'], false],
  ['Interests', ['Dark Mode', 'Notifications'], true, '["Dark Mode","Notifications"]', ['Dark Mode', 'Notifications']],
  ['Interests', ['Newsletter', 'Newsletter'], true, '["Newsletter"]', ['Newsletter']],
  ['Interests', [], true, '[]', []],
  ['Interests', 'Dark Mode', false],
  ['Interests', ['Dark Mode', 'Spam'], false],
  ['Interests', ['dark mode'], false],
  ['Interests', [1], false],
];

// pad rows: jest passes `done` when a test fn has more parameters than the row has values
const ROWS = CASES.map((row) => [...row, undefined, undefined].slice(0, 5));

describe('custom field value rules (§6)', () => {
  test.each(ROWS)('%s = %j → accepted: %s', async (field, value, accepted, asString, typed) => {
    const r = await t.api('PATCH', `/contacts/${alan}`, { custom_fields: { [field]: value } });
    if (!accepted) {
      expect(r.status).toBe(422);
      expect(Object.keys(r.json.details)).toEqual([`custom_fields.${field}`]);
      expect(t.sb.getContact(alan).customFields).toEqual({});
      return;
    }
    expect(r.status).toBe(200);
    expect(unwrapContact(r.json).customFields[field]).toBe(asString);
    const meta = unwrapContact((await t.api('GET', `/contacts/${alan}?include_field_types=true`)).json).customFieldsMetadata[field];
    expect(meta.value).toEqual(typed);
  });

  test('customFields values are always strings; metadata keeps the types', async () => {
    await t.api('PATCH', `/contacts/${alan}`, { custom_fields: { 'Order Count': '7', Interests: ['Promotions'], Plan: 'Free' } });
    const c = unwrapContact((await t.api('GET', `/contacts/${alan}?include_field_types=true`)).json);
    for (const v of Object.values(c.customFields)) expect(typeof v).toBe('string');
    expect(JSON.parse(c.customFields.Interests)).toEqual(['Promotions']);
    expect(c.customFieldsMetadata['Order Count']).toEqual({ value: 7, type: 'number' });
    expect(c.customFieldsMetadata['Billing Address']).toEqual({ value: null, type: 'text' });
  });

  test('null clears a field and unset fields are omitted from customFields', async () => {
    await t.api('PATCH', `/contacts/${alan}`, { custom_fields: { Plan: 'Pro', 'Order Count': '1' } });
    const r = await t.api('PATCH', `/contacts/${alan}`, { custom_fields: { Plan: null } });
    expect(unwrapContact(r.json).customFields).toEqual({ 'Order Count': '1' });
  });

  test('the same rules apply on POST /contacts', async () => {
    const base = { identifier: '+44 7700 900777', source: 'whatsapp', name: 'CF Test' };
    expect((await t.api('POST', '/contacts', { ...base, custom_fields: { 'Order Count': 3 } })).status).toBe(422);
    const ok = await t.api('POST', '/contacts', { ...base, custom_fields: { 'Order Count': '3', Interests: ['Newsletter'] } });
    expect(ok.status).toBe(200);
    expect(unwrapContact(ok.json).customFields).toEqual({ 'Order Count': '3', Interests: '["Newsletter"]' });
  });
});
