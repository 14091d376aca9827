'use strict';
// @ts-check

/**
 * Messages in the account store: sending (after message-rules.js accepted the body), inbound
 * customer messages (control endpoint), WhatsApp's 24-hour window, and lookups by uuid.
 * Conversation items live in `state.messages` (per contact, GET /contacts/:uuid/messages);
 * messages sent through the API are also kept in `state.sent` (GET /messages/status/:uuid).
 * Sending to or receiving from an unknown number creates the contact (assumed to behave like
 * Callbell's inbox). Contacts keep their list position (`lastMessageAt` is not changed).
 */

const { ApiError } = require('./errors');
const { hexId, hyphenatedId, isoSeconds, digitsOnly } = require('./ids');
const S = require('./state');
const { apiContact } = require('./serialize');

/** @typedef {import('./types').State} State @typedef {import('./types').ContactRecord} ContactRecord */
/** @typedef {import('./types').Channel} Channel @typedef {import('./types').SentMessage} SentMessage */
/** @typedef {import('./types').Message} Message @typedef {import('./message-rules').SendPlan} SendPlan */

const WINDOW_MS = 24 * 3600_000;

/** ISO with milliseconds and an explicit offset, like the docs' message_created example. @param {number} ms */
const eventTime = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');

/**
 * The `message_created` payload (webhook docs: to, from, text, attachments, status, channel,
 * contact, createdAt, metadata when set), plus the message `uuid` that real payloads carry.
 * @param {State} state @param {Message} item @param {ContactRecord} contact
 * @param {Record<string, string>|null} metadata @param {number} atMs
 */
function messageCreatedPayload(state, item, contact, metadata, atMs) {
  /** @type {Record<string, unknown>} */
  const p = {
    uuid: item.uuid, to: item.to, from: item.from, text: item.text, attachments: [...(item.attachments || [])], status: item.status,
    channel: item.channel, contact: apiContact(state, contact), createdAt: eventTime(atMs),
  };
  if (metadata) p.metadata = { ...metadata };
  return p;
}

/** @type {WeakMap<State, { contacts: Map<string, ContactRecord>, seq: number, size: number, map: Map<string, ContactRecord> }>} */
const indexes = new WeakMap();

/** Adds a contact's lookup keys; the first contact with a key keeps it. @param {Map<string, ContactRecord>} map @param {ContactRecord} c */
function indexKeys(map, c) {
  const add = (/** @type {string} */ k) => map.has(k) || map.set(k, c);
  add(`i ${c.channelUuid} ${c.identifier}`);
  if (c.phoneNumber) add(`p ${c.channelUuid} ${digitsOnly(c.phoneNumber)}`);
  if (c.bsuid) add(`b ${c.channelUuid} ${c.bsuid}`);
}

/**
 * Lookup keys → contact (identifier, phone digits, bsuid; per channel), rebuilt whenever a contact
 * was created or deleted (or the state re-seeded), so sends stay fast with many contacts.
 * @param {State} state
 */
function contactIndex(state) {
  let idx = indexes.get(state);
  if (!idx || idx.contacts !== state.contacts || idx.seq !== state.lastSeq || idx.size !== state.contacts.size) {
    /** @type {Map<string, ContactRecord>} */
    const map = new Map();
    for (const c of state.contacts.values()) indexKeys(map, c);
    idx = { contacts: state.contacts, seq: state.lastSeq, size: state.contacts.size, map };
    indexes.set(state, idx);
  }
  return idx.map;
}

/**
 * The contact on `channel` with this phone number / platform id, or this BSUID.
 * @param {State} state @param {Channel} channel @param {{ to?: string|null, bsuid?: string|null }} who
 */
function findOnChannel(state, channel, who) {
  const index = contactIndex(state);
  if (who.to) {
    const digits = digitsOnly(who.to);
    return index.get(`i ${channel.uuid} ${who.to}`) || (digits.length >= 6 ? index.get(`p ${channel.uuid} ${digits}`) : undefined);
  }
  return who.bsuid ? index.get(`b ${channel.uuid} ${who.bsuid}`) : undefined;
}

/** Epoch ms of the contact's newest received message, or null. @param {State} state @param {string} contactUuid */
function lastInboundMs(state, contactUuid) {
  let last = null;
  for (const m of state.messages.get(contactUuid) || []) {
    if (m.status !== 'received') continue;
    const ms = Date.parse(m.createdAt);
    if (last === null || ms > last) last = ms;
  }
  return last;
}

/** Whether a free-form message may go to this contact now (WhatsApp channels only). @param {State} state @param {ContactRecord|undefined} c @param {number} nowMs */
function windowOpen(state, c, nowMs) {
  if (!c) return false;
  const last = lastInboundMs(state, c.uuid);
  return last !== null && nowMs - last < WINDOW_MS;
}

/**
 * The contact a send goes to, refusing a free-form WhatsApp message outside the 24-hour window.
 * @param {State} state @param {SendPlan} plan @param {number} nowMs @returns {ContactRecord|undefined} undefined = to be created
 */
function resolveRecipient(state, plan, nowMs) {
  const contact = findOnChannel(state, plan.channel, plan);
  if (plan.channel.type === 'whatsapp' && !plan.template && !windowOpen(state, contact, nowMs)) {
    const who = contact ? `${contact.name || contact.phoneNumber || contact.uuid} last wrote more than 24 hours ago` : 'this number never wrote to you';
    throw new ApiError(422,
      `Outside the 24-hour window: ${who}. WhatsApp only allows free-form messages within 24 hours of the customer's last message; send an approved template (template_uuid) instead.`,
      { to: 'is outside the 24-hour customer service window; only template messages can be sent' },
      undefined, { code: 'outside_24h_window' });
  }
  return contact;
}

/**
 * Create a contact for an unknown recipient/sender (as Callbell's inbox does; an assumption).
 * @param {State} state @param {Channel} channel @param {{ to?: string|null, bsuid?: string|null, name?: string|null }} who @param {Date} now
 */
function createFor(state, channel, who, now) {
  const identifier = /** @type {string} */ (who.to || who.bsuid);
  const before = indexes.get(state);
  const current = before && before.contacts === state.contacts && before.seq === state.lastSeq && before.size === state.contacts.size;
  const c = S.createContact(state, { identifier, source: channel.type, channelUuid: channel.uuid, name: who.name ?? identifier }, now);
  if (!who.to && who.bsuid) {
    c.bsuid = who.bsuid;
    c.phoneNumber = null;
  }
  // The index was current before this contact: add its keys instead of rebuilding over every contact
  // (sends to new numbers in a sandbox with 50,000 contacts would otherwise rebuild it each time).
  if (before && current) {
    indexKeys(before.map, c);
    before.seq = state.lastSeq;
    before.size = state.contacts.size;
  }
  return c;
}

/** @param {State} state @param {string} label */
const nextIds = (state, label) => {
  const n = `${state.idEpoch}:${++state.sentSeq}`;
  return { uuid: hexId(`message:${label}:${n}`), providerId: `wamid.SBX${hexId(`provider:${label}:${n}`).slice(0, 24).toUpperCase()}`, gsId: hyphenatedId(`gs:${label}:${n}`) };
};

/**
 * Store a validated send. Returns the SentMessage and the contact (created when unknown).
 * @param {State} state @param {SendPlan} plan @param {ContactRecord|undefined} existing @param {number} nowMs
 */
function storeSent(state, plan, existing, nowMs) {
  const now = new Date(nowMs);
  const contact = existing || createFor(state, plan.channel, plan, now);
  S.applyContactChanges(state, contact, { assignedUser: plan.assignedUser, teamUuid: plan.teamUuid, botStatus: plan.botStatus }, now);
  const ids = nextIds(state, 'sent');
  /** @type {Message} */
  const item = {
    uuid: ids.uuid, createdAt: isoSeconds(nowMs), text: plan.text, status: 'sent', channel: plan.channel.type,
    from: plan.channel.identifier, to: contact.phoneNumber || contact.identifier,
  };
  if (plan.attachments.length) item.attachments = [...plan.attachments];
  pushItem(state, contact.uuid, item);
  /** @type {SentMessage} */
  const sent = {
    ...ids, contactUuid: contact.uuid, channelUuid: plan.channel.uuid, type: plan.type, templateUuid: plan.template ? plan.template.uuid : null,
    metadata: plan.metadata, createdMs: nowMs, status: 'enqueued', messageStatusPayload: null,
    history: [{ status: 'enqueued', at: item.createdAt }], plan: [], deleted: false, item,
  };
  state.sent.set(sent.uuid, sent);
  return { sent, contact, created: !existing };
}

/** @param {State} state @param {string} contactUuid @param {Message} item */
function pushItem(state, contactUuid, item) {
  const list = state.messages.get(contactUuid) || [];
  list.push(item);
  state.messages.set(contactUuid, list);
}

/**
 * A customer's message arrives (control endpoint): stored as `received`, opening the 24-hour window.
 * @param {State} state @param {{ contact?: ContactRecord, channel: Channel, phone?: string|null, bsuid?: string|null, name?: string|null,
 *   text: string, attachments: string[] }} msg @param {number} nowMs
 */
function storeInbound(state, msg, nowMs) {
  const now = new Date(nowMs);
  let contact = msg.contact || findOnChannel(state, msg.channel, { to: msg.phone, bsuid: msg.bsuid });
  const created = !contact;
  if (!contact) contact = createFor(state, msg.channel, { to: msg.phone, bsuid: msg.bsuid, name: msg.name }, now);
  const ids = nextIds(state, 'received');
  /** @type {Message} */
  const item = {
    uuid: ids.uuid, createdAt: isoSeconds(nowMs), text: msg.text, status: 'received', channel: msg.channel.type,
    from: contact.phoneNumber || contact.identifier, to: msg.channel.identifier,
  };
  if (msg.attachments.length) item.attachments = [...msg.attachments];
  pushItem(state, contact.uuid, item);
  return { item, contact, created };
}

/**
 * A message by Callbell uuid or by the provider's id (the docs: "a Callbell message uuid or an
 * external ID"). Finds API-sent messages and every conversation item with a uuid.
 * @param {State} state @param {string} id
 * @returns {{ item: Message, sent?: SentMessage, contactUuid: string } | undefined}
 */
function findMessage(state, id) {
  const sent = state.sent.get(id) || [...state.sent.values()].find((s) => s.providerId === id);
  if (sent) return { item: sent.item, sent, contactUuid: sent.contactUuid };
  for (const [contactUuid, list] of state.messages) {
    const item = list.find((m) => m.uuid === id);
    if (item) return { item, contactUuid };
  }
  return undefined;
}

/** Delete in Callbell only: the text and attachments go, the item stays. @param {{ item: Message, sent?: SentMessage }} found */
function eraseMessage(found) {
  found.item.text = '';
  delete found.item.attachments;
  if (found.sent) found.sent.deleted = true;
}

module.exports = { WINDOW_MS, eventTime, messageCreatedPayload, findOnChannel, lastInboundMs, windowOpen, resolveRecipient, storeSent, storeInbound, findMessage, eraseMessage };
