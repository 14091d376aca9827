'use strict';
// @ts-check

/**
 * The sandbox as Callbell's webhook sender. It listens to the event bus (events.js) and, for every
 * event the account's webhook subscribes to, POSTs `{ event, payload }` as JSON to the webhook's
 * URL (loopback URLs allowed, unlike Callbell), signed when a secret is set. As Callbell documents:
 * - a delivery that does not get a 2xx is retried with backoff, re-signed with a new `t`;
 * - after repeated failures the webhook is disabled (`enabled: false`): after `disableAfterFailures`
 *   deliveries in a row failed all their attempts, or when failures went on for `disableAfterMs`
 *   (Callbell: 6 hours without a response);
 * - periodic connection checks (POST `{}` without `event`) expect 200 `{"status":"ok"}`.
 * Every attempt is recorded in the delivery log (GET /webhooks/events) through `record`.
 */

const { signatureHeader } = require('./signing');

/**
 * @typedef {{ url: string, subscriptions: string[], enabled: boolean, createdAt?: string }} Webhook
 * @typedef {{ retryDelaysMs: number[], disableAfterFailures: number, disableAfterMs: number,
 *   healthIntervalMs: number, timeoutMs: number }} DeliveryOptions
 * @typedef {{ seq: number, deliveryId: number, attempt: number, event: string, payload: unknown, url: string,
 *   signature: string|null, at: string, status: number|null, error: string|null, success: boolean,
 *   response: { body: unknown, code: number|null, headers: Record<string, string> } }} Attempt
 * @typedef {{ at: string, url: string, status: number|null, ok: boolean, body: unknown, error: string|null }} HealthCheck
 */

/** Why a request got no HTTP answer: 'timeout', a network code (ECONNREFUSED, …) or the message. @param {any} err */
function networkError(err) {
  if (err?.name === 'TimeoutError') return 'timeout';
  const cause = err?.cause;
  return String(cause?.code || cause?.errors?.[0]?.code || cause?.message || err?.message || err);
}

/** @type {DeliveryOptions} */
const DEFAULTS = {
  retryDelaysMs: [1000, 5000, 30000], disableAfterFailures: 5, disableAfterMs: 6 * 60 * 60 * 1000, healthIntervalMs: 0, timeoutMs: 10000,
};

/** @param {Partial<DeliveryOptions>|undefined} o @returns {DeliveryOptions} */
function normalizeDeliveryOptions(o = {}) {
  const out = { ...DEFAULTS, ...o };
  if (!Array.isArray(out.retryDelaysMs) || !out.retryDelaysMs.every((n) => Number.isFinite(n) && n >= 0)) {
    throw new TypeError('retryDelaysMs must be an array of non-negative numbers');
  }
  for (const k of /** @type {const} */ (['disableAfterFailures', 'disableAfterMs', 'healthIntervalMs', 'timeoutMs'])) {
    if (!Number.isFinite(out[k]) || out[k] < 0) throw new TypeError(`${k} must be a non-negative number`);
  }
  return out;
}

/**
 * @param {{ getWebhook: () => Webhook|null, record: (entry: Attempt) => void,
 *   options?: Partial<DeliveryOptions>, secret?: string|null }} deps
 */
function createDeliverer(deps) {
  let options = normalizeDeliveryOptions(deps.options);
  /** @type {string|null} */
  let secret = deps.secret ?? null;
  /** @type {Attempt[]} */
  const attempts = [];
  /** @type {HealthCheck[]} */
  const health = [];
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @type {Set<Promise<unknown>>} */
  const inFlight = new Set();
  let seq = 0;
  let deliveryIds = 0;
  let consecutiveFailures = 0;
  /** @type {number|null} */
  let failingSince = null;
  /** @type {ReturnType<typeof setInterval>|null} */
  let healthTimer = null;
  /** @type {Webhook|null} the subscription the failure count belongs to */
  let countedFor = null;

  /** @param {() => void} fn @param {number} ms */
  function later(fn, ms) {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  /** @param {string} url @param {string} body @param {Record<string, string>} headers */
  async function post(url, body, headers) {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
    const text = await res.text();
    /** @type {unknown} */
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      /* keep the text */
    }
    return { status: res.status, body: parsed, headers: Object.fromEntries(res.headers) };
  }

  /** @template T @param {Promise<T>} p */
  function track(p) {
    inFlight.add(p);
    p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  }

  /** A delivery that failed every attempt counts towards disabling the webhook. @param {Webhook} webhook */
  function deliveryFailed(webhook) {
    consecutiveFailures++;
    failingSince ??= Date.now();
    if (consecutiveFailures >= options.disableAfterFailures || Date.now() - failingSince >= options.disableAfterMs) {
      webhook.enabled = false;
    }
  }

  /**
   * @param {number} deliveryId @param {string} event @param {unknown} payload @param {number} attempt 1-based
   * @param {{ signedAt?: number }} [opts]
   */
  async function attemptDelivery(deliveryId, event, payload, attempt, opts = {}) {
    const webhook = deps.getWebhook();
    if (!webhook || !webhook.enabled) return;
    const body = JSON.stringify({ event, payload });
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Callbell-Sandbox-Webhooks' };
    const signature = secret ? signatureHeader(secret, body, opts.signedAt) : null;
    if (signature) headers['X-Callbell-Signature'] = signature;
    /** @type {Attempt} */
    const entry = {
      seq: ++seq, deliveryId, attempt, event, payload, url: webhook.url, signature, at: new Date().toISOString(),
      status: null, error: null, success: false, response: { body: {}, code: null, headers: {} },
    };
    try {
      const res = await post(webhook.url, body, headers);
      Object.assign(entry, { status: res.status, response: { body: res.body, code: res.status, headers: res.headers } });
      entry.success = res.status === 200; // the docs' `success`: the endpoint returned 200
    } catch (err) {
      entry.error = networkError(err);
    }
    attempts.push(entry);
    deps.record(entry);
    const ok = entry.status !== null && entry.status >= 200 && entry.status < 300;
    if (ok) {
      consecutiveFailures = 0;
      failingSince = null;
      return;
    }
    const delay = options.retryDelaysMs[attempt - 1];
    if (delay === undefined) return deliveryFailed(webhook);
    later(() => void track(attemptDelivery(deliveryId, event, payload, attempt + 1)), delay);
  }

  /** Deliver one event now (if the webhook subscribes to it). @param {string} event @param {unknown} payload @param {{ signedAt?: number }} [opts] */
  function deliver(event, payload, opts) {
    const webhook = deps.getWebhook();
    if (!webhook || !webhook.enabled || !webhook.subscriptions.includes(event)) return null;
    if (webhook !== countedFor) {
      // A new subscription (subscribe replaces the object) starts with a clean failure count.
      countedFor = webhook;
      consecutiveFailures = 0;
      failingSince = null;
    }
    const deliveryId = ++deliveryIds;
    track(attemptDelivery(deliveryId, event, payload, 1, opts));
    return deliveryId;
  }

  /** One connection check now. */
  async function checkConnection() {
    const webhook = deps.getWebhook();
    if (!webhook || !webhook.enabled) return null;
    const body = '{}';
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Callbell-Sandbox-Webhooks' };
    if (secret) headers['X-Callbell-Signature'] = signatureHeader(secret, body);
    /** @type {HealthCheck} */
    const check = { at: new Date().toISOString(), url: webhook.url, status: null, ok: false, body: null, error: null };
    try {
      const res = await post(webhook.url, body, headers);
      Object.assign(check, { status: res.status, body: res.body });
      check.ok = res.status === 200 && /** @type {any} */ (res.body)?.status === 'ok';
    } catch (err) {
      check.error = networkError(err);
    }
    health.push(check);
    if (health.length > 100) health.shift();
    return check;
  }

  function scheduleHealth() {
    if (healthTimer) clearInterval(healthTimer);
    healthTimer = null;
    if (options.healthIntervalMs > 0) {
      healthTimer = setInterval(() => void track(checkConnection()), options.healthIntervalMs);
      healthTimer.unref();
    }
  }
  scheduleHealth();

  return {
    attempts,
    health,
    deliver,
    checkConnection,
    /** Resolves when no delivery, retry or check is pending. */
    async idle() {
      while (inFlight.size || timers.size) {
        await Promise.allSettled([...inFlight]);
        if (!inFlight.size && timers.size) await new Promise((r) => setTimeout(r, 10));
      }
    },
    /** @param {string|null} s */
    setSecret(s) {
      secret = s;
    },
    hasSecret: () => secret !== null,
    /** @param {Partial<DeliveryOptions>} o */
    configure(o) {
      options = normalizeDeliveryOptions({ ...options, ...o });
      scheduleHealth();
    },
    options: () => ({ ...options }),
    /** Cancel pending retries and checks (sandbox reset / close). */
    stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (healthTimer) clearInterval(healthTimer);
      healthTimer = null;
    },
    /** Back to the creation options, nothing pending, empty logs. */
    reset() {
      options = normalizeDeliveryOptions(deps.options);
      scheduleHealth();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      attempts.length = 0;
      health.length = 0;
      seq = 0;
      deliveryIds = 0;
      consecutiveFailures = 0;
      failingSince = null;
    },
    restart: scheduleHealth,
  };
}

module.exports = { createDeliverer, normalizeDeliveryOptions, DEFAULTS };
