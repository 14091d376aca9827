'use strict';
// @ts-check

/**
 * The account webhook and its delivery log, kept in the sandbox state:
 *   state.webhook        null, or { url, subscriptions, createdAt, enabled } (Callbell keeps ONE per account)
 *   state.webhookEvents  delivery records, oldest first (the API lists them newest first)
 *
 * The JS API below is what a webhook deliverer (or a test) uses; routes/webhooks.js answers the
 * /webhooks endpoints from the same functions.
 *
 *   recordWebhookEvent(state, { event, payload, response: { code, body?, headers? }, success?, at? })
 *     → the stored record. `success` defaults to `code === 200` (docs: "true when the endpoint
 *     returned 200"); `code` may be null for a delivery that got no HTTP answer (refused, timeout).
 *   subscribeWebhook(state, url, subscriptions, now) / unsubscribeWebhook(state) → boolean (one existed)
 *   listWebhookEvents(state, { status?, events?, page, items }) → { items, page, pages }
 *   apiWebhook(state.webhook) / apiWebhookEvent(record) → the API representation
 */

const { railsTime } = require('./ids');

/**
 * Every event Callbell documents (API digest §4). The docs' Webhook object lists only the first
 * seven as subscriptions; whether the agent and team events can be subscribed through the API is
 * undocumented, so the sandbox accepts all ten.
 */
const WEBHOOK_EVENTS = Object.freeze([
  'message_created', 'message_status_updated', 'contact_created', 'contact_updated', 'contact_deleted',
  'conversation_opened', 'conversation_closed', 'agent_status_updated', 'agent_session_updated', 'team_membership_updated',
]);

/**
 * @typedef {{ url: string, subscriptions: string[], createdAt: string, enabled: boolean }} Webhook
 * @typedef {{ seq: number, event: string, payload: unknown, response: { body: unknown, code: number|null, headers: Record<string, string> },
 *   success: boolean, createdAt: string, at: number }} WebhookEventRecord
 */

/**
 * Create or replace the account webhook (input already validated).
 * @param {import('./types').State} state @param {string} url @param {string[]} subscriptions @param {Date} now
 * @returns {Webhook}
 */
function subscribeWebhook(state, url, subscriptions, now) {
  state.webhook = { url, subscriptions: [...subscriptions], createdAt: railsTime(now.getTime()), enabled: true };
  return state.webhook;
}

/** Remove the account webhook; the delivery log stays. @param {import('./types').State} state @returns {boolean} */
function unsubscribeWebhook(state) {
  const had = state.webhook !== null;
  state.webhook = null;
  return had;
}

/**
 * Append one delivery record.
 * @param {import('./types').State} state
 * @param {{ event: string, payload?: unknown, response?: { code?: number|null, body?: unknown, headers?: Record<string, string> },
 *   success?: boolean, at?: Date|number }} rec
 * @returns {WebhookEventRecord}
 */
function recordWebhookEvent(state, rec) {
  if (!rec || typeof rec.event !== 'string' || rec.event === '') throw new TypeError('recordWebhookEvent: event must be a non-empty string');
  const code = rec.response?.code ?? null;
  if (code !== null && (!Number.isInteger(code) || code < 100 || code > 599)) throw new TypeError('recordWebhookEvent: response.code must be an HTTP status or null');
  const at = rec.at === undefined ? Date.now() : new Date(rec.at).getTime();
  if (!Number.isFinite(at)) throw new TypeError('recordWebhookEvent: at must be a date');
  /** @type {WebhookEventRecord} */
  const stored = {
    seq: state.webhookEvents.length + 1,
    event: rec.event,
    payload: rec.payload ?? {},
    response: { body: rec.response?.body ?? {}, code, headers: { ...(rec.response?.headers || {}) } },
    success: rec.success ?? code === 200,
    createdAt: railsTime(at),
    at,
  };
  state.webhookEvents.push(stored);
  return stored;
}

/**
 * Newest first (ties: later record first), filtered, one page.
 * @param {import('./types').State} state
 * @param {{ status?: 'success'|'failed', events?: string[], page: number, items: number }} q
 */
function listWebhookEvents(state, q) {
  const list = state.webhookEvents
    .filter((e) => (q.status === undefined || e.success === (q.status === 'success')) && (!q.events || q.events.includes(e.event)))
    .sort((a, b) => b.at - a.at || b.seq - a.seq);
  return { items: list.slice((q.page - 1) * q.items, q.page * q.items), page: q.page, pages: Math.ceil(list.length / q.items) };
}

/** @param {Webhook} w */
const apiWebhook = (w) => ({ url: w.url, subscriptions: [...w.subscriptions], createdAt: w.createdAt, enabled: w.enabled });

/** @param {WebhookEventRecord} e */
const apiWebhookEvent = (e) => ({
  event: e.event, payload: structuredClone(e.payload), response: structuredClone(e.response), success: e.success, createdAt: e.createdAt,
});

module.exports = { WEBHOOK_EVENTS, subscribeWebhook, unsubscribeWebhook, recordWebhookEvent, listWebhookEvents, apiWebhook, apiWebhookEvent };
