'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ctl = async (method, path, body) => {
  const res = await fetch(`${t.sb.origin}/__sandbox${path}`, {
    method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
};

describe('control endpoints (/__sandbox, no auth)', () => {
  test('GET /health', async () => {
    expect(await ctl('GET', '/health')).toEqual({ status: 200, json: { ok: true } });
  });

  test('GET and DELETE /requests', async () => {
    await t.api('GET', '/auth/me');
    const r = await ctl('GET', '/requests');
    expect(r.json.requests).toHaveLength(1);
    expect(r.json.requests[0]).toMatchObject({ method: 'GET', path: '/auth/me', status: 200 });
    expect((await ctl('DELETE', '/requests')).json).toEqual({ ok: true });
    expect(t.sb.requests).toHaveLength(0);
  });

  test('POST /reset re-seeds', async () => {
    await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'Changed' });
    expect((await ctl('POST', '/reset')).json).toEqual({ ok: true });
    expect(t.sb.getContact(SEED.contacts.ada.uuid).name).toBe('Ada Lovelace');
    expect(t.sb.requests).toHaveLength(0);
  });

  test('POST /contacts adds bulk contacts that the API serves; reset removes them', async () => {
    const before = t.sb.state.contacts.size;
    const r = await ctl('POST', '/contacts', { count: 3, namePrefix: 'Bulk' });
    expect(r.status).toBe(200);
    expect(r.json.uuids).toHaveLength(3);
    expect(new Set(r.json.uuids).size).toBe(3);
    expect(t.sb.state.contacts.size).toBe(before + 3);
    const third = await t.api('GET', `/contacts/${r.json.uuids[2]}`);
    expect(third.status).toBe(200);
    const contact = Array.isArray(third.json.contact) ? third.json.contact[0] : third.json.contact;
    expect(contact).toMatchObject({ uuid: r.json.uuids[2], name: 'Bulk 3', source: 'whatsapp' });
    expect((await t.api('PATCH', `/contacts/${r.json.uuids[0]}`, { name: 'Renamed' })).status).toBe(200);
    expect(t.sb.getContact(r.json.uuids[0]).name).toBe('Renamed');
    expect((await ctl('POST', '/contacts', { count: 0 })).status).toBe(400);
    expect((await ctl('POST', '/contacts', { count: 'many' })).status).toBe(400);
    t.sb.reset();
    expect(t.sb.state.contacts.size).toBe(before);
  });

  test('GET /contacts/:uuid returns contact, bot and notes', async () => {
    await t.api('POST', `/contacts/${SEED.contacts.ada.uuid}/conversation/note`, { text: 'n1' });
    const r = await ctl('GET', `/contacts/${SEED.contacts.ada.uuid}?include_field_types=true`);
    expect(r.json.contact).toEqual(t.sb.getContact(SEED.contacts.ada.uuid, { fieldTypes: true }));
    expect(r.json.bot.status).toBe('in_progress');
    expect(r.json.notes).toEqual([{ text: 'n1', createdAt: expect.any(String) }]);
    expect(await ctl('GET', '/contacts/nope')).toEqual({ status: 404, json: { error: 'Contact not found' } });
  });

  test('GET /state returns contacts and account definitions', async () => {
    const r = await ctl('GET', '/state');
    expect(r.json.contacts).toHaveLength(60);
    expect(r.json.account.tags).toEqual(SEED.tags);
    expect(r.json.account.customFields.map((f) => f.name)).toEqual(SEED.customFields.map((f) => f.name));
    expect(r.json.account.teams).toHaveLength(3);
    expect(r.json.account.users).toHaveLength(4);
    expect(r.json.account.channels).toHaveLength(6);
    expect(r.json.account.templates).toHaveLength(10);
    expect(r.json.account.funnels).toHaveLength(3);
  });

  test('POST /config applies latency, faults, rateLimit and contactShape', async () => {
    const r = await ctl('POST', '/config', { latencyMs: 5, faults: { rate5xx: 0.5 }, rateLimit: { rps: 100 }, contactShape: 'object' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ latencyMs: 5, faults: { rate5xx: 0.5, rate429: 0 }, rateLimit: { rps: 100, retryAfter: false }, contactShape: 'object' });
    expect((await ctl('GET', '/config')).json).toEqual(r.json);
    expect(t.sb.config().contactShape).toBe('object');
  });

  test.each([
    [{ latencyMs: -1 }], [{ faults: { rate429: 2 } }], [{ faults: { paths: '(' } }], [{ rateLimit: { rps: 0 } }],
    [{ contactShape: 'weird' }], [{ unknownKey: 1 }], ['{bad json'], [[1, 2]],
  ])('POST /config with %j → 400 and nothing changes', async (body) => {
    const before = t.sb.config();
    // objects are combined with a valid change, which must not be applied either
    const isObject = typeof body === 'object' && !Array.isArray(body);
    const r = await ctl('POST', '/config', isObject ? { latencyMs: 7, ...body } : body);
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual(expect.any(String));
    expect(t.sb.config()).toEqual(before);
  });

  test('POST /fail-next queues forced failures', async () => {
    const r = await ctl('POST', '/fail-next', { count: 2, kind: '503' });
    expect(r.json.pendingFailures).toBe(2);
    expect((await t.api('GET', '/auth/me')).status).toBe(503);
    expect((await t.api('GET', '/auth/me')).status).toBe(503);
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
    expect((await ctl('POST', '/fail-next', { kind: 'teapot' })).status).toBe(400);
  });

  test('GET /stats', async () => {
    await t.api('GET', '/auth/me');
    expect((await ctl('GET', '/stats')).json).toEqual({ requests: 1, byStatus: { 200: 1 }, faults: {}, rateLimited: 0, inFlight: 0, peakInFlight: 1 });
  });

  test('unknown control path → 404, wrong method → 405', async () => {
    expect((await ctl('GET', '/nothing')).status).toBe(404);
    expect((await ctl('POST', '/health')).status).toBe(405);
    expect((await ctl('GET', '/reset')).status).toBe(405);
  });
});
