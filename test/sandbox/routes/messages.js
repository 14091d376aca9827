'use strict';
// @ts-check

/**
 * Messages API: POST /messages/send, GET /messages/status/:uuid, DELETE /messages/:uuid (and the
 * snippet's DELETE /messages with body {uuid}, doc contradiction §9.3).
 */

const { ApiError, notFound } = require('../errors');
const { validateSend } = require('../message-rules');
const M = require('../messages-store');
const { apiContact } = require('../serialize');
const { isPlainObject } = require('../validate');
const { NO_CONTENT } = require('../router');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */
/** @typedef {import('../types').State} State @typedef {import('../types').ContactRecord} ContactRecord */

/** The short contact of the send response (`fields=contact`): uuid, name, phone, email. @param {ContactRecord} c */
const shortContact = (c) => ({
  uuid: c.uuid, name: c.name, phone: c.phoneNumber,
  email: typeof c.customFields['Contact Email'] === 'string' ? c.customFields['Contact Email'] : null,
});

/** POST /messages/send @param {Ctx} ctx */
function send(ctx) {
  const plan = validateSend(ctx.state, ctx.body, ctx.query);
  if (plan.template && ctx.walletDepleted) {
    throw new ApiError(402, 'Your WhatsApp wallet is out of credit. Add credit to your wallet to keep sending outbound WhatsApp template messages.',
      undefined, undefined, { code: 'whatsapp_wallet_depleted_credit' });
  }
  const nowMs = ctx.now().getTime();
  const existing = M.resolveRecipient(ctx.state, plan, nowMs);
  const { sent, contact, created } = M.storeSent(ctx.state, plan, existing, nowMs);
  if (created) ctx.emit('contact_created', apiContact(ctx.state, contact));
  ctx.emit('message_created', M.messageCreatedPayload(ctx.state, sent.item, contact, plan.metadata, nowMs));
  /** @type {Record<string, unknown>} */
  const message = { uuid: sent.uuid, status: 'enqueued' };
  if (plan.fields.includes('contact')) message.contact = shortContact(contact);
  if (plan.fields.includes('conversation')) {
    message.conversation = { source: contact.source, href: `https://dash.callbell.eu/chat/${contact.uuid}`, createdAt: contact.createdAt };
  }
  ctx.messageClock.start(sent, plan.channel.type);
  return { message };
}

/** GET /messages/status/:uuid — messages sent through the API only. @param {Ctx} ctx */
function status(ctx) {
  const found = M.findMessage(ctx.state, ctx.params.uuid);
  if (!found || !found.sent) throw notFound('Message');
  const m = found.sent;
  return { message: { uuid: m.uuid, status: m.status, messageStatusPayload: m.messageStatusPayload && structuredClone(m.messageStatusPayload) } };
}

/** @param {Ctx} ctx @param {unknown} id */
function erase(ctx, id) {
  const found = typeof id === 'string' ? M.findMessage(ctx.state, id) : undefined;
  if (!found) throw notFound('Message');
  M.eraseMessage(found);
  return NO_CONTENT;
}

/** DELETE /messages with body {uuid} (the docs' snippet). @param {Ctx} ctx */
function eraseByBody(ctx) {
  const uuid = isPlainObject(ctx.body) ? ctx.body.uuid : undefined;
  if (typeof uuid !== 'string' || uuid.trim() === '') {
    throw new ApiError(422, 'Validation failed: uuid is required and must be a non-empty string', { uuid: 'is required and must be a non-empty string' });
  }
  return erase(ctx, uuid);
}

/** @type {Route[]} */
module.exports = [
  { method: 'POST', path: '/messages/send', handler: send },
  { method: 'GET', path: '/messages/status/:uuid', handler: status },
  { method: 'DELETE', path: '/messages/:uuid', handler: (ctx) => erase(ctx, ctx.params.uuid) },
  { method: 'DELETE', path: '/messages', handler: eraseByBody },
];
