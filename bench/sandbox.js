'use strict';

/**
 * The benchmark's Callbell sandbox (test/sandbox) on its own port, driven through its control API
 * (POST /__sandbox/config, DELETE and GET /__sandbox/requests, POST /__sandbox/contacts), plus the
 * request-log arithmetic the results need: status counts, 429s and achieved request rates.
 */

const { createSandbox } = require('../test/sandbox');

const BENCH_SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT || 4030);

async function control(sb, method, path, body) {
  const res = await fetch(`${sb.origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

async function startBenchSandbox({ port = BENCH_SANDBOX_PORT } = {}) {
  const sb = await createSandbox({ port });
  return {
    sb,
    url: sb.url,
    token: sb.token,
    /** Latency and rate limit for the next measurement; the request log is cleared. */
    async configure({ latencyMs = 0, rps = null } = {}) {
      await control(sb, 'POST', '/config', { latencyMs, rateLimit: rps ? { rps } : null, faults: null });
      await control(sb, 'DELETE', '/requests');
    },
    /** `count` new contacts; their uuids in creation order. */
    async addContacts(count, namePrefix) {
      return (await control(sb, 'POST', '/contacts', { count, namePrefix })).uuids;
    },
    async requests() {
      return (await control(sb, 'GET', '/requests')).requests;
    },
    /** Forgets the names a previous run wrote (in the sandbox's memory), so a repeat is checked afresh. */
    forgetNames(uuids) {
      for (const uuid of uuids) {
        const record = sb.state.contacts.get(uuid);
        if (record) record.name = 'Bench Contact (not updated yet)';
      }
    },
    /** How many of `expected` ({uuid, name}) now carry exactly that name in the sandbox. */
    countUpdated(expected) {
      let updated = 0;
      for (const { uuid, name } of expected) if (sb.getContact(uuid)?.name === name) updated += 1;
      return updated;
    },
    close: () => sb.close(),
  };
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Status counts and rates of the logged requests (optionally one method and a time window).
 * rateOverallRps = 2xx answers / `durationMs` (the node's execution time when given, else the
 * span of the log); rateSteadyRps = 2xx answers per second between the first and the last full
 * second of the log (start-up and tail cut off); perSecond = 2xx answers in each whole second.
 */
function analyzeRequests(entries, { method, fromMs = -Infinity, toMs = Infinity, durationMs } = {}) {
  const picked = entries
    .filter((entry) => !method || entry.method === method)
    .map((entry) => ({ ...entry, atMs: Date.parse(entry.at) }))
    .filter((entry) => entry.atMs >= fromMs && entry.atMs <= toMs);
  const byStatus = {};
  for (const entry of picked) byStatus[entry.status] = (byStatus[entry.status] || 0) + 1;
  const ok = picked.filter((entry) => typeof entry.status === 'number' && entry.status >= 200 && entry.status < 300);
  const result = {
    requests: picked.length,
    ok: ok.length,
    status429: byStatus[429] || 0,
    byStatus,
    spanMs: picked.length ? picked[picked.length - 1].atMs - picked[0].atMs : 0,
  };
  if (ok.length === 0) return result;

  const first = ok[0].atMs;
  const last = ok[ok.length - 1].atMs;
  const duration = durationMs ?? Math.max(1, last - first);
  result.rateOverallRps = round((ok.length / duration) * 1000);

  const buckets = new Map();
  for (const entry of ok) {
    const second = Math.floor((entry.atMs - first) / 1000);
    buckets.set(second, (buckets.get(second) || 0) + 1);
  }
  const seconds = Math.floor((last - first) / 1000);
  const full = [];
  for (let s = 0; s < seconds; s++) full.push(buckets.get(s) || 0);
  // steady: drop the first and the last whole second (ramp-up, tail)
  const inner = full.length > 2 ? full.slice(1, -1) : full;
  if (inner.length) {
    result.rateSteadyRps = round(inner.reduce((sum, n) => sum + n, 0) / inner.length);
    const sorted = [...inner].sort((a, b) => a - b);
    result.perSecond = { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], seconds: inner.length };
  }
  return result;
}

module.exports = { startBenchSandbox, analyzeRequests, BENCH_SANDBOX_PORT, round };
