'use strict';
// @ts-check

/**
 * createSandbox(): the HTTP server standing in for https://api.callbell.eu/v1.
 * Per /v1 request: log it → forced fault (failNext) → rate limit → random fault
 * → latency → auth → body/route checks → handler. Faults are decided before
 * any handler runs, so a faulted request never changes state — except an `applied` fault
 * (faults.appliedShare, failNext(…, {applied: true})): the request runs normally, then its
 * answer is replaced by the fault (the log keeps the handler's status as `appliedStatus`).
 */

const http = require('http');
const { ApiError } = require('./errors');
const { sendJson, readBody, parseJson, createTimers, redact } = require('./http-util');
const { createPolicy, normalizeFaults, normalizeLatency, normalizeRateLimit, publicFaults, answerFault } = require('./faults');
const { createState, resetState, createContact } = require('./state');
const { apiContact, normalizeShape } = require('./serialize');
const { matchRoute, NO_CONTENT } = require('./router');
const { handleControl } = require('./control');
const { createEventBus } = require('./events');
const { recordWebhookEvent } = require('./webhooks-store');
const { createDeliverer } = require('./webhooks/deliverer');
const { normalizeSecret } = require('./webhooks/signing');
const { createClock } = require('./clock');
const { normalizeMessageClock } = require('./message-clock');
const { createMessaging } = require('./messaging');
const { MEDIA, createMediaStore } = require('./media');

/** @type {import('./router').Route[]} */
const ROUTES = [...require('./routes/contacts'), ...require('./routes/conversation'), ...require('./routes/account'),
  ...require('./routes/users'), ...require('./routes/webhooks'), ...require('./routes/messages'), ...require('./routes/templates')];
/**
 * One logged /v1 request. `status` is the number sent, or 'reset'/'timeout'.
 * @typedef {{ seq: number, at: string, method: string, path: string, rawPath: string, url: string,
 *   query: Record<string, string>, body: unknown, authorized: boolean, status: number|'reset'|'timeout'|null,
 *   fault: string|null, appliedStatus?: number }} LogEntry
 */

/**
 * @param {{ port?: number, token?: string, latencyMs?: import('./faults').Latency, contactShape?: 'docs'|'object'|'array',
 *   rateLimit?: import('./faults').RateLimit|null, faults?: object|null, seed?: number,
 *   messageClock?: Partial<import('./message-clock').MessageClockConfig>,
 *   webhookSecret?: string|null, webhookDelivery?: Partial<import('./webhooks/deliverer').DeliveryOptions> }} [options]
 * `webhookSecret` (whsec_…) signs webhook deliveries; `webhookDelivery` sets retries, disabling and
 * connection checks (webhooks/deliverer.js).
 */
async function createSandbox(options = {}) {
  const token = options.token ?? 'sandbox-token';
  if (typeof token !== 'string' || token === '') throw new TypeError('token must be a non-empty string');
  const seed = options.seed ?? 42;
  const initial = {
    latency: normalizeLatency(options.latencyMs), rateLimit: normalizeRateLimit(options.rateLimit),
    contactShape: normalizeShape(options.contactShape), faults: normalizeFaults(options.faults),
    messageClock: normalizeMessageClock(options.messageClock),
  };
  const clock = createClock();
  const state = createState(clock.now());
  const policy = createPolicy(seed);
  const timers = createTimers();
  const events = createEventBus();
  const initialSecret = normalizeSecret(options.webhookSecret);
  const deliverer = createDeliverer({
    getWebhook: () => state.webhook,
    record: (a) => recordWebhookEvent(state, {
      event: a.event, payload: a.payload, response: { code: a.status, body: a.response.body, headers: a.response.headers }, success: a.success,
    }),
    options: options.webhookDelivery,
    secret: initialSecret,
  });
  events.on((e) => deliverer.deliver(e.event, e.payload));
  const messaging = createMessaging({ state, clock, events, initialClock: initial.messageClock });
  /** @type {LogEntry[]} */
  const requests = [];
  /** @type {{ requests: number, byStatus: Record<string, number>, faults: Record<string, number>, rateLimited: number, peakInFlight: number }} */
  const counters = { requests: 0, byStatus: {}, faults: {}, rateLimited: 0, peakInFlight: 0 };
  /** /v1 requests received and not yet answered (or reset). */
  let inFlight = 0;
  let contactShape = initial.contactShape;
  let seq = 0;
  const media = createMediaStore(timers);

  function applyInitialConfig() {
    policy.latency = initial.latency;
    policy.rateLimit = initial.rateLimit;
    policy.faults = initial.faults;
    contactShape = initial.contactShape;
  }
  applyInitialConfig();

  /** @param {LogEntry} entry @param {number|'reset'|'timeout'} status */
  function finish(entry, status) {
    entry.status = status;
    counters.byStatus[status] = (counters.byStatus[status] || 0) + 1;
  }

  /** @param {import('./types').ContactRecord} c @param {'array'|'object'} docsShape @param {{fieldTypes?: boolean}} [opts] */
  function contactResponse(c, docsShape, opts) {
    const shape = contactShape === 'docs' ? docsShape : contactShape;
    const obj = apiContact(state, c, opts);
    return { contact: shape === 'array' ? [obj] : obj };
  }

  /**
   * @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res
   * @param {LogEntry} entry @param {import('./faults').Fault} fault
   */
  function runFault(req, res, entry, fault) {
    entry.fault = fault.kind;
    counters.faults[fault.kind] = (counters.faults[fault.kind] || 0) + 1;
    finish(entry, fault.kind === 'reset' || fault.kind === 'timeout' ? fault.kind : Number(fault.kind));
    return answerFault(req, res, fault, timers.delay);
  }

  /** @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res @param {string} rawFull @param {string} search */
  async function handleApi(req, res, rawFull, search) {
    const { text, tooLarge } = await readBody(req);
    const method = (req.method || 'GET').toUpperCase();
    const rawPath = rawFull.slice(3) || '/';
    /** @type {string[]|null} */
    let segments = null;
    try {
      segments = rawPath.split('/').slice(1).map(decodeURIComponent);
      if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // tolerate one trailing slash
    } catch {
      segments = null;
    }
    const path = segments ? `/${segments.join('/')}` : rawPath;
    const query = Object.fromEntries(new URLSearchParams(search));
    const parsed = parseJson(text);
    const auth = req.headers.authorization || '';
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    /** @type {LogEntry} */
    const entry = redact({
      seq: ++seq, at: new Date().toISOString(), method, path, rawPath, url: req.url || '', query,
      body: parsed.ok ? (parsed.value === undefined ? undefined : JSON.parse(text)) : text,
      authorized: !!m && m[1] === token, status: null, fault: null,
    }, token);
    requests.push(entry);
    counters.requests++;

    let fault = policy.takeForced({ method, path, bodyText: text });
    const limited = !fault && policy.overRateLimit(Date.now());
    if (!fault && !limited) fault = policy.decide(path);

    const wait = policy.latencyMs();
    if (wait > 0) await timers.delay(wait);

    if (limited) {
      entry.fault = 'rate-limit';
      counters.rateLimited++;
      finish(entry, 429);
      return sendJson(res, 429, { error: 'Too Many Requests' }, policy.rateLimit?.retryAfter ? { 'Retry-After': '1' } : {});
    }
    if (fault && !fault.applied) return runFault(req, res, entry, fault);
    const appliedFault = fault;

    /** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
    const reply = (status, body, headers) => {
      if (appliedFault) {
        entry.appliedStatus = status;
        return runFault(req, res, entry, appliedFault);
      }
      finish(entry, status);
      if (body === NO_CONTENT) {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
      } else sendJson(res, status, body, headers);
    };
    if (!entry.authorized) return reply(401, { error: 'Unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
    if (tooLarge) return reply(413, { error: 'Request body too large' });
    if (!segments) return reply(400, { error: 'Malformed URL path' });
    if (!parsed.ok) return reply(400, { error: 'Malformed JSON body' });
    const match = matchRoute(ROUTES, method, segments);
    if (!match) return reply(404, { error: 'Not Found' });
    if (!('route' in match)) return reply(405, { error: 'Method Not Allowed' }, { Allow: match.allowed.join(', ') });
    try {
      const body = match.route.handler({
        method, params: match.params, query, body: parsed.value, state, now: () => new Date(clock.now()), token, contactResponse,
        emit: events.emit, messageClock: messaging.messageClock, walletDepleted: messaging.walletDepleted(),
      });
      return reply(body === NO_CONTENT ? 204 : 200, body);
    } catch (err) {
      if (err instanceof ApiError) return reply(err.status, err.toBody(), err.headers);
      console.error('[callbell-sandbox] handler error:', err);
      return reply(500, { error: 'Internal Server Error' });
    }
  }

  const server = http.createServer((req, res) => {
    const url = req.url || '/';
    const qi = url.indexOf('?');
    const rawFull = qi === -1 ? url : url.slice(0, qi);
    const search = qi === -1 ? '' : url.slice(qi + 1);
    /** @type {Promise<unknown>|undefined} */
    let done;
    if (rawFull === '/__sandbox' || rawFull.startsWith('/__sandbox/')) done = handleControl(sb, req, res, rawFull, search);
    else if (rawFull.startsWith('/media/')) done = media.handle(req, res, rawFull, search);
    else if (rawFull === '/v1' || rawFull.startsWith('/v1/')) {
      counters.peakInFlight = Math.max(counters.peakInFlight, ++inFlight);
      let open = true;
      const settle = () => {
        if (open) inFlight--;
        open = false;
      };
      res.once('close', settle);
      done = handleApi(req, res, rawFull, search);
    }
    else {
      req.resume();
      sendJson(res, 404, { error: 'Not Found' });
    }
    Promise.resolve(done).catch((err) => {
      console.error('[callbell-sandbox] request error:', err);
      sendJson(res, 500, { error: 'Internal Server Error' });
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  // Third-party storage for attachments: the same files on another port, so another host for the node.
  const storageServer = http.createServer((req, res) => {
    const url = req.url || '/';
    const qi = url.indexOf('?');
    const rawPath = qi === -1 ? url : url.slice(0, qi);
    if (!rawPath.startsWith('/media/')) {
      req.resume();
      return sendJson(res, 404, { error: 'Not Found' });
    }
    media.handle(req, res, rawPath, qi === -1 ? '' : url.slice(qi + 1)).catch(() => res.destroy());
  });
  await new Promise((resolve, reject) => {
    storageServer.once('error', reject);
    storageServer.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const storageOrigin = `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (storageServer.address()).port}`;
  /**
   * The URL of an attachment file (media.js): kind `image`, `voice`, `document` or `large`, on the
   * storage server (default) or the API's own host (`onApiHost`), with the download controls.
   * @param {string} kind @param {{ status?: number, delayMs?: number, bytes?: number, chunked?: boolean, onApiHost?: boolean }} [opts]
   */
  function mediaUrl(kind, opts = {}) {
    const file = MEDIA[kind];
    if (!file) throw new TypeError(`mediaUrl: kind must be one of ${Object.keys(MEDIA).join(', ')}`);
    const params = new URLSearchParams();
    for (const key of /** @type {const} */ (['status', 'delayMs', 'bytes'])) if (opts[key] !== undefined) params.set(key, String(opts[key]));
    if (opts.chunked) params.set('chunked', '1');
    const query = params.toString();
    return `${opts.onApiHost ? origin : storageOrigin}/media/${file.name}${query ? `?${query}` : ''}`;
  }
  /** Inbound attachments may name a kind (`"image"`) instead of a URL: it becomes that file's storage URL. @param {unknown} spec */
  function withMediaUrls(spec) {
    if (!spec || typeof spec !== 'object' || !Array.isArray(/** @type {any} */ (spec).attachments)) return spec;
    const attachments = /** @type {unknown[]} */ (/** @type {any} */ (spec).attachments).map((a) => (typeof a === 'string' && a in MEDIA ? mediaUrl(a) : a));
    return { ...spec, attachments };
  }

  const sb = {
    url: `${origin}/v1`,
    origin,
    port: address.port,
    token,
    requests,
    state,
    /** Webhook events the API produced (`emitted`), and `on(listener)` to receive them. */
    events,
    /** The sandbox clock: `now()`, `freeze()`, `resume()`, `advance(ms)` (moves message statuses and the 24-hour window). */
    clock,
    /** Messages: inbound(spec), failNextMessages(n, reason?), failMessage(uuid, reason?), setWalletDepleted(bool), setMessageClock(spec) (messaging.js). */
    ...messaging.api,
    /** A customer's message arrives (messaging.js); attachments may be URLs or file kinds (`image`, `voice`, `document`, `large`). @param {unknown} spec */
    inbound(spec) {
      return messaging.api.inbound(withMediaUrls(spec));
    },
    /** Attachment files (media.js): `url` (the storage's /media/ base), `requests` (each with `hasAuthorization`), `clear()`. */
    storage: { url: `${storageOrigin}/media`, origin: storageOrigin, requests: media.requests, clear: media.clear },
    mediaUrl,
    /** The files' bytes and types by kind, to compare downloads with. */
    media: MEDIA,
    /** @param {string} uuid @param {{ fieldTypes?: boolean }} [opts] */
    getContact(uuid, opts) {
      const c = state.contacts.get(uuid);
      return c ? apiContact(state, c, opts) : undefined;
    },
    /** Re-seed state; clear the log (seq restarts at 1), counters, faults and failNext; restore the other creation options. */
    reset() {
      messaging.reset(); // first: pending messages must not move when the clock resets
      media.clear();
      clock.reset();
      resetState(state, clock.now());
      events.reset();
      deliverer.reset();
      deliverer.setSecret(initialSecret);
      requests.length = 0;
      seq = 0;
      Object.assign(counters, { requests: 0, byStatus: {}, faults: {}, rateLimited: 0, peakInFlight: inFlight });
      policy.reset();
      applyInitialConfig();
      policy.faults = null;
    },
    /**
     * Add `count` WhatsApp contacts (names "<namePrefix> 1…count", phones +44 7000 000001…) for load
     * and chaos tests; returns their uuids in creation order. A reset() removes them again.
     * @param {number} count @param {{ namePrefix?: string }} [opts] @returns {string[]}
     */
    addContacts(count, opts = {}) {
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new TypeError('count must be an integer from 1 to 100000');
      const prefix = opts.namePrefix ?? 'Load Contact';
      const now = new Date();
      const uuids = [];
      for (let i = 1; i <= count; i++) {
        const n = state.lastSeq + 1;
        const identifier = `+44 7${String(n).padStart(9, '0')}`;
        uuids.push(createContact(state, { identifier, source: 'whatsapp', name: `${prefix} ${i}` }, now).uuid);
      }
      return uuids;
    },
    /** The account webhook (`{url, subscriptions, createdAt, enabled}`) or null. */
    get webhook() {
      return state.webhook;
    },
    /**
     * Append a delivery record to the log GET /webhooks/events answers (see webhooks-store.js).
     * @param {Parameters<typeof recordWebhookEvent>[1]} rec
     */
    recordWebhookEvent(rec) {
      return recordWebhookEvent(state, rec);
    },
    /**
     * The webhook sender: `attempts` (every delivery attempt), `health` (connection checks),
     * `setSecret(whsec|null)`, `configure(options)`, `checkConnection()`, `resend(seq)` (an emitted
     * event again, as Callbell's retry), `idle()` (resolves when nothing is pending).
     */
    webhooks: {
      attempts: deliverer.attempts,
      health: deliverer.health,
      setSecret: (/** @type {string|null} */ s) => deliverer.setSecret(normalizeSecret(s)),
      hasSecret: deliverer.hasSecret,
      configure: deliverer.configure,
      options: deliverer.options,
      checkConnection: deliverer.checkConnection,
      idle: deliverer.idle,
      /** @param {unknown} seq @returns {number|null|undefined} delivery id; null when not subscribed; undefined when no such event */
      resend(seq) {
        const e = events.emitted.find((x) => x.seq === seq);
        return e ? deliverer.deliver(e.event, e.payload) : undefined;
      },
    },
    /** Clear the log only (seq keeps counting). */
    clearRequests() {
      requests.length = 0;
    },
    /** @param {object|null} spec */
    setFaults(spec) {
      policy.faults = normalizeFaults(spec);
    },
    /**
     * @param {number} n @param {string} kind
     * @param {{ retryAfter?: boolean|'seconds'|'date', timeoutMs?: number, applied?: boolean, when?: object }} [opts] applied: the request
     *   takes effect, then the fault; when: `{method?, path?, bodyIncludes?}`, only matching requests take it (faults.js)
     */
    failNext(n, kind, opts) {
      policy.failNext(n, kind, opts);
    },
    /** @param {import('./faults').Latency} ms */
    setLatency(ms) {
      policy.latency = normalizeLatency(ms);
    },
    /** @param {{ rps: number, retryAfter?: boolean }|null} spec */
    setRateLimit(spec) {
      policy.rateLimit = normalizeRateLimit(spec);
      policy.window = [];
    },
    /** @param {'docs'|'object'|'array'} s */
    setContactShape(s) {
      contactShape = normalizeShape(s);
    },
    config() {
      return {
        latencyMs: policy.latency, faults: publicFaults(policy.faults), rateLimit: policy.rateLimit, contactShape, seed, pendingFailures: policy.forced.length,
        ...messaging.config(),
      };
    },
    stats() {
      return {
        requests: counters.requests, byStatus: { ...counters.byStatus }, faults: { ...counters.faults }, rateLimited: counters.rateLimited,
        inFlight, peakInFlight: counters.peakInFlight,
      };
    },
    /** @returns {Promise<void>} */
    close() {
      timers.cancelAll();
      deliverer.stop();
      messaging.close();
      storageServer.close();
      storageServer.closeAllConnections();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return sb;
}

module.exports = { createSandbox };
