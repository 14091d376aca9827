#!/usr/bin/env node
'use strict';
// @ts-check

/**
 * A burst of signed deliveries, as Callbell sends them when many customers write at once:
 * `count` distinct `message_created` deliveries (each its own message uuid and contact) spread
 * evenly over `seconds`, and a share of them (`redeliverShare`) delivered a second time 1–5 s
 * later with the same payload, re-signed with a new `t` — what Callbell does when it retries a
 * delivery whose answer it did not get. Every request's HTTP status and answer time is recorded.
 *
 * Callbell does not document how long it waits for an answer; the sandbox uses 10 s (its
 * deliverer's `timeoutMs` default, the common figure among webhook senders) and reports the
 * slowest answer against it.
 *
 * Pure parts (planBurst, signedDelivery, summarizeBurst, percentile) are unit-tested in
 * test/sandbox/__tests__/webhook-burst.test.js; runBurst sends the plan over real HTTP.
 *
 * CLI: node test/sandbox/webhooks/burst.js --url <webhook URL> [--secret whsec_…] [--count 1000]
 *   [--seconds 20] [--redeliver 0.1] [--timeout 10000] [--seed 1] [--out burst.json]
 */

const fs = require('fs');

const { mulberry32 } = require('../rng');
const { signatureHeader } = require('./signing');

/** Callbell's delivery timeout as the sandbox assumes it (not documented by Callbell). */
const DELIVERY_TIMEOUT_MS = 10000;
/** A re-delivery goes out this long after its first delivery (Callbell retries after a missed answer). */
const REDELIVER_AFTER_MS = [1000, 5000];

/**
 * @typedef {{ id: number, index: number, atMs: number, redelivery: boolean, event: string, payload: any }} PlannedDelivery
 * @typedef {{ id: number, index: number, redelivery: boolean, scheduledMs: number, sentMs: number, t: number,
 *   status: number|null, error: string|null, answerMs: number|null }} BurstRecord
 */

/** A uuid-shaped id whose last 12 hex digits are `n` and whose first group is `prefix` (8 hex digits). @param {string} prefix @param {number} n */
function numberedUuid(prefix, n) {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The documented message_created payload of customer `i` writing to the account. @param {number} i @param {string} runId 4 hex digits @param {number} atMs */
function incomingMessage(i, runId, atMs) {
  const createdAt = new Date(atMs).toISOString();
  const contact = {
    uuid: numberedUuid(`c0${runId}00`, i),
    name: `Burst Customer ${i + 1}`,
    phoneNumber: `+3519${String(10000000 + i).slice(-8)}`,
    avatarUrl: null,
    createdAt,
    source: 'whatsapp',
    href: `https://dash.callbell.eu/contacts/${numberedUuid(`c0${runId}00`, i)}`,
    conversationHref: `https://dash.callbell.eu/chat/${numberedUuid(`c0${runId}00`, i)}`,
    tags: [],
    assignedUser: null,
    customFields: {},
    closedAt: null,
    blockedAt: null,
  };
  return {
    uuid: numberedUuid(`b0${runId}00`, i),
    to: '+351910000000',
    from: contact.phoneNumber,
    text: `Burst message ${i + 1}`,
    attachments: [],
    status: 'received',
    channel: 'whatsapp',
    contact,
    createdAt,
  };
}

/**
 * The deliveries of one burst, in sending order: `count` first deliveries at even steps over
 * `seconds`, then `round(count × redeliverShare)` of them (picked with a seeded RNG, each once)
 * again 1–5 s after their first delivery, same event and payload. `runId` (4 hex digits) makes
 * the uuids of two bursts distinct.
 * @param {{ count: number, seconds: number, redeliverShare?: number, seed?: number, runId?: string, startedAt?: number }} o
 * @returns {PlannedDelivery[]}
 */
function planBurst({ count, seconds, redeliverShare = 0.1, seed = 1, runId = '0001', startedAt = Date.now() }) {
  if (!Number.isInteger(count) || count < 1) throw new TypeError('count must be a positive integer');
  if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError('seconds must be a non-negative number');
  if (!Number.isFinite(redeliverShare) || redeliverShare < 0 || redeliverShare > 1) throw new TypeError('redeliverShare must be between 0 and 1');
  if (!/^[0-9a-f]{4}$/.test(runId)) throw new TypeError('runId must be 4 hex digits');
  const step = count > 1 ? (seconds * 1000) / count : 0;
  /** @type {PlannedDelivery[]} */
  const out = [];
  for (let i = 0; i < count; i++) {
    const atMs = Math.round(i * step);
    out.push({ id: i, index: i, atMs, redelivery: false, event: 'message_created', payload: incomingMessage(i, runId, startedAt + atMs) });
  }
  const rand = mulberry32(seed);
  const indices = out.map((d) => d.index);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  const picked = indices.slice(0, Math.round(count * redeliverShare));
  const [minDelay, maxDelay] = REDELIVER_AFTER_MS;
  for (const index of picked) {
    const first = out[index];
    const atMs = first.atMs + Math.round(minDelay + rand() * (maxDelay - minDelay));
    out.push({ id: out.length, index, atMs, redelivery: true, event: first.event, payload: first.payload });
  }
  return out.sort((a, b) => a.atMs - b.atMs || a.id - b.id);
}

/**
 * The request of one delivery signed at `t` (unix seconds). A re-delivery is signed with a `t`
 * later than its first delivery's (`notBefore` + 1 at least), as Callbell re-signs every retry.
 * @param {PlannedDelivery} delivery @param {string|null} secret @param {number} t @param {number} [notBefore]
 */
function signedDelivery(delivery, secret, t, notBefore) {
  const signedAt = notBefore !== undefined && t <= notBefore ? notBefore + 1 : t;
  const body = JSON.stringify({ event: delivery.event, payload: delivery.payload });
  /** @type {Record<string, string>} */
  const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Callbell-Sandbox-Webhooks' };
  if (secret) headers['X-Callbell-Signature'] = signatureHeader(secret, body, signedAt);
  return { body, headers, t: signedAt };
}

/** The p-th percentile (nearest rank) of `values`; undefined when empty. @param {number[]} values @param {number} p */
function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * What Callbell would have seen: answers by status, network errors, answer times (max, p50, p99)
 * against the delivery timeout, and how late the requests left against the plan.
 * @param {BurstRecord[]} records @param {number} [timeoutMs]
 */
function summarizeBurst(records, timeoutMs = DELIVERY_TIMEOUT_MS) {
  /** @type {Record<string, number>} */
  const byStatus = {};
  /** @type {Record<string, number>} */
  const errors = {};
  const times = [];
  for (const r of records) {
    if (r.status !== null) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
    if (r.error !== null) errors[r.error] = (errors[r.error] || 0) + 1;
    if (r.answerMs !== null) times.push(r.answerMs);
  }
  const ok = records.filter((r) => r.status !== null && r.status >= 200 && r.status < 300).length;
  const lastSent = records.reduce((m, r) => Math.max(m, r.sentMs), 0);
  return {
    requests: records.length,
    first: records.filter((r) => !r.redelivery).length,
    redeliveries: records.filter((r) => r.redelivery).length,
    ok2xx: ok,
    all2xx: ok === records.length,
    byStatus,
    errors,
    timeoutMs,
    withinTimeout: records.filter((r) => r.answerMs !== null && r.answerMs <= timeoutMs && r.error === null).length,
    /** What Callbell counts as delivered: a 2xx within its timeout. */
    okWithinTimeout: records.filter((r) => r.status !== null && r.status >= 200 && r.status < 300 && r.answerMs !== null && r.answerMs <= timeoutMs).length,
    maxMs: times.length ? Math.max(...times) : undefined,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxLateMs: records.reduce((m, r) => Math.max(m, r.sentMs - r.scheduledMs), 0),
    spanMs: lastSent,
  };
}

/**
 * Sends `plan` to `url` on its schedule (each request at its `atMs` after the start), signed with
 * `secret` at the moment it leaves; resolves with one record per request once all have answered
 * or timed out after `timeoutMs`.
 * @param {{ url: string, plan: PlannedDelivery[], secret?: string|null, timeoutMs?: number }} o
 * @returns {Promise<BurstRecord[]>}
 */
async function runBurst({ url, plan, secret = null, timeoutMs = DELIVERY_TIMEOUT_MS }) {
  const start = Date.now();
  /** @type {Map<number, number>} t of each first delivery, by index */
  const firstT = new Map();
  /** @param {PlannedDelivery} d @returns {Promise<BurstRecord>} */
  const send = async (d) => {
    const sentMs = Date.now() - start;
    const now = Math.floor(Date.now() / 1000);
    const req = signedDelivery(d, secret, now, d.redelivery ? firstT.get(d.index) : undefined);
    if (!d.redelivery) firstT.set(d.index, req.t);
    /** @type {BurstRecord} */
    const record = { id: d.id, index: d.index, redelivery: d.redelivery, scheduledMs: d.atMs, sentMs, t: req.t, status: null, error: null, answerMs: null };
    const t0 = performance.now();
    try {
      const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      record.status = res.status;
    } catch (err) {
      const e = /** @type {any} */ (err);
      record.error = e?.name === 'TimeoutError' ? 'timeout' : String(e?.cause?.code || e?.message || e);
    }
    record.answerMs = Math.round(performance.now() - t0);
    return record;
  };
  const pending = plan.map(
    (d) => new Promise((resolve) => setTimeout(() => resolve(send(d)), Math.max(0, d.atMs - (Date.now() - start)))),
  );
  return /** @type {Promise<BurstRecord[]>} */ (Promise.all(pending));
}

/** @param {string[]} argv */
function parseCli(argv) {
  /** @type {Record<string, string>} */
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unexpected argument: ${argv[i]}`);
    a[m[1]] = m[2] ?? argv[++i];
  }
  if (!a.url) throw new Error('--url is required');
  const n = (/** @type {string} */ k, /** @type {number} */ d) => (a[k] === undefined ? d : Number(a[k]));
  return { url: a.url, secret: a.secret ?? null, count: n('count', 1000), seconds: n('seconds', 20), redeliverShare: n('redeliver', 0.1), timeoutMs: n('timeout', DELIVERY_TIMEOUT_MS), seed: n('seed', 1), out: a.out };
}

async function cli() {
  const o = parseCli(process.argv.slice(2));
  const plan = planBurst({ count: o.count, seconds: o.seconds, redeliverShare: o.redeliverShare, seed: o.seed });
  console.log(`burst: ${plan.length} requests (${o.count} deliveries + ${plan.length - o.count} re-deliveries) over ${o.seconds} s to ${o.url}`);
  const records = await runBurst({ url: o.url, plan, secret: o.secret, timeoutMs: o.timeoutMs });
  const summary = summarizeBurst(records, o.timeoutMs);
  console.log(JSON.stringify(summary, null, 2));
  if (o.out) fs.writeFileSync(o.out, JSON.stringify({ summary, records }, null, 2));
  process.exitCode = summary.all2xx ? 0 : 1;
}

if (require.main === module) {
  cli().catch((err) => {
    console.error(String(err && err.message ? err.message : err));
    process.exit(2);
  });
}

module.exports = { planBurst, signedDelivery, runBurst, summarizeBurst, percentile, DELIVERY_TIMEOUT_MS, REDELIVER_AFTER_MS };
