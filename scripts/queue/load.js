'use strict';

/**
 * The load of the queue-mode proof: batches of distinct sandbox contacts with distinct values,
 * POSTed concurrently to the production webhook, with per-call latency.
 */

const { HOST, PORTS, WEBHOOK_PATH } = require('./config');

const webhookUrl = () => `http://${HOST}:${PORTS.main}/webhook/${WEBHOOK_PATH}`;

/**
 * `requests` batches of `perRequest` contacts, every contact of the sandbox at most once, with
 * values no contact had before: name "<old name> · Q<r>.<i>", Order Count 1000 + position.
 */
function makeBatches(sandbox, { requests, perRequest, tag = 'Q' }) {
  const uuids = [...sandbox.state.contacts.keys()];
  if (uuids.length < requests * perRequest) {
    throw new Error(`the sandbox has ${uuids.length} contacts; ${requests} × ${perRequest} distinct ones are needed`);
  }
  const batches = [];
  let n = 0;
  for (let r = 0; r < requests; r++) {
    const contacts = [];
    for (let i = 0; i < perRequest; i++, n++) {
      const uuid = uuids[n];
      const before = sandbox.getContact(uuid);
      contacts.push({ uuid, name: `${before.name || 'Contact'} · ${tag}${r + 1}.${i + 1}`, orders: 1000 + n });
    }
    batches.push({ index: r + 1, contacts });
  }
  return batches;
}

/** POSTs one batch; never throws: { batch, status, body, text, ms, error }. */
async function postBatch(batch, { timeoutMs = 60000 } = {}) {
  const started = process.hrtime.bigint();
  try {
    const res = await fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ contacts: batch.contacts }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { batch, status: res.status, body, text, ms };
  } catch (error) {
    return { batch, status: 0, error, text: String(error), ms: Number(process.hrtime.bigint() - started) / 1e6 };
  }
}

/** Fires every batch at once; resolves when all have answered. */
async function fireConcurrently(batches, options) {
  const t = Date.now();
  const results = await Promise.all(batches.map((b) => postBatch(b, options)));
  return { results, wallMs: Date.now() - t };
}

/** Sends the batches one after another (a baseline without concurrency). */
async function fireSequentially(batches, options) {
  const t = Date.now();
  const results = [];
  for (const b of batches) results.push(await postBatch(b, options));
  return { results, wallMs: Date.now() - t };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest-rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function latencyStats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

module.exports = { webhookUrl, makeBatches, postBatch, fireConcurrently, fireSequentially, latencyStats };
