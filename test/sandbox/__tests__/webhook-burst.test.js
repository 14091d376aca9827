'use strict';
// The burst deliverer (webhooks/burst.js): the plan, re-signing of re-deliveries, the summary,
// and a small burst over real HTTP to a local receiver that checks every signature.

const crypto = require('crypto');
const http = require('http');

const { planBurst, signedDelivery, runBurst, summarizeBurst, percentile, DELIVERY_TIMEOUT_MS } = require('../webhooks/burst');

const SECRET = 'whsec_burst_0123456789abcdef';

function parseSignature(header) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  return m ? { t: Number(m[1]), v1: m[2] } : null;
}

describe('planBurst', () => {
  const plan = planBurst({ count: 1000, seconds: 20, redeliverShare: 0.1, seed: 7, runId: 'ab12', startedAt: Date.parse('2026-01-01T00:00:00Z') });
  const first = plan.filter((d) => !d.redelivery);
  const again = plan.filter((d) => d.redelivery);

  test('1,000 distinct message_created deliveries, each its own message and contact, spread over 20 s', () => {
    expect(first).toHaveLength(1000);
    expect(new Set(first.map((d) => d.payload.uuid)).size).toBe(1000);
    expect(new Set(first.map((d) => d.payload.contact.uuid)).size).toBe(1000);
    expect(first.every((d) => d.event === 'message_created' && d.payload.status === 'received')).toBe(true);
    expect(Math.min(...first.map((d) => d.atMs))).toBe(0);
    expect(Math.max(...first.map((d) => d.atMs))).toBeLessThan(20000);
    expect(Math.max(...first.map((d) => d.atMs))).toBeGreaterThan(19900);
    expect(first[0].payload.uuid).toMatch(/^b0ab1200-0000-4000-8000-0{12}$/);
  });

  test('10 % re-delivered once each, same payload, 1–5 s after the first delivery', () => {
    expect(again).toHaveLength(100);
    expect(new Set(again.map((d) => d.index)).size).toBe(100);
    for (const d of again) {
      const original = first.find((f) => f.index === d.index);
      expect(d.payload).toBe(original.payload);
      expect(d.atMs - original.atMs).toBeGreaterThanOrEqual(1000);
      expect(d.atMs - original.atMs).toBeLessThanOrEqual(5000);
    }
  });

  test('in sending order, reproducible from the seed, another seed picks others', () => {
    expect(plan.map((d) => d.atMs)).toEqual([...plan.map((d) => d.atMs)].sort((a, b) => a - b));
    const same = planBurst({ count: 1000, seconds: 20, seed: 7, runId: 'ab12', startedAt: Date.parse('2026-01-01T00:00:00Z') });
    expect(same.filter((d) => d.redelivery).map((d) => d.index)).toEqual(again.map((d) => d.index));
    const other = planBurst({ count: 1000, seconds: 20, seed: 8, runId: 'ab12' });
    expect(other.filter((d) => d.redelivery).map((d) => d.index)).not.toEqual(again.map((d) => d.index));
  });

  test('bad settings are refused', () => {
    expect(() => planBurst({ count: 0, seconds: 1 })).toThrow('count');
    expect(() => planBurst({ count: 5, seconds: -1 })).toThrow('seconds');
    expect(() => planBurst({ count: 5, seconds: 1, redeliverShare: 2 })).toThrow('redeliverShare');
    expect(() => planBurst({ count: 5, seconds: 1, runId: 'xyz' })).toThrow('runId');
  });
});

describe('signedDelivery', () => {
  const [d] = planBurst({ count: 1, seconds: 0 });

  test('signs "t.body" with HMAC-SHA256 of the whole secret', () => {
    const req = signedDelivery(d, SECRET, 1767225600);
    const sig = parseSignature(req.headers['X-Callbell-Signature']);
    expect(sig.t).toBe(1767225600);
    expect(sig.v1).toBe(crypto.createHmac('sha256', SECRET).update(`1767225600.${req.body}`).digest('hex'));
    expect(JSON.parse(req.body)).toEqual({ event: 'message_created', payload: d.payload });
  });

  test('a re-delivery in the same second still gets a later t, so a new signature over the same body', () => {
    const firstReq = signedDelivery(d, SECRET, 1767225600);
    const again = signedDelivery(d, SECRET, 1767225600, firstReq.t);
    expect(again.t).toBe(1767225601);
    expect(again.body).toBe(firstReq.body);
    expect(again.headers['X-Callbell-Signature']).not.toBe(firstReq.headers['X-Callbell-Signature']);
    expect(signedDelivery(d, SECRET, 1767225700, firstReq.t).t).toBe(1767225700);
  });

  test('no secret, no signature header', () => {
    expect(signedDelivery(d, null, 1).headers['X-Callbell-Signature']).toBeUndefined();
  });
});

describe('summarizeBurst', () => {
  const rec = (over) => ({ id: 0, index: 0, redelivery: false, scheduledMs: 0, sentMs: 0, t: 1, status: 200, error: null, answerMs: 10, ...over });

  test('counts answers by status, errors, times against the timeout', () => {
    const s = summarizeBurst([
      rec({ answerMs: 5 }),
      rec({ answerMs: 50, redelivery: true, sentMs: 30, scheduledMs: 10 }),
      rec({ status: 503, answerMs: 20 }),
      rec({ status: null, error: 'timeout', answerMs: 10001 }),
    ], 10000);
    expect(s).toMatchObject({ requests: 4, first: 3, redeliveries: 1, ok2xx: 2, all2xx: false, byStatus: { 200: 2, 503: 1 }, errors: { timeout: 1 }, withinTimeout: 3, okWithinTimeout: 2, maxMs: 10001, maxLateMs: 20 });
    expect(summarizeBurst([rec({ answerMs: 10500 })], 10000).okWithinTimeout).toBe(0);
    expect(summarizeBurst([rec({}), rec({ status: 204 })]).all2xx).toBe(true);
    expect(summarizeBurst([]).timeoutMs).toBe(DELIVERY_TIMEOUT_MS);
  });

  test('percentile by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBeUndefined();
  });
});

describe('runBurst over HTTP', () => {
  let server;
  let url;
  const received = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const sig = parseSignature(String(req.headers['x-callbell-signature']));
        const valid = sig && crypto.createHmac('sha256', SECRET).update(`${sig.t}.${body}`).digest('hex') === sig.v1;
        received.push({ uuid: JSON.parse(body).payload.uuid, t: sig && sig.t, valid });
        const n = received.length;
        res.writeHead(n === 3 ? 503 : 200, { 'Content-Type': 'application/json' });
        res.end('{"status":"ok"}');
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${server.address().port}/webhook`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  test('every planned request is sent, signed, and recorded with its status and answer time', async () => {
    const plan = planBurst({ count: 20, seconds: 0.2, redeliverShare: 0.25, seed: 3 });
    // Re-deliveries 1–5 s later would slow the test: bring them forward, keep their order.
    const quick = plan.map((d) => (d.redelivery ? { ...d, atMs: 250 + d.id } : d));
    const records = await runBurst({ url, plan: quick, secret: SECRET, timeoutMs: 2000 });
    expect(records).toHaveLength(25);
    expect(received).toHaveLength(25);
    expect(received.every((r) => r.valid)).toBe(true);
    const summary = summarizeBurst(records, 2000);
    expect(summary).toMatchObject({ requests: 25, first: 20, redeliveries: 5, ok2xx: 24, byStatus: { 200: 24, 503: 1 }, all2xx: false });
    expect(records.every((r) => r.answerMs !== null && r.answerMs >= 0)).toBe(true);
    for (const r of records.filter((x) => x.redelivery)) {
      const original = records.find((x) => !x.redelivery && x.index === r.index);
      expect(r.t).toBeGreaterThan(original.t);
    }
  });
});
