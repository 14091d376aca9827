'use strict';
// @ts-check

/**
 * The account store: a plain object (`sb.state`) holding the account
 * definitions and Maps of contacts, messages and notes, plus the few mutations
 * the routes perform. Mutations are only called after validation succeeded,
 * so a rejected request never changes anything.
 */

const crypto = require('crypto');
const { buildSeed } = require('./seed');
const { hexId, isoSeconds, digitsOnly } = require('./ids');

/** @typedef {import('./types').State} State @typedef {import('./types').ContactRecord} ContactRecord */

/**
 * Validated contact changes (validate.js). `undefined` = leave unchanged; for
 * assignedUser/note `null` clears. customFields merge per key, null deletes.
 * @typedef {{ identifier?: string, source?: string, channelUuid?: string, name?: string, tags?: string[],
 *   customFields?: Record<string, string|string[]|null>, assignedUser?: string|null, teamUuid?: string,
 *   botStatus?: 'bot_start'|'bot_end', note?: string|null }} ContactChanges
 */

/** @param {number} [nowMs] sandbox clock at seed time @returns {State} */
function createState(nowMs) {
  const seed = buildSeed(nowMs);
  return {
    account: seed.account, contacts: seed.contacts, messages: seed.messages, notes: new Map(), lastSeq: seed.lastSeq,
    webhook: null, webhookEvents: [], sent: new Map(), sentSeq: 0,
    // Callbell never gives two messages one uuid: new messages of this state get ids no earlier
    // state (a restarted sandbox, a reset) gave, so a trigger's duplicate record cannot mistake them.
    idEpoch: crypto.randomBytes(6).toString('hex'),
  };
}

/** Re-seed in place so references to `sb.state` stay valid. @param {State} state @param {number} [nowMs] */
function resetState(state, nowMs) {
  Object.assign(state, createState(nowMs));
}

/**
 * Contacts in GET /contacts order: "most recent conversation first", i.e.
 * lastMessageAt descending, ties broken by uuid ascending. The sandbox never
 * changes lastMessageAt after a contact exists (it sends no messages), so this
 * order is stable; new contacts use their creation time and come first.
 * @param {State} state
 */
function contactsInListOrder(state) {
  return [...state.contacts.values()].sort(compareListOrder);
}

/** @param {ContactRecord} a @param {ContactRecord} b */
function compareListOrder(a, b) {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/** @param {State} state */
const mainWhatsAppChannel = (state) =>
  state.account.channels.find((c) => c.type === 'whatsapp' && c.main) || state.account.channels.find((c) => c.type === 'whatsapp');

/**
 * Channel a new contact joins when no channel_uuid is sent: the docs say "the
 * main channel"; the sandbox picks the main channel of the contact's source
 * type, else the first active channel of that type, else the main channel.
 * @param {State} state @param {string} source
 */
function defaultChannelFor(state, source) {
  const chans = state.account.channels;
  return chans.find((c) => c.type === source && c.main) || chans.find((c) => c.type === source && !c.discardedAt)
    || chans.find((c) => c.main) || chans[0];
}

/** True when `identifier` looks like a phone number (digits with optional + ( ) - . and spaces). @param {string} s */
const looksLikePhone = (s) => /^\+?[\d\s().-]+$/.test(s) && digitsOnly(s).length >= 6;

/**
 * An existing contact on the same channel with the same identifier (digits
 * compared for phone numbers), used to reject duplicate creates.
 * @param {State} state @param {string} channelUuid @param {string} identifier
 */
function findDuplicate(state, channelUuid, identifier) {
  const phone = looksLikePhone(identifier) ? digitsOnly(identifier) : null;
  for (const c of state.contacts.values()) {
    if (c.channelUuid !== channelUuid) continue;
    if (c.identifier === identifier || (phone && c.phoneNumber && digitsOnly(c.phoneNumber) === phone)) return c;
  }
  return undefined;
}

/**
 * Apply validated changes to a record. Returns the record.
 * @param {State} state @param {ContactRecord} c @param {ContactChanges} ch @param {Date} now
 */
function applyContactChanges(state, c, ch, now) {
  if (ch.name !== undefined) c.name = ch.name;
  if (ch.tags !== undefined) c.tags = [...ch.tags]; // PATCH tags replace the list
  if (ch.customFields) {
    for (const [k, v] of Object.entries(ch.customFields)) {
      if (v === null) delete c.customFields[k];
      else c.customFields[k] = Array.isArray(v) ? [...v] : v;
    }
  }
  if (ch.assignedUser !== undefined) c.assignedUser = ch.assignedUser;
  if (ch.teamUuid !== undefined) c.teamUuid = ch.teamUuid;
  if (ch.note !== undefined) c.note = ch.note;
  if (ch.botStatus) setBotStatus(c, ch.botStatus, now);
  return c;
}

/** @param {ContactRecord} c @param {'bot_start'|'bot_end'} status @param {Date} now */
function setBotStatus(c, status, now) {
  c.bot = status === 'bot_start'
    ? { status: 'started', conversationStartedAt: isoSeconds(now) }
    : { status: 'ended', conversationStartedAt: c.bot.conversationStartedAt };
}

/**
 * Create a contact from validated changes (identifier, source, name present).
 * The uuid hashes the creation counter and identifier, so the same sequence of
 * creates after a reset yields the same uuids. New contacts have no team
 * (`team: {}`) and, when a bot is enabled, start with the bot started (docs:
 * "with a bot enabled, the default is bot_start").
 * @param {State} state @param {ContactChanges} ch @param {Date} now
 */
function createContact(state, ch, now) {
  const identifier = /** @type {string} */ (ch.identifier);
  const source = /** @type {string} */ (ch.source);
  const channel = ch.channelUuid
    ? /** @type {import('./types').Channel} */ (state.account.channels.find((x) => x.uuid === ch.channelUuid))
    : defaultChannelFor(state, source);
  const seq = ++state.lastSeq;
  const uuid = hexId(`contact:created:${seq}:${identifier}`);
  const ts = isoSeconds(now);
  const hasPhone = (source === 'whatsapp' || source === 'telegram') && looksLikePhone(identifier);
  /** @type {ContactRecord} */
  const c = {
    uuid, seq, name: ch.name ?? null, identifier, phoneNumber: hasPhone ? identifier : null, avatarUrl: null, blockedAt: null,
    createdAt: ts, lastMessageAt: ts, source, channelUuid: channel.uuid, funnelId: null, closedAt: null, tags: [],
    assignedUser: null, customFields: {}, teamUuid: null, note: null,
    bot: { status: 'ended', conversationStartedAt: null },
  };
  const initial = { ...ch, name: undefined };
  if (!initial.botStatus && state.account.bot.enabled) initial.botStatus = 'bot_start';
  applyContactChanges(state, c, initial, now);
  state.contacts.set(uuid, c);
  state.messages.set(uuid, []);
  return c;
}

/** @param {State} state @param {string} uuid */
function deleteContact(state, uuid) {
  state.contacts.delete(uuid);
  state.messages.delete(uuid);
  state.notes.delete(uuid);
}

/**
 * Store an internal note; it also shows in the conversation's messages as a
 * `status: "note"` item without uuid, like the docs' example.
 * @param {State} state @param {ContactRecord} c @param {string} text @param {Date} now
 */
function addNote(state, c, text, now) {
  const createdAt = isoSeconds(now);
  const notes = state.notes.get(c.uuid) || [];
  notes.push({ text, createdAt });
  state.notes.set(c.uuid, notes);
  const msgs = state.messages.get(c.uuid) || [];
  msgs.push({ createdAt, text, status: 'note', channel: c.source, from: state.account.owner.email, to: c.identifier });
  state.messages.set(c.uuid, msgs);
}

module.exports = {
  createState, resetState, contactsInListOrder, compareListOrder, mainWhatsAppChannel, defaultChannelFor, findDuplicate,
  applyContactChanges, setBotStatus, createContact, deleteContact, addNote,
};
