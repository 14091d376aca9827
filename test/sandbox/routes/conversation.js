'use strict';
// @ts-check

/** Conversation API: bot state, close/open, notes, funnel stage, messages. */

const { ApiError, notFound } = require('../errors');
const { isoSeconds } = require('../ids');
const { parsePage, paginate } = require('../paging');
const S = require('../state');
const { apiBot, apiContact } = require('../serialize');
const { isPlainObject } = require('../validate');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */

const MESSAGES_PER_PAGE = 20;

/** @param {Ctx} ctx */
function findContact(ctx) {
  const c = ctx.state.contacts.get(ctx.params.uuid);
  if (!c) throw notFound('Contact');
  return c;
}

/**
 * @param {unknown} body @param {string} field
 * @returns {unknown} the field's value, or undefined when the body is not an object
 */
const field = (body, field) => (isPlainObject(body) ? body[field] : undefined);

/** GET /contacts/:uuid/bot — 404 when the account has no enabled bot. @param {Ctx} ctx */
function getBot(ctx) {
  const c = findContact(ctx);
  if (!ctx.state.account.bot.enabled) throw notFound('Bot');
  return { bot: apiBot(ctx.state, c) };
}

/** POST /contacts/:uuid/bot {status: bot_start|bot_end} @param {Ctx} ctx */
function setBot(ctx) {
  const c = findContact(ctx);
  const status = field(ctx.body, 'status');
  if (status !== 'bot_start' && status !== 'bot_end') {
    throw new ApiError(422, 'Validation failed: status must be "bot_start" or "bot_end"', { status: 'must be "bot_start" or "bot_end"' });
  }
  if (!ctx.state.account.bot.enabled) {
    throw new ApiError(422, 'Validation failed: status requires an enabled bot; none is enabled in this account', { status: 'requires an enabled bot' });
  }
  S.setBotStatus(c, status, ctx.now());
  return { bot: apiBot(ctx.state, c) };
}

/**
 * conversation_opened / conversation_closed payload as documented: { source, href, contact,
 * createdAt } (+ closingReason, closedAt when closed). `href` is the conversation in the dashboard.
 * @param {Ctx} ctx @param {import('../types').ContactRecord} c @param {Record<string, unknown>} [extra]
 */
function conversationPayload(ctx, c, extra = {}) {
  return {
    source: c.source,
    href: `https://dash.callbell.eu/chat/${c.uuid}`,
    contact: apiContact(ctx.state, c),
    createdAt: isoSeconds(ctx.now()),
    ...extra,
  };
}

/** Close: closedAt = now (object-shaped `contact` in the docs). @param {Ctx} ctx */
function close(ctx) {
  const c = findContact(ctx);
  c.closedAt = isoSeconds(ctx.now());
  ctx.emit('conversation_closed', conversationPayload(ctx, c, { closingReason: 'issue_resolved', closedAt: c.closedAt }));
  return ctx.contactResponse(c, 'object');
}

/** Open: closedAt = null (array-shaped `contact` in the docs). @param {Ctx} ctx */
function open(ctx) {
  const c = findContact(ctx);
  c.closedAt = null;
  ctx.emit('conversation_opened', conversationPayload(ctx, c));
  return ctx.contactResponse(c, 'array');
}

/** POST /contacts/:uuid/conversation/note {text} @param {Ctx} ctx */
function note(ctx) {
  const c = findContact(ctx);
  const text = field(ctx.body, 'text');
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ApiError(422, 'Validation failed: text is required and must be a non-empty string', { text: 'is required and must be a non-empty string' });
  }
  S.addNote(ctx.state, c, text, ctx.now());
  return { success: true };
}

/**
 * Funnel stage update. Served on both the documented
 * `PUT /contacts/:uuid/conversation/update_funnel` and the snippet's
 * `POST /contacts/:uuid/messages/update_funnel` (doc contradiction §9.2).
 * @param {Ctx} ctx
 */
function updateFunnel(ctx) {
  const c = findContact(ctx);
  const id = field(ctx.body, 'funnel_id');
  if (typeof id !== 'string' || !ctx.state.account.funnels.some((f) => f.uuid === id)) {
    throw new ApiError(422, 'Validation failed: funnel_id must be the uuid of an existing funnel', { funnel_id: 'must be the uuid of an existing funnel' });
  }
  c.funnelId = id;
  return ctx.contactResponse(c, 'object');
}

/** GET /contacts/:uuid/messages?page= — newest first, 20 per page, no meta (as documented). @param {Ctx} ctx */
function messages(ctx) {
  const c = findContact(ctx);
  const page = parsePage(ctx.query.page);
  // newest first by createdAt; among equal timestamps the later-stored one first
  const list = [...(ctx.state.messages.get(c.uuid) || [])].reverse()
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return { messages: paginate(list, page, MESSAGES_PER_PAGE).items.map((m) => ({ ...m })) };
}

/** @type {Route[]} */
module.exports = [
  { method: 'GET', path: '/contacts/:uuid/bot', handler: getBot },
  { method: 'POST', path: '/contacts/:uuid/bot', handler: setBot },
  { method: 'POST', path: '/contacts/:uuid/conversation/close', handler: close },
  { method: 'POST', path: '/contacts/:uuid/conversation/open', handler: open },
  { method: 'POST', path: '/contacts/:uuid/conversation/note', handler: note },
  { method: 'PUT', path: '/contacts/:uuid/conversation/update_funnel', handler: updateFunnel },
  { method: 'POST', path: '/contacts/:uuid/messages/update_funnel', handler: updateFunnel },
  { method: 'GET', path: '/contacts/:uuid/messages', handler: messages },
];
