'use strict';
// @ts-check

/**
 * A customer's message arriving (sandbox control, not a Callbell endpoint): `sb.inbound(spec)` and
 * `POST /__sandbox/inbound`. It is stored as a `received` message, opens WhatsApp's 24-hour window,
 * creates the contact when the sender is unknown (`contact_created`) and emits `message_created`
 * with status `received`.
 *
 * spec: { contact_uuid } or { phone } or { bsuid } (WhatsApp), optional channel_uuid (default: the
 * contact's channel, else the main WhatsApp channel), text, attachments (absolute http(s) URLs),
 * name (for a new contact), and the interactive kinds of inbound-kinds.js (location, contactCards,
 * replyButton, listReply, replyTo + contextKey, forwarded), which add Callbell's optional objects to
 * the message_created payload. At least text, one attachment, a location or a contact card.
 */

const { urlProblem } = require('./message-rules');
const { KIND_KEYS, buildKinds } = require('./inbound-kinds');
const M = require('./messages-store');
const S = require('./state');
const { apiContact } = require('./serialize');
const { isPlainObject } = require('./validate');

/** @typedef {import('./types').State} State */

/**
 * Validate, store and announce an inbound message. Throws TypeError (→ 400) on bad input,
 * before anything changes.
 * @param {State} state @param {unknown} spec @param {number} nowMs @param {(event: string, payload: unknown) => unknown} emit
 */
function receive(state, spec, nowMs, emit) {
  if (!isPlainObject(spec)) throw new TypeError('inbound needs an object {contact_uuid | phone | bsuid, text?, attachments?, channel_uuid?, name?, location?, contactCards?, replyButton?, listReply?, replyTo?, contextKey?, forwarded?}');
  const known = ['contact_uuid', 'phone', 'bsuid', 'text', 'attachments', 'channel_uuid', 'name', ...KIND_KEYS];
  const unknown = Object.keys(spec).filter((k) => !known.includes(k));
  if (unknown.length) throw new TypeError(`inbound: unknown key(s) ${unknown.join(', ')}`);
  const str = (/** @type {string} */ k) => {
    const v = spec[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.trim() === '') throw new TypeError(`inbound: ${k} must be a non-empty string`);
    return v.trim();
  };
  const contactUuid = str('contact_uuid');
  const phone = str('phone');
  const bsuid = str('bsuid');
  const name = str('name');
  const channelUuid = str('channel_uuid');
  if ([contactUuid, phone, bsuid].filter(Boolean).length !== 1) throw new TypeError('inbound: give exactly one of contact_uuid, phone, bsuid');
  if (spec.text !== undefined && typeof spec.text !== 'string') throw new TypeError('inbound: text must be a string');
  const attachments = spec.attachments === undefined ? [] : spec.attachments;
  if (!Array.isArray(attachments) || attachments.some((a) => urlProblem(a))) throw new TypeError('inbound: attachments must be an array of absolute http(s) URLs');

  const contact = contactUuid ? state.contacts.get(contactUuid) : undefined;
  if (contactUuid && !contact) throw new TypeError(`inbound: no contact ${contactUuid}`);
  const channel = channelUuid ? state.account.channels.find((c) => c.uuid === channelUuid)
    : contact ? state.account.channels.find((c) => c.uuid === contact.channelUuid) : S.mainWhatsAppChannel(state);
  if (!channel) throw new TypeError(`inbound: no channel ${channelUuid}`);
  if (channel.discardedAt) throw new TypeError(`inbound: channel "${channel.title}" is inactive`);
  if (contact && contact.channelUuid !== channel.uuid) throw new TypeError(`inbound: contact ${contact.uuid} is not on channel ${channel.uuid}`);
  if (bsuid && channel.type !== 'whatsapp') throw new TypeError('inbound: bsuid is only for WhatsApp channels');
  const sender = contact || M.findOnChannel(state, channel, { to: phone, bsuid });
  const inConversation = (/** @type {string} */ id) => (sender ? (state.messages.get(sender.uuid) || []).find((m) => m.uuid === id) : undefined);
  const kinds = buildKinds(spec, inConversation);
  const text = spec.text === undefined ? kinds.text ?? '' : spec.text;
  const shown = text.trim() !== '' || attachments.length > 0 || 'messageLocation' in kinds.extras || 'messageContactCard' in kinds.extras;
  if (!shown) throw new TypeError('inbound: give a text, at least one attachment, a location or a contact card');

  const r = M.storeInbound(state, { contact, channel, phone, bsuid, name, text, attachments: attachments.map(String) }, nowMs);
  if (r.created) emit('contact_created', apiContact(state, r.contact));
  emit('message_created', { ...M.messageCreatedPayload(state, r.item, r.contact, null, nowMs), ...kinds.extras });
  return { message: { ...r.item }, contact: apiContact(state, r.contact), created: r.created };
}

module.exports = { receive };
