'use strict';

const { useSandbox } = require('../test-support');

const t = useSandbox();

describe('auth and HTTP basics', () => {
  test.each([
    ['no Authorization header', { token: null }],
    ['wrong token', { token: 'not-the-token' }],
    ['wrong scheme', { token: null, headers: { Authorization: 'Basic sandbox-token' } }],
    ['token with extra characters', { token: 'sandbox-token2' }],
  ])('%s → 401 {"error":"Unauthorized"}', async (_name, opts) => {
    const r = await t.api('GET', '/contacts', undefined, opts);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: 'Unauthorized' });
  });

  test('every /v1 route requires the token, even unknown ones', async () => {
    expect((await t.api('GET', '/auth/me', undefined, { token: null })).status).toBe(401);
    expect((await t.api('GET', '/no/such/route', undefined, { token: null })).status).toBe(401);
  });

  test('GET /auth/me with the token → snake_case body with a masked api_key', async () => {
    const r = await t.api('GET', '/auth/me');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', user_email: 'ada.agent@example.com', user_name: 'Ada Agent', api_key: 'sand…oken' });
    expect(r.text).not.toContain('sandbox-token');
  });

  test('the Bearer scheme is case-insensitive', async () => {
    const r = await t.api('GET', '/auth/me', undefined, { token: null, headers: { Authorization: 'bearer sandbox-token' } });
    expect(r.status).toBe(200);
  });

  test('unknown route → 404 {"error":"Not Found"}', async () => {
    const r = await t.api('GET', '/templates/abc/nothing');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: 'Not Found' });
  });

  test('paths outside /v1 → 404', async () => {
    const res = await fetch(`${t.sb.origin}/v2/contacts`, { headers: { Authorization: 'Bearer sandbox-token' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not Found' });
  });

  test('wrong method on a known path → 405 with Allow', async () => {
    const r = await t.api('PUT', '/contacts', {});
    expect(r.status).toBe(405);
    expect(r.json).toEqual({ error: 'Method Not Allowed' });
    expect(r.headers.get('allow')).toBe('GET, POST');
    expect((await t.api('POST', '/auth/me')).status).toBe(405);
  });

  test('malformed JSON body → 400', async () => {
    const r = await t.api('PATCH', `/contacts/${t.sb.state.contacts.keys().next().value}`, '{"name": "x",');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'Malformed JSON body' });
  });

  test('responses are JSON', async () => {
    const r = await t.api('GET', '/funnels');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('a custom token replaces the default one', async () => {
    const { createSandbox } = require('..');
    const sb = await createSandbox({ token: 'another-secret-token' });
    try {
      const ok = await fetch(`${sb.url}/auth/me`, { headers: { Authorization: 'Bearer another-secret-token' } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).api_key).toBe('anot…oken');
      const old = await fetch(`${sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } });
      expect(old.status).toBe(401);
      expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(sb.origin).toBe(sb.url.slice(0, -3));
    } finally {
      await sb.close();
    }
  });
});
