'use strict';
// @ts-check

/**
 * Control endpoints under /__sandbox (no auth, never logged, never faulted),
 * for other processes: n8n end-to-end tests and the `npm run sandbox` demo.
 *
 *   GET    /__sandbox/health          {ok:true}
 *   GET    /__sandbox/requests        {requests:[...]} the /v1 request log
 *   DELETE /__sandbox/requests        clear the log
 *   POST   /__sandbox/reset           re-seed (same as sb.reset())
 *   GET    /__sandbox/contacts/:uuid  {contact, bot, notes} (?include_field_types=true)
 *   GET    /__sandbox/state           {account, contacts}
 *   GET    /__sandbox/config          current runtime config
 *   POST   /__sandbox/config          {latencyMs?, faults?, rateLimit?, contactShape?, messageClock?, walletDepleted?} → config
 *   POST   /__sandbox/fail-next       {count, kind, retryAfter?, timeoutMs?, applied?, when?: {method?, path?, bodyIncludes?}} → config
 *   GET    /__sandbox/stats           sb.stats()
 *   POST   /__sandbox/contacts        {count, namePrefix?} → {uuids} bulk contacts (sb.addContacts)
 *   GET    /__sandbox/webhook         {webhook, webhookEvents} the account webhook (or null) and the delivery log, oldest first
 *   POST   /__sandbox/webhook-events  {event, payload?, response?: {code, body?, headers?}, success?, at?} → {webhookEvent}
 *                                     append a delivery record (sb.recordWebhookEvent)
 *   /__sandbox/webhooks/* and /__sandbox/events: the webhook sender, see webhooks/control.js
 *   POST   /__sandbox/inbound         {contact_uuid|phone|bsuid, text?, attachments?, channel_uuid?, name?,
 *                                      location?, contactCards?, replyButton?, listReply?, replyTo?, contextKey?, forwarded?}
 *                                     → {message, contact, created} a customer writes (sb.inbound)
 *   GET    /__sandbox/messages        {messages:[...]} messages sent through the API, in send order
 *   POST   /__sandbox/messages/fail-next {count?, reason?} → config: the next sends end `failed`
 *   POST   /__sandbox/messages/:uuid/fail {reason?} → {message} fail a sent message now
 *   GET    /__sandbox/clock           {now, frozen}
 *   GET    /__sandbox/storage         {url, files: {kind: {name, contentType, size}}, requests} attachment files (media.js)
 *   POST   /__sandbox/clock           {freeze?: boolean, advanceMs?: number} → clock (freeze/resume, then advance)
 */

const { sendJson, readBody, parseJson } = require('./http-util');
const { normalizeFaults, normalizeLatency, normalizeRateLimit } = require('./faults');
const { normalizeShape, apiBot } = require('./serialize');
const { normalizeMessageClock } = require('./message-clock');
const { contactsInListOrder } = require('./state');
const { isPlainObject } = require('./validate');
const { apiWebhook, apiWebhookEvent } = require('./webhooks-store');
const { handleWebhookControl } = require('./webhooks/control');

/**
 * @param {any} sb the sandbox object from createSandbox()
 * @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res
 * @param {string} rawFull path without query @param {string} search query string without '?'
 */
async function handleControl(sb, req, res, rawFull, search) {
  const { text } = await readBody(req);
  const method = (req.method || 'GET').toUpperCase();
  const query = Object.fromEntries(new URLSearchParams(search));
  const path = rawFull.replace(/^\/__sandbox/, '').replace(/\/$/, '') || '/';
  const ok = (/** @type {unknown} */ body) => sendJson(res, 200, body);
  const fail = (/** @type {number} */ status, /** @type {string} */ error) => sendJson(res, status, { error });
  /** @param {string} allowed */
  const only = (allowed) => method === allowed || (fail(405, 'Method Not Allowed'), false);

  /** @returns {Record<string, any>|null} */
  const jsonBody = () => {
    const p = parseJson(text);
    if (!p.ok) return (fail(400, 'Malformed JSON body'), null);
    if (p.value === undefined) return {};
    if (!isPlainObject(p.value)) return (fail(400, 'Body must be a JSON object'), null);
    return p.value;
  };

  const contactMatch = /^\/contacts\/([^/]+)$/.exec(path);
  if (contactMatch) {
    if (!only('GET')) return;
    const uuid = decodeURIComponent(contactMatch[1]);
    const rec = sb.state.contacts.get(uuid);
    if (!rec) return fail(404, 'Contact not found');
    const fieldTypes = query.include_field_types === 'true';
    return ok({ contact: sb.getContact(uuid, { fieldTypes }), bot: apiBot(sb.state, rec), notes: sb.state.notes.get(uuid) || [] });
  }

  const failMatch = /^\/messages\/([^/]+)\/fail$/.exec(path);
  if (failMatch) {
    if (!only('POST')) return;
    const body = jsonBody();
    if (!body) return;
    const m = sb.state.sent.get(decodeURIComponent(failMatch[1]));
    if (!m) return fail(404, 'Message not found');
    try {
      sb.failMessage(m.uuid, body.reason);
    } catch (err) {
      return fail(400, /** @type {Error} */ (err).message);
    }
    return ok({ message: publicSent(m) });
  }

  switch (path) {
    case '/inbound': {
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      try {
        return ok(sb.inbound(body));
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
    }
    case '/messages':
      return only('GET') && ok({ messages: [...sb.state.sent.values()].map(publicSent) });
    case '/storage': {
      if (!only('GET')) return;
      const files = Object.fromEntries(Object.entries(sb.media).map(([kind, f]) => [kind, { name: f.name, contentType: f.contentType, size: f.bytes.length, url: sb.mediaUrl(kind) }]));
      return ok({ url: sb.storage.url, files, requests: sb.storage.requests });
    }
    case '/messages/fail-next': {
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      try {
        sb.failNextMessages(body.count ?? 1, body.reason);
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
      return ok(sb.config());
    }
    case '/clock': {
      if (method === 'GET') return ok(sb.clock.describe());
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      const unknown = Object.keys(body).filter((k) => k !== 'freeze' && k !== 'advanceMs');
      if (unknown.length) return fail(400, `Unknown clock key(s): ${unknown.join(', ')}`);
      if ('freeze' in body && typeof body.freeze !== 'boolean') return fail(400, 'freeze must be a boolean');
      if ('advanceMs' in body && (typeof body.advanceMs !== 'number' || !Number.isFinite(body.advanceMs) || body.advanceMs < 0)) {
        return fail(400, 'advanceMs must be a non-negative number');
      }
      if (body.freeze === true) sb.clock.freeze();
      if (body.freeze === false) sb.clock.resume();
      if (body.advanceMs) sb.clock.advance(body.advanceMs);
      return ok(sb.clock.describe());
    }
    case '/health':
      return only('GET') && ok({ ok: true });
    case '/requests':
      if (method === 'DELETE') {
        sb.clearRequests();
        return ok({ ok: true });
      }
      return only('GET') && ok({ requests: sb.requests });
    case '/reset':
      if (!only('POST')) return;
      sb.reset();
      return ok({ ok: true });
    case '/state':
      return only('GET') && ok({
        account: structuredClone(sb.state.account),
        contacts: contactsInListOrder(sb.state).map((c) => sb.getContact(c.uuid, { fieldTypes: true })),
      });
    case '/contacts': {
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      try {
        return ok({ uuids: sb.addContacts(body.count, { namePrefix: body.namePrefix }) });
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
    }
    case '/stats':
      return only('GET') && ok(sb.stats());
    case '/webhook':
      return only('GET') && ok({ webhook: sb.webhook && apiWebhook(sb.webhook), webhookEvents: sb.state.webhookEvents.map(apiWebhookEvent) });
    case '/webhook-events': {
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      try {
        return ok({ webhookEvent: apiWebhookEvent(sb.recordWebhookEvent(body)) });
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
    }
    case '/config': {
      if (method === 'GET') return ok(sb.config());
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      const known = ['latencyMs', 'faults', 'rateLimit', 'contactShape', 'messageClock', 'walletDepleted'];
      const unknown = Object.keys(body).filter((k) => !known.includes(k));
      if (unknown.length) return fail(400, `Unknown config key(s): ${unknown.join(', ')}`);
      try {
        // validate everything first, then apply: a bad key changes nothing
        if ('latencyMs' in body) normalizeLatency(body.latencyMs);
        if ('faults' in body) normalizeFaults(body.faults);
        if ('rateLimit' in body) normalizeRateLimit(body.rateLimit);
        if ('contactShape' in body) normalizeShape(body.contactShape);
        if ('messageClock' in body) normalizeMessageClock(body.messageClock);
        if ('walletDepleted' in body && typeof body.walletDepleted !== 'boolean') throw new TypeError('walletDepleted must be a boolean');
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
      if ('latencyMs' in body) sb.setLatency(body.latencyMs);
      if ('faults' in body) sb.setFaults(body.faults);
      if ('rateLimit' in body) sb.setRateLimit(body.rateLimit);
      if ('contactShape' in body) sb.setContactShape(body.contactShape);
      if ('messageClock' in body) sb.setMessageClock(body.messageClock);
      if ('walletDepleted' in body) sb.setWalletDepleted(body.walletDepleted);
      return ok(sb.config());
    }
    case '/fail-next': {
      if (!only('POST')) return;
      const body = jsonBody();
      if (!body) return;
      try {
        sb.failNext(body.count ?? 1, body.kind, { retryAfter: body.retryAfter, timeoutMs: body.timeoutMs, applied: body.applied, when: body.when });
      } catch (err) {
        return fail(400, /** @type {Error} */ (err).message);
      }
      return ok(sb.config());
    }
    default:
      if (await handleWebhookControl(sb, method, path, jsonBody, ok, fail)) return;
      return fail(404, 'Not Found');
  }
}

/**
 * A sent message as the control endpoints show it (internal record minus the plan).
 * @param {import('./types').SentMessage} m
 */
function publicSent(m) {
  return {
    uuid: m.uuid, providerId: m.providerId, contactUuid: m.contactUuid, channelUuid: m.channelUuid, type: m.type, templateUuid: m.templateUuid,
    text: m.item.text, attachments: m.item.attachments || [], metadata: m.metadata, status: m.status, history: m.history.map((h) => ({ ...h })),
    messageStatusPayload: m.messageStatusPayload, deleted: m.deleted, createdAt: m.item.createdAt,
  };
}

module.exports = { handleControl, publicSent };
