'use strict';

const { useSandbox, unwrapContact } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();

/** Follow meta.next from the first page (page param) to the end. */
async function walkCursor(query = '') {
  const seen = [];
  let r = await t.api('GET', `/contacts${query ? `?${query}` : ''}`);
  for (;;) {
    expect(r.status).toBe(200);
    seen.push(...r.json.contacts.map((c) => c.uuid));
    if (!r.json.meta.next) return seen;
    r = await t.api('GET', `/contacts?${query ? `${query}&` : ''}after=${r.json.meta.next}`);
  }
}

describe('GET /contacts pagination', () => {
  test('20 per page, 3 pages for the 60 seeded contacts, most recent conversation first', async () => {
    const r = await t.api('GET', '/contacts');
    expect(r.json.contacts).toHaveLength(20);
    expect(r.json.meta).toEqual({ page: 1, pages: 3, next: expect.any(String) });
    expect(r.json.meta.next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(r.json.contacts.slice(0, 3).map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    expect(SEED.contactCount).toBe(60);
  });

  test('page=2 and page=3; a page past the end is empty', async () => {
    const p2 = await t.api('GET', '/contacts?page=2');
    expect(p2.json.meta).toMatchObject({ page: 2, pages: 3 });
    const p3 = await t.api('GET', '/contacts?page=3');
    expect(p3.json.contacts).toHaveLength(20);
    expect(p3.json.meta).toEqual({ page: 3, pages: 3, next: null });
    const p4 = await t.api('GET', '/contacts?page=4');
    expect(p4.json).toEqual({ contacts: [], meta: { page: 4, pages: 3, next: null } });
  });

  test('pages past 500 → 400 Pagination limit exceeded; page 500 is fine', async () => {
    const r = await t.api('GET', '/contacts?page=501');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'Pagination limit exceeded' });
    expect((await t.api('GET', '/contacts?page=500')).status).toBe(200);
  });

  test.each(['0', '-1', 'abc', '1.5'])('page=%s → 400', async (page) => {
    expect((await t.api('GET', `/contacts?page=${page}`)).status).toBe(400);
  });

  test('walking meta.next visits every contact once, in page order', async () => {
    const viaCursor = await walkCursor();
    const viaPages = [];
    for (let p = 1; p <= 3; p++) viaPages.push(...(await t.api('GET', `/contacts?page=${p}`)).json.contacts.map((c) => c.uuid));
    expect(viaCursor).toHaveLength(60);
    expect(new Set(viaCursor).size).toBe(60);
    expect(viaCursor).toEqual(viaPages);
  });

  test('after takes precedence over page, and the cursor is past the 500-page cap', async () => {
    const first = await t.api('GET', '/contacts');
    const r = await t.api('GET', `/contacts?page=999&after=${first.json.meta.next}`);
    expect(r.status).toBe(200);
    expect(r.json.meta.page).toBe(2);
    expect(r.json.contacts[0].uuid).toBe((await t.api('GET', '/contacts?page=2')).json.contacts[0].uuid);
  });

  test.each([
    ['garbage characters', 'not a cursor!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['base64 of the wrong JSON', Buffer.from(JSON.stringify({ page: 2 })).toString('base64url')],
    ['empty', ''],
  ])('malformed cursor (%s) → 400 Invalid pagination cursor', async (_n, cursor) => {
    const r = await t.api('GET', `/contacts?after=${encodeURIComponent(cursor)}`);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'Invalid pagination cursor' });
  });

  test('contacts created after iteration started are not included', async () => {
    const first = await t.api('GET', '/contacts');
    const created = unwrapContact((await t.api('POST', '/contacts', { identifier: '+44 7700 900555', source: 'whatsapp', name: 'Late' })).json);
    const seen = first.json.contacts.map((c) => c.uuid);
    let next = first.json.meta.next;
    while (next) {
      const r = await t.api('GET', `/contacts?after=${next}`);
      seen.push(...r.json.contacts.map((c) => c.uuid));
      next = r.json.meta.next;
    }
    expect(seen).toHaveLength(60);
    expect(seen).not.toContain(created.uuid);
    expect((await t.api('GET', '/contacts')).json.contacts[0].uuid).toBe(created.uuid);
  });
});

describe('GET /contacts filters', () => {
  test('source', async () => {
    const all = await walkCursor('source=instagram');
    expect(all.length).toBe(14);
    for (const uuid of all) expect(t.sb.getContact(uuid).source).toBe('instagram');
  });

  test('tags: comma-separated, case-insensitive, contact must have ALL of them', async () => {
    const both = await walkCursor('tags=customer,%20VIP');
    expect(both).toContain(SEED.contacts.ada.uuid);
    for (const uuid of both) expect(t.sb.getContact(uuid).tags).toEqual(expect.arrayContaining(['Customer', 'VIP']));
    const customers = await walkCursor('tags=CUSTOMER');
    expect(customers.length).toBeGreaterThan(both.length);
    expect((await t.api('GET', '/contacts?tags=NoSuchTag')).json).toEqual({ contacts: [], meta: { page: 1, pages: 0, next: null } });
  });

  test('team_uuid', async () => {
    const sales = await walkCursor(`team_uuid=${SEED.teams.sales.uuid}`);
    expect(sales.length).toBeGreaterThan(0);
    for (const uuid of sales) expect(t.sb.getContact(uuid).team.uuid).toBe(SEED.teams.sales.uuid);
  });

  test('filters combine and pages/meta reflect the filtered list', async () => {
    const r = await t.api('GET', `/contacts?source=whatsapp&team_uuid=${SEED.teams.sales.uuid}`);
    const expected = [...t.sb.state.contacts.values()].filter((c) => c.source === 'whatsapp' && c.teamUuid === SEED.teams.sales.uuid).length;
    expect(r.json.meta.pages).toBe(Math.ceil(expected / 20));
    expect(r.json.contacts.length).toBe(Math.min(20, expected));
  });

  test('include_field_types=true adds customFieldsMetadata to listed contacts', async () => {
    const r = await t.api('GET', '/contacts?include_field_types=true');
    for (const c of r.json.contacts) expect(Object.keys(c.customFieldsMetadata)).toHaveLength(6);
    const plain = await t.api('GET', '/contacts');
    expect(plain.json.contacts[0].customFieldsMetadata).toBeUndefined();
  });
});

describe('other paginated lists', () => {
  test('messages: newest first, 20 per page, no meta', async () => {
    const p1 = await t.api('GET', `/contacts/${SEED.contacts.ada.uuid}/messages`);
    expect(Object.keys(p1.json)).toEqual(['messages']);
    expect(p1.json.messages).toHaveLength(20);
    const times = p1.json.messages.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const p2 = await t.api('GET', `/contacts/${SEED.contacts.ada.uuid}/messages?page=2`);
    expect(p2.json.messages).toHaveLength(5);
    expect((await t.api('GET', `/contacts/${SEED.contacts.ada.uuid}/messages?page=3`)).json.messages).toEqual([]);
  });

  test('teams and members carry meta {page, pages}', async () => {
    expect((await t.api('GET', '/teams')).json.meta).toEqual({ page: 1, pages: 1 });
    expect((await t.api('GET', '/teams?page=2')).json).toEqual({ teams: [], meta: { page: 2, pages: 1 } });
    expect((await t.api('GET', `/teams/${SEED.teams.support.uuid}/members`)).json.meta).toEqual({ page: 1, pages: 1 });
  });
});
