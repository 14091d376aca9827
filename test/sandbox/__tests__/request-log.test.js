'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();

describe('request log (sb.requests)', () => {
  test('records method, decoded path, raw path, query, parsed body, auth and status', async () => {
    await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}?x=1&y=a%20b`, { name: 'Ada' });
    expect(t.sb.requests).toEqual([{
      seq: 1, at: expect.any(String), method: 'PATCH', path: `/contacts/${SEED.contacts.ada.uuid}`, rawPath: `/contacts/${SEED.contacts.ada.uuid}`,
      url: `/v1/contacts/${SEED.contacts.ada.uuid}?x=1&y=a%20b`, query: { x: '1', y: 'a b' }, body: { name: 'Ada' },
      authorized: true, status: 200, fault: null,
    }]);
  });

  test('path is decoded, rawPath is exactly as received', async () => {
    await t.api('GET', '/contacts/phone/%2B44%207700%20900001');
    const [e] = t.sb.requests;
    expect(e.path).toBe('/contacts/phone/+44 7700 900001');
    expect(e.rawPath).toBe('/contacts/phone/%2B44%207700%20900001');
  });

  test('401s, 404s and malformed bodies are logged in arrival order', async () => {
    await t.api('GET', '/contacts', undefined, { token: 'wrong' });
    await t.api('GET', '/nope');
    await t.api('POST', '/contacts', '{oops');
    await t.api('GET', '/auth/me');
    expect(t.sb.requests.map((e) => [e.seq, e.path, e.authorized, e.status])).toEqual([
      [1, '/contacts', false, 401], [2, '/nope', true, 404], [3, '/contacts', true, 400], [4, '/auth/me', true, 200],
    ]);
    expect(t.sb.requests[2].body).toBe('{oops');
    expect(t.sb.requests[0].body).toBeUndefined();
  });

  test('never contains the token, wherever the client put it', async () => {
    await t.api('GET', '/auth/me');
    await t.api('GET', '/contacts', undefined, { token: 'wrong-token' });
    await t.api('GET', '/contacts?api_key=sandbox-token');
    await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { note: 'my key is sandbox-token' });
    await t.api('GET', '/sandbox-token/x');
    const dump = JSON.stringify(t.sb.requests);
    expect(dump).not.toContain('sandbox-token');
    expect(dump).not.toMatch(/Bearer/i);
    expect(dump).toContain('[REDACTED]');
    const viaHttp = await (await fetch(`${t.sb.origin}/__sandbox/requests`)).text();
    expect(viaHttp).not.toContain('sandbox-token');
  });

  test('control endpoints and non-/v1 paths are not logged', async () => {
    await fetch(`${t.sb.origin}/__sandbox/health`);
    await fetch(`${t.sb.origin}/other`);
    expect(t.sb.requests).toHaveLength(0);
  });

  test('stats() counts statuses', async () => {
    await t.api('GET', '/auth/me');
    await t.api('GET', '/auth/me');
    await t.api('GET', '/auth/me', undefined, { token: null });
    expect(t.sb.stats()).toEqual({ requests: 3, byStatus: { 200: 2, 401: 1 }, faults: {}, rateLimited: 0, inFlight: 0, peakInFlight: 1 });
  });

  test('reset() clears the log, the counters and the state', async () => {
    await t.api('DELETE', `/contacts/${SEED.contacts.ada.uuid}`);
    t.sb.reset();
    expect(t.sb.requests).toHaveLength(0);
    expect(t.sb.stats().requests).toBe(0);
    expect(t.sb.getContact(SEED.contacts.ada.uuid)).toBeDefined();
    await t.api('GET', '/auth/me');
    expect(t.sb.requests[0].seq).toBe(1);
  });
});
