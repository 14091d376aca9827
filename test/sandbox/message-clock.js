'use strict';
// @ts-check

/**
 * The message-status clock. A sent message starts `enqueued`; on WhatsApp it then becomes `sent`,
 * `delivered` and `read` at `sentMs`, `deliveredMs` and `readMs` after the send (sandbox clock;
 * null = never reached). Other channels stop at `sent` (the docs: delivery notifications exist only
 * on WhatsApp). failNext(n) makes the next n sends go `failed` at `sentMs`; fail(uuid) fails one now.
 * Each change updates the message and emits `message_status_updated`. One timer serves all messages;
 * while the clock is frozen nothing moves until clock.advance().
 */

const { digitsOnly } = require('./ids');
const { apiContact } = require('./serialize');

/** @typedef {import('./types').SentMessage} SentMessage @typedef {import('./types').State} State */
/** @typedef {{ sentMs: number, deliveredMs: number|null, readMs: number|null }} MessageClockConfig */
/** @typedef {{ code: number, reason: string }} FailReason */

const DEFAULT_CLOCK = Object.freeze({ sentMs: 200, deliveredMs: 600, readMs: 1200 });
const DEFAULT_FAILURE = Object.freeze({ code: 1002, reason: 'Number does not exist on WhatsApp' });

/** @param {unknown} spec @returns {MessageClockConfig} */
function normalizeMessageClock(spec) {
  if (spec === undefined || spec === null) return { ...DEFAULT_CLOCK };
  if (typeof spec !== 'object' || Array.isArray(spec)) throw new TypeError('messageClock must be an object {sentMs, deliveredMs, readMs}');
  const s = /** @type {Record<string, unknown>} */ (spec);
  for (const k of Object.keys(s)) if (!['sentMs', 'deliveredMs', 'readMs'].includes(k)) throw new TypeError(`messageClock: unknown key ${k}`);
  const out = { ...DEFAULT_CLOCK, ...s };
  const ok = (/** @type {unknown} */ v, nullable = true) => (v === null && nullable) || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (!ok(out.sentMs, false)) throw new TypeError('messageClock.sentMs must be a non-negative number');
  if (!ok(out.deliveredMs) || !ok(out.readMs)) throw new TypeError('messageClock.deliveredMs and readMs must be non-negative numbers or null');
  if (out.deliveredMs !== null && out.deliveredMs < out.sentMs) throw new TypeError('messageClock.deliveredMs must not be before sentMs');
  if (out.readMs !== null && (out.deliveredMs === null || out.readMs < out.deliveredMs)) throw new TypeError('messageClock.readMs needs deliveredMs and must not be before it');
  return /** @type {MessageClockConfig} */ (out);
}

/** @param {unknown} r @returns {FailReason} */
function normalizeReason(r) {
  if (r === undefined || r === null) return { ...DEFAULT_FAILURE };
  if (typeof r === 'string' && r.trim()) return { code: DEFAULT_FAILURE.code, reason: r };
  const o = /** @type {any} */ (r);
  if (o && typeof o === 'object' && typeof o.reason === 'string' && (o.code === undefined || Number.isInteger(o.code))) return { code: o.code ?? DEFAULT_FAILURE.code, reason: o.reason };
  throw new TypeError('reason must be a string or {code?: integer, reason: string}');
}

/**
 * @param {{ state: State, clock: ReturnType<typeof import('./clock').createClock>,
 *   emit: (event: string, payload: unknown) => unknown, config: MessageClockConfig }} deps
 */
function createMessageClock(deps) {
  const { state, clock, emit } = deps;
  let config = deps.config;
  /** @type {Set<SentMessage>} */
  const pending = new Set();
  /** @type {FailReason[]} */
  let failQueue = [];
  /** @type {NodeJS.Timeout|null} */
  let timer = null;
  let closed = false;

  /** @param {SentMessage} m @param {string} status @param {FailReason} [reason] */
  function apply(m, status, reason) {
    const atMs = clock.now();
    m.status = status;
    m.history.push({ status, at: new Date(atMs).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    const contact = state.contacts.get(m.contactUuid);
    m.messageStatusPayload = {
      id: m.providerId, gsId: m.gsId, type: status,
      payload: reason ? { code: reason.code, reason: reason.reason, ts: Math.floor(atMs / 1000) } : { ts: Math.floor(atMs / 1000) },
      destination: contact ? digitsOnly(contact.phoneNumber || '') || contact.identifier : null,
    };
    /** @type {Record<string, unknown>} */
    const payload = { uuid: m.uuid, status };
    if (m.metadata) payload.metadata = { ...m.metadata };
    payload.messageStatusPayload = structuredClone(m.messageStatusPayload);
    if (contact) payload.contact = apiContact(state, contact);
    emit('message_status_updated', payload);
  }

  function tick() {
    const now = clock.now();
    for (const m of pending) {
      while (m.plan.length && m.plan[0].atMs <= now) {
        const step = /** @type {SentMessage['plan'][number]} */ (m.plan.shift());
        apply(m, step.status, step.reason);
      }
      if (!m.plan.length) pending.delete(m);
    }
    arm();
  }

  function arm() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed || clock.isFrozen() || !pending.size) return;
    let next = Infinity;
    for (const m of pending) if (m.plan.length) next = Math.min(next, m.plan[0].atMs);
    if (next === Infinity) return;
    timer = setTimeout(tick, Math.max(0, next - clock.now()));
    timer.unref?.();
  }
  clock.onChange(() => tick());

  return {
    /** Plan and start the status changes of a message that was just sent. @param {SentMessage} m @param {string} channelType */
    start(m, channelType) {
      const at = (/** @type {number} */ ms) => m.createdMs + ms;
      const failure = failQueue.shift();
      if (failure) m.plan = [{ status: 'failed', atMs: at(config.sentMs), reason: failure }];
      else {
        m.plan = [{ status: 'sent', atMs: at(config.sentMs) }];
        if (channelType === 'whatsapp' && config.deliveredMs !== null) m.plan.push({ status: 'delivered', atMs: at(config.deliveredMs) });
        if (channelType === 'whatsapp' && config.readMs !== null) m.plan.push({ status: 'read', atMs: at(config.readMs) });
      }
      pending.add(m);
      tick();
    },
    /** The next `count` sends fail (at sentMs) with this reason. @param {number} count @param {unknown} [reason] */
    failNext(count, reason) {
      if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new TypeError('count must be an integer from 1 to 10000');
      const r = normalizeReason(reason);
      for (let i = 0; i < count; i++) failQueue.push(r);
    },
    /** Fail a sent message now (unless it already failed or was read). @param {SentMessage} m @param {unknown} [reason] */
    fail(m, reason) {
      const r = normalizeReason(reason);
      if (m.status === 'failed' || m.status === 'read') throw new TypeError(`message is already ${m.status}`);
      m.plan = [];
      pending.delete(m);
      apply(m, 'failed', r);
    },
    /** @param {unknown} spec */
    setConfig(spec) {
      config = normalizeMessageClock(spec);
    },
    getConfig: () => ({ ...config }),
    pendingFailures: () => failQueue.length,
    /** Forget every pending message and queued failure (state is re-seeded). @param {MessageClockConfig} initial */
    reset(initial) {
      pending.clear();
      failQueue = [];
      config = { ...initial };
      arm();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

module.exports = { createMessageClock, normalizeMessageClock, normalizeReason, DEFAULT_CLOCK, DEFAULT_FAILURE };
