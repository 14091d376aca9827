'use strict';

const { useSandbox } = require('../test-support');

const t = useSandbox();

const burst = (n, path = '/auth/me') => Promise.all(Array.from({ length: n }, () => t.api('GET', path)));

describe('rate limit', () => {
  test('over rps in the trailing second → 429 Too Many Requests, no Retry-After by default', async () => {
    t.sb.setRateLimit({ rps: 5 });
    const results = await burst(8);
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const limited = results.filter((r) => r.status === 429);
    for (const r of limited) {
      expect(r.json).toEqual({ error: 'Too Many Requests' });
      expect(r.headers.get('retry-after')).toBeNull();
    }
    expect(t.sb.stats()).toMatchObject({ rateLimited: 3, byStatus: { 200: 5, 429: 3 } });
    expect(t.sb.requests.filter((e) => e.fault === 'rate-limit')).toHaveLength(3);
  });

  test('retryAfter: true adds Retry-After: 1', async () => {
    t.sb.setRateLimit({ rps: 1, retryAfter: true });
    const [a, b] = [await t.api('GET', '/auth/me'), await t.api('GET', '/auth/me')];
    expect(a.status).toBe(200);
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBe('1');
  });

  test('the window slides: requests pass again after a second', async () => {
    t.sb.setRateLimit({ rps: 3 });
    expect((await burst(4)).filter((r) => r.status === 429)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await burst(3)).every((r) => r.status === 200)).toBe(true);
  });

  test('unauthorized requests count too, and a rate-limited request changes nothing', async () => {
    t.sb.setRateLimit({ rps: 1 });
    await t.api('GET', '/auth/me', undefined, { token: null });
    const { SEED } = require('..');
    const r = await t.api('PATCH', `/contacts/${SEED.contacts.ada.uuid}`, { name: 'X' });
    expect(r.status).toBe(429);
    expect(t.sb.getContact(SEED.contacts.ada.uuid).name).toBe('Ada Lovelace');
  });

  test('setRateLimit(null) turns it off', async () => {
    t.sb.setRateLimit({ rps: 1 });
    t.sb.setRateLimit(null);
    expect((await burst(10)).every((r) => r.status === 200)).toBe(true);
  });
});

describe('latency', () => {
  test('a fixed latency delays every /v1 response, including 401s', async () => {
    t.sb.setLatency(150);
    expect((await t.api('GET', '/auth/me')).ms).toBeGreaterThanOrEqual(140);
    const denied = await t.api('GET', '/auth/me', undefined, { token: null });
    expect(denied.status).toBe(401);
    expect(denied.ms).toBeGreaterThanOrEqual(140);
  });

  test('a {min, max} latency stays in range', async () => {
    t.sb.setLatency({ min: 50, max: 120 });
    for (let i = 0; i < 5; i++) {
      const r = await t.api('GET', '/auth/me');
      expect(r.ms).toBeGreaterThanOrEqual(45);
      expect(r.ms).toBeLessThan(1000);
    }
  });

  test('control endpoints are never delayed; latency 0 is fast', async () => {
    t.sb.setLatency(1000);
    const started = Date.now();
    await fetch(`${t.sb.origin}/__sandbox/health`);
    expect(Date.now() - started).toBeLessThan(500);
    t.sb.setLatency(0);
    expect((await t.api('GET', '/auth/me')).ms).toBeLessThan(500);
  });

  test('invalid latencies are refused', () => {
    expect(() => t.sb.setLatency(-5)).toThrow(TypeError);
    expect(() => t.sb.setLatency({ min: 10, max: 5 })).toThrow(TypeError);
  });
});

describe('in-flight requests', () => {
  test('stats() counts the most /v1 requests open at once', async () => {
    t.sb.setLatency(40);
    await Promise.all(Array.from({ length: 6 }, () => t.api('GET', '/auth/me')));
    expect(t.sb.stats()).toMatchObject({ inFlight: 0, peakInFlight: 6 });
    for (let i = 0; i < 3; i++) await t.api('GET', '/auth/me');
    t.sb.reset();
    expect(t.sb.stats().peakInFlight).toBe(0);
    await t.api('GET', '/auth/me');
    expect(t.sb.stats().peakInFlight).toBe(1);
  });

  test('a reset socket is no longer in flight', async () => {
    t.sb.failNext(1, 'reset');
    await fetch(`${t.sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.sb.stats().inFlight).toBe(0);
  });
});
