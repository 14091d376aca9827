'use strict';
// @ts-check

/**
 * Fault, latency and rate-limit policy. Decisions come from seeded mulberry32
 * generators, so the same seed and the same request sequence give the same
 * faults. Every eligible request draws exactly two numbers from the fault
 * generator (kind, then sub-kind), whatever the outcome; latency ranges use a
 * separate generator so they never shift fault decisions.
 */

const { mulberry32 } = require('./rng');
const { sendJson } = require('./http-util');

/** @typedef {'429'|'500'|'502'|'503'|'reset'|'timeout'} FaultKind */
/**
 * @typedef {'seconds'|'date'|'mixed'} RetryAfterFormat
 * @typedef {{ rate429: number, rate429RetryAfter: number, retryAfterFormat: RetryAfterFormat, rate5xx: number, rateReset: number,
 *   rateTimeout: number, timeoutMs: number, paths: string|null, pathsRe: RegExp|null, appliedShare: number }} FaultSpec
 * `retryAfter` on a 429: false (no header), 'seconds' (`Retry-After: 1`) or 'date' (an HTTP date 1 s ahead).
 * `applied`: a 5xx/reset/timeout that strikes AFTER the request took effect (the handler ran and
 * changed state; only its answer is lost), as when a server fails after doing the work.
 * `appliedShare` is the share of random 5xx/reset/timeout faults that are `applied` (default 0).
 * `when` (forced faults only) limits a fault to the requests it matches; see normalizeWhen.
 * @typedef {{ method?: string, path?: string, pathRe?: RegExp, bodyIncludes?: string }} FaultWhen
 * @typedef {{ kind: FaultKind, retryAfter: false|'seconds'|'date', timeoutMs: number, applied?: boolean, when?: FaultWhen }} Fault
 * @typedef {{ method: string, path: string, bodyText: string }} RequestFacts
 * @typedef {{ rps: number, retryAfter: boolean }} RateLimit
 * @typedef {number | { min: number, max: number }} Latency
 */

const KINDS = ['429', '500', '502', '503', 'reset', 'timeout'];
const DEFAULT_TIMEOUT_MS = 30_000;

/** @param {unknown} v @param {string} name */
function rate(v, name) {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new TypeError(`faults.${name} must be a number between 0 and 1`);
  return v;
}

/** @param {any} spec @returns {FaultSpec|null} */
function normalizeFaults(spec) {
  if (spec === null || spec === undefined || spec === false) return null;
  if (typeof spec !== 'object' || Array.isArray(spec)) throw new TypeError('faults must be an object or null');
  const known = ['rate429', 'rate429RetryAfter', 'retryAfterFormat', 'rate5xx', 'rateReset', 'rateTimeout', 'timeoutMs', 'paths', 'appliedShare'];
  for (const k of Object.keys(spec)) if (!known.includes(k)) throw new TypeError(`faults.${k} is not a known option`);
  const out = {
    rate429: rate(spec.rate429, 'rate429'), rate429RetryAfter: rate(spec.rate429RetryAfter, 'rate429RetryAfter'),
    retryAfterFormat: spec.retryAfterFormat ?? 'seconds',
    rate5xx: rate(spec.rate5xx, 'rate5xx'), rateReset: rate(spec.rateReset, 'rateReset'), rateTimeout: rate(spec.rateTimeout, 'rateTimeout'),
    timeoutMs: spec.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : spec.timeoutMs, paths: spec.paths ?? null, pathsRe: /** @type {RegExp|null} */ (null),
    appliedShare: rate(spec.appliedShare, 'appliedShare'),
  };
  if (out.rate429 + out.rate5xx + out.rateReset + out.rateTimeout > 1 + 1e-9) throw new TypeError('faults rates must add up to at most 1');
  if (!['seconds', 'date', 'mixed'].includes(out.retryAfterFormat)) throw new TypeError("faults.retryAfterFormat must be 'seconds', 'date' or 'mixed'");
  if (typeof out.timeoutMs !== 'number' || !(out.timeoutMs >= 0)) throw new TypeError('faults.timeoutMs must be a non-negative number');
  if (out.paths !== null) {
    if (typeof out.paths !== 'string') throw new TypeError('faults.paths must be a regular expression string');
    out.pathsRe = new RegExp(out.paths); // throws SyntaxError on a bad pattern
  }
  return out;
}

/**
 * A forced fault's condition: `method` (exact, any case), `path` (a regular expression over the
 * decoded path after /v1, e.g. '^/messages/send$'), `bodyIncludes` (a substring of the raw JSON
 * body, e.g. a recipient's phone number). Every given part must match.
 * @param {any} v @returns {FaultWhen|undefined}
 */
function normalizeWhen(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new TypeError('failNext when must be an object');
  for (const k of Object.keys(v)) if (!['method', 'path', 'bodyIncludes'].includes(k)) throw new TypeError(`failNext when.${k} is not a known condition`);
  for (const k of ['method', 'path', 'bodyIncludes']) {
    if (v[k] !== undefined && (typeof v[k] !== 'string' || v[k] === '')) throw new TypeError(`failNext when.${k} must be a non-empty string`);
  }
  /** @type {FaultWhen} */
  const when = {};
  if (v.method) when.method = v.method.toUpperCase();
  if (v.path) {
    when.path = v.path;
    when.pathRe = new RegExp(v.path); // throws SyntaxError on a bad pattern
  }
  if (v.bodyIncludes) when.bodyIncludes = v.bodyIncludes;
  return when;
}

/** @param {FaultWhen|undefined} when @param {RequestFacts} request */
function matches(when, request) {
  if (!when) return true;
  if (when.method && when.method !== request.method.toUpperCase()) return false;
  if (when.pathRe && !when.pathRe.test(request.path)) return false;
  return !when.bodyIncludes || request.bodyText.includes(when.bodyIncludes);
}

/** @param {any} v @returns {Latency} */
function normalizeLatency(v) {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && v >= 0) return v;
  if (v && typeof v === 'object' && typeof v.min === 'number' && typeof v.max === 'number' && v.min >= 0 && v.max >= v.min) return { min: v.min, max: v.max };
  throw new TypeError('latencyMs must be a non-negative number or {min, max} with 0 <= min <= max');
}

/** @param {any} v @returns {RateLimit|null} */
function normalizeRateLimit(v) {
  if (v === undefined || v === null || v === false) return null;
  if (typeof v !== 'object' || typeof v.rps !== 'number' || !(v.rps >= 1)) throw new TypeError('rateLimit must be null or {rps >= 1, retryAfter?: boolean}');
  return { rps: Math.floor(v.rps), retryAfter: v.retryAfter === true };
}

/**
 * Whether a random 429 carries Retry-After, and in which form ('mixed': the lower half of the
 * share uses an HTTP date). @param {FaultSpec} f @param {number} v the sub-kind draw
 * @returns {Fault['retryAfter']}
 */
function retryAfterOf(f, v) {
  if (!(v < f.rate429RetryAfter)) return false;
  if (f.retryAfterFormat === 'mixed') return v < f.rate429RetryAfter / 2 ? 'date' : 'seconds';
  return f.retryAfterFormat;
}

/** @param {number} seed */
function createPolicy(seed) {
  const policy = {
    seed,
    /** @type {FaultSpec|null} */ faults: null,
    /** @type {Latency} */ latency: 0,
    /** @type {RateLimit|null} */ rateLimit: null,
    /** @type {Fault[]} */ forced: [],
    /** @type {number[]} arrival times (ms) of requests admitted past the rate limiter, trailing second */
    window: [],
    rng: mulberry32(seed),
    latencyRng: mulberry32(seed ^ 0x5bd1e995),

    /** Clear the fault spec, forced faults, the rate window and re-seed the generators. */
    reset() {
      policy.faults = null;
      policy.forced = [];
      policy.window = [];
      policy.rng = mulberry32(seed);
      policy.latencyRng = mulberry32(seed ^ 0x5bd1e995);
    },

    /**
     * @param {number} n @param {string} kind
     * @param {{ retryAfter?: boolean|'seconds'|'date', timeoutMs?: number, applied?: boolean, when?: object }} [opts] applied: the request
     *   takes effect before the fault (5xx/reset/timeout only); when: only requests matching it take the fault (normalizeWhen)
     */
    failNext(n, kind, opts = {}) {
      if (!KINDS.includes(kind)) throw new TypeError(`failNext kind must be one of ${KINDS.join(', ')}`);
      if (!Number.isInteger(n) || n < 0) throw new TypeError('failNext count must be a non-negative integer');
      const timeoutMs = opts.timeoutMs ?? policy.faults?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const ra = opts.retryAfter;
      if (![undefined, false, true, 'seconds', 'date'].includes(ra)) throw new TypeError("failNext retryAfter must be a boolean, 'seconds' or 'date'");
      const retryAfter = ra === true || ra === 'seconds' ? 'seconds' : ra === 'date' ? 'date' : false;
      if (![undefined, false, true].includes(opts.applied)) throw new TypeError('failNext applied must be a boolean');
      if (opts.applied && kind === '429') throw new TypeError('failNext applied is for 5xx, reset and timeout faults, not 429');
      /** @type {Fault} */
      const fault = { kind: /** @type {FaultKind} */ (kind), retryAfter, timeoutMs };
      if (opts.applied) fault.applied = true;
      const when = normalizeWhen(opts.when);
      if (when) fault.when = when;
      for (let i = 0; i < n; i++) policy.forced.push({ ...fault });
    },

    /**
     * Sliding one-second window over admitted requests. Returns true when this
     * request is over the limit (and does not count it); otherwise records it.
     * @param {number} nowMs
     */
    overRateLimit(nowMs) {
      while (policy.window.length && policy.window[0] <= nowMs - 1000) policy.window.shift();
      if (policy.rateLimit && policy.window.length >= policy.rateLimit.rps) return true;
      policy.window.push(nowMs);
      return false;
    },

    /**
     * The first queued forced fault (failNext) that this request matches: one without `when`
     * matches any request. @param {RequestFacts} request @returns {Fault|null}
     */
    takeForced(request) {
      const at = policy.forced.findIndex((fault) => matches(fault.when, request));
      return at === -1 ? null : policy.forced.splice(at, 1)[0];
    },

    /** Random fault for a path (decoded, after /v1). @param {string} path @returns {Fault|null} */
    decide(path) {
      const f = policy.faults;
      if (!f || (f.pathsRe && !f.pathsRe.test(path))) return null;
      const u = policy.rng();
      const v = policy.rng();
      let edge = f.rate429;
      if (u < edge) return { kind: '429', retryAfter: retryAfterOf(f, v), timeoutMs: 0 };
      /** @type {Fault|null} */
      let fault = null;
      // `applied` reuses the sub-kind draw (its fraction within the 5xx code's third), so no extra draw
      let w = v;
      if (u < (edge += f.rate5xx)) {
        fault = { kind: /** @type {FaultKind} */ (['500', '502', '503'][Math.min(2, Math.floor(v * 3))]), retryAfter: false, timeoutMs: 0 };
        w = (v * 3) % 1;
      } else if (u < (edge += f.rateReset)) fault = { kind: 'reset', retryAfter: false, timeoutMs: 0 };
      else if (u < (edge += f.rateTimeout)) fault = { kind: 'timeout', retryAfter: false, timeoutMs: f.timeoutMs };
      if (fault && w < f.appliedShare) fault.applied = true;
      return fault;
    },

    /** Milliseconds to wait before answering. */
    latencyMs() {
      const l = policy.latency;
      return typeof l === 'number' ? l : Math.round(l.min + (l.max - l.min) * policy.latencyRng());
    },
  };
  return policy;
}

const FAULT_STATUS = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/**
 * Answer a faulted request: 429 (optionally with Retry-After: 1 or an HTTP date 1 s ahead), 500/502/503,
 * destroy the socket ('reset'), or hold for timeoutMs then answer 504
 * ('timeout'). The request itself is not applied, unless the fault is `applied` (server.js then ran it first).
 * @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res
 * @param {Fault} fault @param {(ms: number) => Promise<void>} delay
 */
async function answerFault(req, res, fault, delay) {
  if (fault.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault.kind === 'timeout') {
    await delay(fault.timeoutMs);
    sendJson(res, 504, { error: 'Gateway Timeout' });
    return;
  }
  if (fault.kind === '429') {
    const headers = fault.retryAfter === 'seconds' ? { 'Retry-After': '1' }
      : fault.retryAfter === 'date' ? { 'Retry-After': new Date(Date.now() + 1000).toUTCString() } : {};
    sendJson(res, 429, { error: 'Too Many Requests' }, headers);
    return;
  }
  sendJson(res, Number(fault.kind), { error: FAULT_STATUS[fault.kind] });
}

/** Public view of a fault spec (without the compiled RegExp). @param {FaultSpec|null} f */
const publicFaults = (f) => (f ? (({ pathsRe, ...rest }) => rest)(f) : null);

module.exports = { createPolicy, answerFault, normalizeFaults, normalizeLatency, normalizeRateLimit, publicFaults, KINDS, DEFAULT_TIMEOUT_MS };
