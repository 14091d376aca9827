'use strict';
// @ts-check

/** Internal records → API response objects (camelCase, as documented). */

/** @typedef {import('./types').State} State @typedef {import('./types').ContactRecord} ContactRecord */
/** @typedef {import('./types').Team} Team @typedef {import('./types').Channel} Channel */

/** Team object; `members` is the member count. @param {Team} t */
const apiTeam = (t) => ({ uuid: t.uuid, name: t.name, createdAt: t.createdAt, default: t.default, members: t.memberEmails.length });

/** Channel as listed by /channels. @param {Channel} c */
const apiChannel = (c) => ({ uuid: c.uuid, title: c.title, type: c.type, main: c.main, discardedAt: c.discardedAt });

/** Template object (docs' field table plus `title`). @param {import('./types').Template} t */
const apiTemplate = (t) => ({ uuid: t.uuid, title: t.title, text: t.text, templateType: t.templateType, category: t.category, status: t.status, createdAt: t.createdAt });

/** Team member (no user uuid exists in the API). @param {import('./types').User} u */
const apiMember = (u) => {
  /** @type {Record<string, unknown>} */
  const m = { email: u.email, name: u.name, available: u.available, lastUpdatedAt: u.lastUpdatedAt };
  if (u.userCustomStatus) m.userCustomStatus = { ...u.userCustomStatus };
  return m;
};

/**
 * `customFields`: every value a string; checkbox arrays JSON-encoded
 * (`"[\"Newsletter\"]"`); unset fields omitted. Keys in definition order.
 * @param {State} state @param {ContactRecord} c
 */
function apiCustomFields(state, c) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const def of state.account.customFields) {
    const v = c.customFields[def.name];
    if (v === undefined) continue;
    out[def.name] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

/**
 * `customFieldsMetadata`: every defined field of the account, typed value
 * (number for number fields, string[] for checkbox, null when unset).
 * @param {State} state @param {ContactRecord} c
 */
function apiFieldMetadata(state, c) {
  /** @type {Record<string, {value: unknown, type: string, options?: string[]}>} */
  const out = {};
  for (const def of state.account.customFields) {
    const v = c.customFields[def.name];
    /** @type {unknown} */
    let value = v === undefined ? null : Array.isArray(v) ? [...v] : v;
    if (def.type === 'number' && typeof value === 'string') value = Number(value);
    out[def.name] = def.options ? { value, type: def.type, options: [...def.options] } : { value, type: def.type };
  }
  return out;
}

/**
 * The Contact object. `team` is `{}` when the contact has no team.
 * @param {State} state @param {ContactRecord} c @param {{ fieldTypes?: boolean }} [opts]
 */
function apiContact(state, c, opts = {}) {
  const team = c.teamUuid ? state.account.teams.find((t) => t.uuid === c.teamUuid) : undefined;
  const ch = state.account.channels.find((x) => x.uuid === c.channelUuid);
  /** @type {Record<string, unknown>} */
  const out = {
    uuid: c.uuid,
    name: c.name,
    phoneNumber: c.phoneNumber,
    avatarUrl: c.avatarUrl,
    blockedAt: c.blockedAt,
    createdAt: c.createdAt,
    source: c.source,
    funnelId: c.funnelId,
    closedAt: c.closedAt,
    href: `https://dash.callbell.eu/contacts/${c.uuid}`,
    conversationHref: `https://dash.callbell.eu/chat/${c.uuid}`,
    tags: [...c.tags],
    assignedUser: c.assignedUser,
    customFields: apiCustomFields(state, c),
    team: team ? apiTeam(team) : {},
    channel: ch ? { uuid: ch.uuid, title: ch.title, type: ch.type, main: ch.main } : {},
    note: c.note,
  };
  if (c.bsuid) out.bsuid = c.bsuid;
  if (opts.fieldTypes) out.customFieldsMetadata = apiFieldMetadata(state, c);
  return out;
}

/** Bot object for a contact. @param {State} state @param {ContactRecord} c */
function apiBot(state, c) {
  const b = state.account.bot;
  return { uuid: b.uuid, name: b.name, status: c.bot.status, conversationStartedAt: c.bot.conversationStartedAt, version: b.version, latestBotVersion: b.latestBotVersion };
}

/** Funnel object. @param {import('./types').Funnel} f */
const apiFunnel = (f) => ({ position: f.position, name: f.name, emoji: f.emoji, createdAt: f.createdAt, uuid: f.uuid });

/**
 * Mask an API key for /auth/me: `sand…oken`. Short keys keep at most their
 * last two characters so the full token is never echoed.
 * @param {string} token
 */
function maskToken(token) {
  if (token.length >= 12) return `${token.slice(0, 4)}…${token.slice(-4)}`;
  if (token.length >= 6) return `…${token.slice(-2)}`;
  return '…';
}

const SHAPES = ['docs', 'object', 'array'];

/**
 * How single-contact responses wrap `contact`: 'docs' follows each doc example
 * (array for get/create/update/open, object for phone/close/update_funnel).
 * @param {unknown} s @returns {'docs'|'object'|'array'}
 */
function normalizeShape(s) {
  if (s === undefined) return 'docs';
  if (typeof s !== 'string' || !SHAPES.includes(s)) throw new TypeError(`contactShape must be one of ${SHAPES.join(', ')}`);
  return /** @type {any} */ (s);
}

module.exports = { normalizeShape, apiContact, apiTeam, apiChannel, apiTemplate, apiMember, apiBot, apiFunnel, apiCustomFields, apiFieldMetadata, maskToken };
