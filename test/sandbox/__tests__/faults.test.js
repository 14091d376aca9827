'use strict';

const { createSandbox, SEED } = require('..');
const { useSandbox } = require('../test-support');

const t = useSandbox({ seed: 7 });
const ada = SEED.contacts.ada.uuid;

/** Send n sequential GETs; returns the status of each ('error' when the socket was reset). */
async function statuses(sb, n, path = '/auth/me') {
  const out = [];
  for (let i = 0; i < n; i++) {
    try {
      const res = await fetch(`${sb.url}${path}`, { headers: { Authorization: 'Bearer sandbox-token' } });
      await res.text();
      out.push(res.status);
    } catch {
      out.push('error');
    }
  }
  return out;
}

const SPEC = { rate429: 0.15, rate429RetryAfter: 0.5, rate5xx: 0.15, rateReset: 0.05 };

describe('random faults', () => {
  test('the same seed gives the same faults; another seed differs', async () => {
    const a = await createSandbox({ seed: 123, faults: SPEC });
    const b = await createSandbox({ seed: 123, faults: SPEC });
    const c = await createSandbox({ seed: 124, faults: SPEC });
    try {
      const sa = await statuses(a, 120);
      const sb = await statuses(b, 120);
      const sc = await statuses(c, 120);
      expect(sa).toEqual(sb);
      expect(a.requests.map((e) => e.fault)).toEqual(b.requests.map((e) => e.fault));
      expect(sc).not.toEqual(sa);
      // every kind shows up at these rates, and most requests succeed
      expect(sa).toEqual(expect.arrayContaining([200, 429, 'error']));
      expect(sa.filter((s) => s === 200).length).toBeGreaterThan(50);
      expect(sa.some((s) => s === 500 || s === 502 || s === 503)).toBe(true);
      expect(a.stats().faults['reset']).toBe(sa.filter((s) => s === 'error').length);
      expect(a.requests.filter((e) => e.status === 'reset')).toHaveLength(a.stats().faults.reset);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  test('reset() replays the same fault sequence', async () => {
    t.sb.setFaults(SPEC);
    const first = await statuses(t.sb, 40);
    t.sb.reset();
    t.sb.setFaults(SPEC);
    expect(await statuses(t.sb, 40)).toEqual(first);
  });

  test('a share of 429s carries Retry-After: 1', async () => {
    t.sb.setFaults({ rate429: 1, rate429RetryAfter: 0.5 });
    const headers = [];
    for (let i = 0; i < 30; i++) {
      const r = await t.api('GET', '/auth/me');
      expect(r.status).toBe(429);
      expect(r.json).toEqual({ error: 'Too Many Requests' });
      headers.push(r.headers.get('retry-after'));
    }
    expect(headers).toContain('1');
    expect(headers).toContain(null);
    expect(new Set(headers)).toEqual(new Set(['1', null]));
  });

  test('5xx faults are spread over 500/502/503', async () => {
    t.sb.setFaults({ rate5xx: 1 });
    const got = await statuses(t.sb, 40);
    expect(new Set(got)).toEqual(new Set([500, 502, 503]));
    expect(t.sb.stats().faults['500'] + t.sb.stats().faults['502'] + t.sb.stats().faults['503']).toBe(40);
  });

  test('a faulted request never changes state', async () => {
    t.sb.setFaults({ rate5xx: 1 });
    for (let i = 0; i < 5; i++) await t.api('PATCH', `/contacts/${ada}`, { name: `Changed ${i}` });
    await t.api('DELETE', `/contacts/${ada}`);
    expect(t.sb.getContact(ada).name).toBe('Ada Lovelace');
    expect(t.sb.requests.every((e) => e.fault !== null)).toBe(true);
  });

  test('paths limits which requests get faults', async () => {
    t.sb.setFaults({ rate5xx: 1, paths: '^/contacts' });
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
    expect((await t.api('GET', '/contacts')).status).toBeGreaterThanOrEqual(500);
  });

  test('faulted requests are logged before the fault, including unauthorized ones', async () => {
    t.sb.setFaults({ rate5xx: 1 });
    await t.api('GET', '/auth/me', undefined, { token: null });
    expect(t.sb.requests[0]).toMatchObject({ authorized: false, fault: expect.stringMatching(/^50[023]$/), status: expect.any(Number) });
  });

  test('reset() clears faults', async () => {
    t.sb.setFaults({ rate5xx: 1 });
    t.sb.failNext(3, '500');
    t.sb.reset();
    expect(t.sb.config()).toMatchObject({ faults: null, pendingFailures: 0 });
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
  });

  test('invalid specs are refused', () => {
    expect(() => t.sb.setFaults({ rate429: 0.7, rate5xx: 0.7 })).toThrow(TypeError);
    expect(() => t.sb.setFaults({ rate500: 0.1 })).toThrow(TypeError);
    expect(() => t.sb.setFaults({ paths: '[' })).toThrow();
    expect(() => t.sb.failNext(1, '418')).toThrow(TypeError);
  });
});

describe('failNext', () => {
  test.each(['429', '500', '502', '503'])('kind %s', async (kind) => {
    t.sb.failNext(2, kind);
    expect((await t.api('PATCH', `/contacts/${ada}`, { name: 'X' })).status).toBe(Number(kind));
    expect((await t.api('GET', '/auth/me')).status).toBe(Number(kind));
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
    expect(t.sb.getContact(ada).name).toBe('Ada Lovelace');
    expect(t.sb.stats().faults[kind]).toBe(2);
    expect(t.sb.requests.map((e) => e.fault)).toEqual([kind, kind, null]);
  });

  test('429 with retryAfter option', async () => {
    t.sb.failNext(1, '429', { retryAfter: true });
    const r = await t.api('GET', '/auth/me');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('1');
  });

  test("429 with retryAfter 'date' sends an HTTP date about a second ahead", async () => {
    t.sb.failNext(1, '429', { retryAfter: 'date' });
    const r = await t.api('GET', '/auth/me');
    expect(r.status).toBe(429);
    const at = Date.parse(/** @type {string} */ (r.headers.get('retry-after')));
    expect(r.headers.get('retry-after')).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(at - Date.now()).toBeGreaterThan(-1000);
    expect(at - Date.now()).toBeLessThanOrEqual(1000);
  });

  test('an unknown retryAfter form is refused', () => {
    expect(() => t.sb.failNext(1, '429', { retryAfter: /** @type {any} */ ('soon') })).toThrow(/retryAfter/);
  });

  test("retryAfterFormat 'mixed' gives both forms, 'date' only dates", async () => {
    t.sb.setFaults({ rate429: 1, rate429RetryAfter: 1, retryAfterFormat: 'mixed' });
    const forms = new Set();
    for (let i = 0; i < 40; i++) {
      const value = (await t.api('GET', '/auth/me')).headers.get('retry-after');
      forms.add(value === '1' ? 'seconds' : Number.isNaN(Date.parse(String(value))) ? 'other' : 'date');
    }
    expect([...forms].sort()).toEqual(['date', 'seconds']);
    t.sb.setFaults({ rate429: 1, rate429RetryAfter: 1, retryAfterFormat: 'date' });
    expect((await t.api('GET', '/auth/me')).headers.get('retry-after')).toMatch(/GMT$/);
    expect(() => t.sb.setFaults({ rate429: 1, retryAfterFormat: 'hours' })).toThrow(/retryAfterFormat/);
  });

  test('reset destroys the socket without a response', async () => {
    t.sb.failNext(1, 'reset');
    await expect(fetch(`${t.sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } })).rejects.toThrow();
    expect(t.sb.requests[0]).toMatchObject({ status: 'reset', fault: 'reset' });
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
  });

  test('timeout holds the response for timeoutMs, then answers 504 without applying', async () => {
    t.sb.failNext(1, 'timeout', { timeoutMs: 300 });
    const r = await t.api('PATCH', `/contacts/${ada}`, { name: 'Late' });
    expect(r.ms).toBeGreaterThanOrEqual(280);
    expect(r.status).toBe(504);
    expect(t.sb.requests[0]).toMatchObject({ status: 'timeout', fault: 'timeout' });
    expect(t.sb.getContact(ada).name).toBe('Ada Lovelace');
  });

  test('a client that gives up during a timeout does not break the sandbox', async () => {
    t.sb.failNext(1, 'timeout', { timeoutMs: 10_000 });
    await expect(fetch(`${t.sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' }, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await t.api('GET', '/auth/me')).status).toBe(200);
  });

  test('failNext takes precedence over random faults and does not consume random draws', async () => {
    const spec = { rate5xx: 0.5 };
    t.sb.setFaults(spec);
    const plain = await statuses(t.sb, 20);
    t.sb.reset();
    t.sb.setFaults(spec);
    t.sb.failNext(1, '429');
    const withForced = await statuses(t.sb, 21);
    expect(withForced[0]).toBe(429);
    expect(withForced.slice(1)).toEqual(plain);
  });
});

test('close() does not wait for held timeouts', async () => {
  const sb = await createSandbox({ faults: { rateTimeout: 1, timeoutMs: 60_000 } });
  const pending = fetch(`${sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } }).catch(() => 'closed');
  await new Promise((r) => setTimeout(r, 100));
  const started = Date.now();
  await sb.close();
  expect(await pending).toBe('closed');
  expect(Date.now() - started).toBeLessThan(2000);
});
