'use strict';
// @ts-check

/**
 * Webhooks API (API digest §3.11): subscribe (create or replace THE account webhook), unsubscribe,
 * and the delivery log. The store and its JS API live in ../webhooks-store.js.
 *
 * Choices where the docs are silent:
 * - url must be an absolute http: or https: URL. Callbell refuses localhost; the sandbox accepts
 *   loopback URLs so a local n8n can receive deliveries.
 * - subscriptions: a non-empty list of known event names, all ten events of §4 accepted (the
 *   docs' Webhook object lists only seven); duplicates are stored once. Unknown body keys → 422.
 * - DELETE /webhooks/unsubscribe with no webhook → 404 `{"error":"Webhook not found"}`.
 * - GET /webhooks/events: newest first; `items` defaults to 20, at most 100; a bad status, items,
 *   page or subscriptions filter → 400.
 */

const { ApiError, notFound } = require('../errors');
const { parsePage } = require('../paging');
const { isPlainObject } = require('../validate');
const { WEBHOOK_EVENTS, subscribeWebhook, unsubscribeWebhook, listWebhookEvents, apiWebhook, apiWebhookEvent } = require('../webhooks-store');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */

const DEFAULT_ITEMS = 20;
const MAX_ITEMS = 100;

/** True for an absolute http(s) URL with a host. @param {string} s */
function isHttpUrl(s) {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** @param {Ctx} ctx */
function subscribe(ctx) {
  const body = ctx.body;
  if (!isPlainObject(body)) throw new ApiError(422, 'Request body must be a JSON object');
  /** @type {Record<string, string>} */
  const details = {};
  for (const k of Object.keys(body)) if (k !== 'url' && k !== 'subscriptions') details[k] = 'is not a permitted field';
  const { url, subscriptions } = body;
  if (typeof url !== 'string' || url.trim() === '') details.url = 'is required and must be a non-empty string';
  else if (!isHttpUrl(url.trim())) details.url = 'must be an absolute http(s) URL including the protocol, e.g. https://example.com/callbell';
  if (subscriptions === undefined) details.subscriptions = 'is required';
  else if (!Array.isArray(subscriptions) || subscriptions.length === 0 || !subscriptions.every((s) => typeof s === 'string')) {
    details.subscriptions = 'must be a non-empty array of event names';
  } else {
    const unknown = subscriptions.filter((s) => !WEBHOOK_EVENTS.includes(s));
    if (unknown.length) details.subscriptions = `unknown event(s): ${unknown.join(', ')}; allowed: ${WEBHOOK_EVENTS.join(', ')}`;
  }
  const problems = Object.entries(details);
  if (problems.length) throw new ApiError(422, `Validation failed: ${problems.map(([k, why]) => `${k} ${why}`).join('; ')}`, details);
  const hook = subscribeWebhook(ctx.state, /** @type {string} */ (url).trim(), [...new Set(/** @type {string[]} */ (subscriptions))], ctx.now());
  return { webhook: apiWebhook(hook) };
}

/** @param {Ctx} ctx */
function unsubscribe(ctx) {
  if (!unsubscribeWebhook(ctx.state)) throw notFound('Webhook');
  return { status: 'webhook was destroyed' };
}

/** @param {Ctx} ctx */
function events(ctx) {
  const { status, items, subscriptions } = ctx.query;
  if (status !== undefined && status !== 'success' && status !== 'failed') throw new ApiError(400, 'Invalid status filter: must be "success" or "failed"');
  let size = DEFAULT_ITEMS;
  if (items !== undefined) {
    if (!/^\d+$/.test(items) || Number(items) < 1 || Number(items) > MAX_ITEMS) {
      throw new ApiError(400, `Invalid items parameter: must be an integer from 1 to ${MAX_ITEMS}`);
    }
    size = Number(items);
  }
  /** @type {string[]|undefined} */
  let names;
  if (subscriptions !== undefined && subscriptions.trim() !== '') {
    names = subscriptions.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((s) => !WEBHOOK_EVENTS.includes(s));
    if (unknown.length) throw new ApiError(400, `Invalid subscriptions filter: unknown event(s): ${unknown.join(', ')}`);
  }
  const p = listWebhookEvents(ctx.state, {
    status: /** @type {'success'|'failed'|undefined} */ (status), events: names, page: parsePage(ctx.query.page), items: size,
  });
  return { webhook_events: p.items.map(apiWebhookEvent), meta: { page: p.page, pages: p.pages } };
}

/** @type {Route[]} */
module.exports = [
  { method: 'POST', path: '/webhooks/subscribe', handler: subscribe },
  { method: 'DELETE', path: '/webhooks/unsubscribe', handler: unsubscribe },
  { method: 'GET', path: '/webhooks/events', handler: events },
];
