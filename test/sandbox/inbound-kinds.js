'use strict';
// @ts-check

/**
 * The optional objects of an inbound `message_created` payload, built from a sandbox spec the way
 * Callbell's docs show them (Webhooks → Message Created, "Optional Fields", and its example):
 *
 *   location: {latitude, longitude}                  → messageLocation {coordinates: {x: lat, y: lng}, googleMapsLocation}
 *   contactCards: [{name, phones: [phone | {phone, wa_id?, type?}]}]
 *                                                    → messageContactCard {contactsInfo: [{name, phones: [{phone, wa_id, type}]}]}
 *   replyButton: {options: [title], selected, header?, text?, caption?, media?: {url, filename?, contentType?}}
 *                                                    → messageReplyButton {metadata: {type: "quick_reply", content, options}}; text = selected
 *   listReply: {sections: [{title, subtitle?, items: [title | {title, description?}]}], selected, header?, body?, button?}
 *                                                    → messageInteractiveList {metadata: "<JSON string>"}; text = selected
 *   replyTo: "<uuid of a message of the conversation>", contextKey?: "messageContext" | "mesageContext"
 *                                                    → <contextKey> {target: {text, createdAt, status}} (default spelling: messageContext)
 *   forwarded: true                                  → messageForward {forwarded: true}
 *
 * The docs' table spells the reply's key `mesageContext`, the release notes `messageContext`;
 * `contextKey` picks one. x is the latitude as in the docs' example (São Paulo, x = -23.6).
 * These objects go into the webhook payload only: GET /contacts/:uuid/messages documents none of them.
 */

const { urlProblem } = require('./message-rules');
const { isPlainObject } = require('./validate');

const KIND_KEYS = ['location', 'contactCards', 'replyButton', 'listReply', 'replyTo', 'contextKey', 'forwarded'];
const CONTEXT_KEYS = ['messageContext', 'mesageContext'];

/** @param {string} what @returns {never} */
function bad(what) {
  throw new TypeError(`inbound: ${what}`);
}

/** @param {unknown} v @param {string} what */
const text = (v, what) => (typeof v === 'string' && v.trim() !== '' ? v : bad(`${what} must be a non-empty string`));
/** @param {unknown} v @param {string} what */
const optionalText = (v, what) => (v === undefined || v === null ? '' : text(v, what));
/** @param {unknown} v @param {string} what @returns {unknown[]} */
const list = (v, what) => (Array.isArray(v) && v.length > 0 ? v : bad(`${what} must be a non-empty list`));
/** @param {unknown} v @param {string} what @returns {Record<string, unknown>} */
const object = (v, what) => (isPlainObject(v) ? /** @type {Record<string, unknown>} */ (v) : bad(`${what} must be an object`));

/** @param {unknown} spec */
function location(spec) {
  const o = object(spec, 'location');
  const lat = o.latitude;
  const lng = o.longitude;
  if (typeof lat !== 'number' || Math.abs(lat) > 90 || typeof lng !== 'number' || Math.abs(lng) > 180) bad('location needs numbers latitude (±90) and longitude (±180)');
  const googleMapsLocation = `https://maps.googleapis.com/maps/api/staticmap?zoom=15&size=270x200&scale=2&maptype=roadmap&markers=color:red%7C${lat},${lng}`;
  return { coordinates: { x: lat, y: lng }, googleMapsLocation };
}

/** @param {unknown} spec */
function contactCard(spec) {
  const contactsInfo = list(spec, 'contactCards').map((entry, i) => {
    const card = object(entry, `contactCards[${i}]`);
    const phones = list(card.phones, `contactCards[${i}].phones`).map((p, k) => {
      if (typeof p === 'string') return { phone: text(p, `contactCards[${i}].phones[${k}]`), wa_id: '', type: 'MOBILE' };
      const phone = object(p, `contactCards[${i}].phones[${k}]`);
      return { phone: text(phone.phone, `contactCards[${i}].phones[${k}].phone`), wa_id: optionalText(phone.wa_id, 'wa_id'), type: optionalText(phone.type, 'type') || 'MOBILE' };
    });
    return { name: text(card.name, `contactCards[${i}].name`), phones };
  });
  return { contactsInfo };
}

/** @param {unknown} spec @returns {{ object: unknown, text: string }} */
function replyButton(spec) {
  const o = object(spec, 'replyButton');
  const titles = list(o.options, 'replyButton.options').map((t, i) => text(t, `replyButton.options[${i}]`));
  const selected = text(o.selected, 'replyButton.selected');
  if (!titles.includes(selected)) bad(`replyButton.selected must be one of its options (${titles.join(', ')})`);
  const media = o.media === undefined ? undefined : object(o.media, 'replyButton.media');
  if (media && urlProblem(media.url)) bad('replyButton.media.url must be an absolute http(s) URL');
  const content = {
    url: media ? media.url : '', text: optionalText(o.text, 'replyButton.text'), header: optionalText(o.header, 'replyButton.header'),
    caption: optionalText(o.caption, 'replyButton.caption'), filename: media ? optionalText(media.filename, 'filename') : '',
    contentType: media ? optionalText(media.contentType, 'contentType') || 'image' : '',
  };
  const options = titles.map((title) => ({ type: 'text', title, postback_url: '', postback_text: '' }));
  return { object: { metadata: { type: 'quick_reply', content, options } }, text: selected };
}

/** @param {unknown} spec @returns {{ object: unknown, text: string }} */
function listReply(spec) {
  const o = object(spec, 'listReply');
  const sections = list(o.sections, 'listReply.sections').map((s, i) => {
    const section = object(s, `listReply.sections[${i}]`);
    const items = list(section.items, `listReply.sections[${i}].items`).map((it, k) => {
      if (typeof it === 'string') return { header: text(it, `listReply.sections[${i}].items[${k}]`), description: null };
      const item = object(it, `listReply.sections[${i}].items[${k}]`);
      return { header: text(item.title, `listReply.sections[${i}].items[${k}].title`), description: optionalText(item.description, 'description') || null };
    });
    return { title: text(section.title, `listReply.sections[${i}].title`), subtitle: optionalText(section.subtitle, 'subtitle') || null, items };
  });
  const selected = text(o.selected, 'listReply.selected');
  if (!sections.some((s) => s.items.some((item) => item.header === selected))) bad('listReply.selected must be the title of one of its items');
  const metadata = {
    header: optionalText(o.header, 'listReply.header') || null, body: optionalText(o.body, 'listReply.body') || null,
    buttons: [{ title: optionalText(o.button, 'listReply.button') || 'Menu' }], sections,
  };
  return { object: { metadata: JSON.stringify(metadata) }, text: selected };
}

/**
 * Checks a spec's interactive keys and builds the payload objects (before anything changes).
 * @param {Record<string, unknown>} spec
 * @param {(uuid: string) => import('./types').Message | undefined} findInConversation the contact's message with this uuid
 * @returns {{ extras: Record<string, unknown>, text: string | undefined }} text: the message text the kind implies
 */
function buildKinds(spec, findInConversation) {
  /** @type {Record<string, unknown>} */
  const extras = {};
  /** @type {string | undefined} */
  let impliedText;
  if (spec.replyButton !== undefined && spec.listReply !== undefined) bad('give replyButton or listReply, not both');
  if (spec.location !== undefined) extras.messageLocation = location(spec.location);
  if (spec.contactCards !== undefined) extras.messageContactCard = contactCard(spec.contactCards);
  for (const [key, build, payloadKey] of /** @type {const} */ ([['replyButton', replyButton, 'messageReplyButton'], ['listReply', listReply, 'messageInteractiveList']])) {
    if (spec[key] === undefined) continue;
    const built = build(spec[key]);
    extras[payloadKey] = built.object;
    impliedText = built.text;
  }
  const contextKey = spec.contextKey === undefined ? 'messageContext' : spec.contextKey;
  if (typeof contextKey !== 'string' || !CONTEXT_KEYS.includes(contextKey)) bad(`contextKey must be ${CONTEXT_KEYS.join(' or ')}`);
  if (spec.contextKey !== undefined && spec.replyTo === undefined) bad('contextKey goes with replyTo');
  if (spec.replyTo !== undefined) {
    const target = findInConversation(text(spec.replyTo, 'replyTo'));
    if (!target) bad(`replyTo: no message ${spec.replyTo} in this contact's conversation`);
    extras[contextKey] = { target: { text: target.text, createdAt: target.createdAt, status: target.status } };
  }
  if (spec.forwarded !== undefined) {
    if (typeof spec.forwarded !== 'boolean') bad('forwarded must be true or false');
    extras.messageForward = { forwarded: spec.forwarded };
  }
  return { extras, text: impliedText };
}

module.exports = { KIND_KEYS, buildKinds };
