'use strict';

const { createSandbox, SEED } = require('..');
const { useSandbox } = require('../test-support');

const t = useSandbox({ seed: 11 });
const WA = SEED.channels.whatsapp.uuid;
const tplBody = (n) => ({
  to: SEED.contacts.grace.phoneNumber, from: 'whatsapp', type: 'text', channel_uuid: WA, template_uuid: SEED.templates.welcome.uuid,
  optin_contact: true, metadata: { item: String(n) },
});
const post = async (sb, body) => {
  try {
    const res = await fetch(`${sb.url}/messages/send`, { method: 'POST', headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await res.text();
    return res.status;
  } catch {
    return 'error';
  }
};

describe('applied faults: the request takes effect, then its answer is lost', () => {
  test.each([['503', 503], ['500', 500], ['reset', 'error']])('failNext(1, %s, {applied:true}) on a send: the message exists, the client sees the fault', async (kind, seen) => {
    t.sb.failNext(1, kind, { applied: true });
    expect(await post(t.sb, tplBody(1))).toBe(seen);
    expect(t.sb.state.sent.size).toBe(1);
    expect(t.sb.requests[0]).toMatchObject({ fault: kind, appliedStatus: 200 });
    expect(t.sb.events.emitted.map((e) => e.event)).toContain('message_created');
  });

  test('timeout: held, 504, but the message was sent', async () => {
    t.sb.failNext(1, 'timeout', { applied: true, timeoutMs: 50 });
    expect(await post(t.sb, tplBody(1))).toBe(504);
    expect(t.sb.state.sent.size).toBe(1);
  });

  test('an applied fault on an invalid send changes nothing (the handler refused it)', async () => {
    t.sb.failNext(1, '502', { applied: true });
    expect(await post(t.sb, { ...tplBody(1), optin_contact: false })).toBe(502);
    expect(t.sb.state.sent.size).toBe(0);
    expect(t.sb.requests[0]).toMatchObject({ fault: '502', appliedStatus: 422 });
  });

  test('plain faults still never apply; 429 cannot be applied', async () => {
    t.sb.failNext(1, '503');
    expect(await post(t.sb, tplBody(1))).toBe(503);
    expect(t.sb.state.sent.size).toBe(0);
    expect(t.sb.requests[0].appliedStatus).toBeUndefined();
    expect(() => t.sb.failNext(1, '429', { applied: true })).toThrow(/not 429/);
    expect(() => t.sb.failNext(1, '500', { applied: 'yes' })).toThrow(/boolean/);
  });

  test('random faults with appliedShare: some faulted sends took effect, seeded and reproducible', async () => {
    const spec = { rate5xx: 0.3, rateReset: 0.1, appliedShare: 0.5, paths: '^/messages/send$' };
    const run = async () => {
      const sb = await createSandbox({ seed: 5, faults: spec });
      const statuses = [];
      for (let i = 0; i < 60; i++) statuses.push(await post(sb, tplBody(i)));
      const sentItems = [...sb.state.sent.values()].map((m) => Number(m.metadata.item));
      const applied = sb.requests.filter((r) => r.appliedStatus !== undefined).map((r) => r.body.metadata.item);
      await sb.close();
      return { statuses, sentItems, applied };
    };
    const a = await run();
    const b = await run();
    expect(b).toEqual(a);
    const faulted = a.statuses.filter((s) => s !== 200).length;
    expect(faulted).toBeGreaterThan(5);
    expect(a.applied.length).toBeGreaterThan(0);
    expect(a.applied.length).toBeLessThan(faulted);
    // every 200 and every applied fault is exactly one stored message; plain faults stored nothing
    expect(a.sentItems.length).toBe(a.statuses.filter((s) => s === 200).length + a.applied.length);
    expect(new Set(a.sentItems).size).toBe(a.sentItems.length);
  });

  test('appliedShare 0 (the default) keeps the fault sequence of older specs', async () => {
    const spec = { rate5xx: 0.3, rateReset: 0.1 };
    const seq = async (extra) => {
      const sb = await createSandbox({ seed: 9, faults: { ...spec, ...extra } });
      const out = [];
      for (let i = 0; i < 30; i++) {
        try {
          const r = await fetch(`${sb.url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } });
          out.push(r.status);
        } catch {
          out.push('error');
        }
      }
      await sb.close();
      return out;
    };
    expect(await seq({ appliedShare: 0 })).toEqual(await seq({}));
    expect(await seq({ appliedShare: 1 })).toEqual(await seq({}));
  });

  test('appliedShare is validated; POST /__sandbox/fail-next accepts applied', async () => {
    expect(() => t.sb.setFaults({ rate5xx: 0.1, appliedShare: 2 })).toThrow(/appliedShare/);
    const res = await fetch(`${t.sb.origin}/__sandbox/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ count: 1, kind: '500', applied: true }) });
    expect(res.status).toBe(200);
    expect(await post(t.sb, tplBody(1))).toBe(500);
    expect(t.sb.state.sent.size).toBe(1);
  });
});

describe('failNext(…, { when }): a fault for the request it names, not the next one', () => {
  const get = async (sb, path) => (await fetch(`${sb.url}${path}`, { headers: { Authorization: 'Bearer sandbox-token' } })).status;

  test('by method, path and body: other requests pass untouched, in any order', async () => {
    t.sb.failNext(1, 'reset', { applied: true, when: { method: 'post', path: '^/messages/send$', bodyIncludes: '"item":"2"' } });
    expect(await get(t.sb, '/templates')).toBe(200);
    expect(await post(t.sb, tplBody(1))).toBe(200);
    expect(await post(t.sb, tplBody(2))).toBe('error');
    expect(await post(t.sb, tplBody(3))).toBe(200);
    expect(t.sb.state.sent.size).toBe(3);
    expect(t.sb.requests.map((r) => r.fault)).toEqual([null, null, 'reset', null]);
    expect(t.sb.config().pendingFailures).toBe(0);
  });

  test('faults without `when` keep their turn; the first matching one is taken', async () => {
    t.sb.failNext(1, '503', { when: { path: '^/messages/send$' } });
    t.sb.failNext(1, '502');
    expect(await get(t.sb, '/templates')).toBe(502);
    expect(await post(t.sb, tplBody(1))).toBe(503);
    expect(await post(t.sb, tplBody(2))).toBe(200);
  });

  test('a bad condition is refused, over the control API too', async () => {
    expect(() => t.sb.failNext(1, '503', { when: { to: 'x' } })).toThrow(/when.to is not a known condition/);
    expect(() => t.sb.failNext(1, '503', { when: { path: '(' } })).toThrow(SyntaxError);
    expect(() => t.sb.failNext(1, '503', { when: 'POST' })).toThrow(/must be an object/);
    const res = await fetch(`${t.sb.origin}/__sandbox/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: '503', when: { bodyIncludes: 7 } }) });
    expect(res.status).toBe(400);
    const ok = await fetch(`${t.sb.origin}/__sandbox/fail-next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: '503', when: { path: '^/contacts$', method: 'POST' } }) });
    expect((await ok.json()).pendingFailures).toBe(1);
    expect(await get(t.sb, '/templates')).toBe(200);
  });
});
