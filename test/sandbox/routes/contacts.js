'use strict';
// @ts-check

/** Contacts API: list, get (uuid / phone), create, update, delete. */

const { ApiError, notFound } = require('../errors');
const { digitsOnly } = require('../ids');
const { parsePage, paginate, encodeCursor, decodeCursor, MAX_CONTACT_PAGE } = require('../paging');
const S = require('../state');
const { validateContactBody } = require('../validate');
const { apiContact } = require('../serialize');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */

const PER_PAGE = 20;

/** @param {Ctx} ctx */
const wantsFieldTypes = (ctx) => String(ctx.query.include_field_types).toLowerCase() === 'true';

/** @param {Ctx} ctx */
function findContact(ctx) {
  const c = ctx.state.contacts.get(ctx.params.uuid);
  if (!c) throw notFound('Contact');
  return c;
}

/**
 * GET /contacts. Filters: source (exact, case-insensitive), tags (comma
 * separated, case-insensitive, a contact must carry ALL of them), team_uuid.
 * `after` (cursor) takes precedence over `page`.
 * @param {Ctx} ctx
 */
function listContacts(ctx) {
  const q = ctx.query;
  const cursor = q.after !== undefined ? decodeCursor(q.after) : null;
  const page = cursor ? 1 : parsePage(q.page, MAX_CONTACT_PAGE);
  const wantedTags = (q.tags || '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const source = (q.source || '').trim().toLowerCase();
  const snapshot = cursor ? cursor.n : ctx.state.lastSeq;
  const all = S.contactsInListOrder(ctx.state).filter((c) =>
    c.seq <= snapshot
    && (!source || c.source === source)
    && (!q.team_uuid || c.teamUuid === q.team_uuid)
    && wantedTags.every((t) => c.tags.some((ct) => ct.toLowerCase() === t)));

  let start = (page - 1) * PER_PAGE;
  if (cursor) {
    const idx = all.findIndex((c) => c.lastMessageAt < cursor.at || (c.lastMessageAt === cursor.at && c.uuid > cursor.id));
    start = idx === -1 ? all.length : idx;
  }
  const items = all.slice(start, start + PER_PAGE);
  const last = items[items.length - 1];
  const next = last && start + PER_PAGE < all.length ? encodeCursor({ at: last.lastMessageAt, id: last.uuid, n: snapshot }) : null;
  const fieldTypes = wantsFieldTypes(ctx);
  return {
    contacts: items.map((c) => apiContact(ctx.state, c, { fieldTypes })),
    meta: { page: Math.floor(start / PER_PAGE) + 1, pages: paginate(all, 1, PER_PAGE).pages, next },
  };
}

/** @param {Ctx} ctx */
function getContact(ctx) {
  return ctx.contactResponse(findContact(ctx), 'array', { fieldTypes: wantsFieldTypes(ctx) });
}

/**
 * GET /contacts/phone/:phone — digits-only match on the channel given by
 * `channel_uuid`, else on the main WhatsApp channel. The docs only speak of phone
 * numbers; a contact without one (Instagram, Messenger) is matched by its exact
 * identifier, so a platform ID can be looked up on its channel too (UNCERTAIN: both
 * readings accepted).
 * @param {Ctx} ctx
 */
function getByPhone(ctx) {
  const digits = digitsOnly(ctx.params.phone);
  const st = ctx.state;
  const channel = ctx.query.channel_uuid ? st.account.channels.find((c) => c.uuid === ctx.query.channel_uuid) : S.mainWhatsAppChannel(st);
  if (!channel) throw notFound('Channel');
  const onChannel = [...st.contacts.values()].filter((x) => x.channelUuid === channel.uuid);
  const c = (digits ? onChannel.find((x) => x.phoneNumber && digitsOnly(x.phoneNumber) === digits) : undefined)
    || onChannel.find((x) => !x.phoneNumber && x.identifier === ctx.params.phone);
  if (!c) throw notFound('Contact');
  return ctx.contactResponse(c, 'object', { fieldTypes: wantsFieldTypes(ctx) });
}

/** GET /contacts/bsuid/:bsuid — exact match on WhatsApp's Business Suite User ID, any channel. @param {Ctx} ctx */
function getByBsuid(ctx) {
  const c = [...ctx.state.contacts.values()].find((x) => x.bsuid !== undefined && x.bsuid === ctx.params.bsuid);
  if (!c) throw notFound('Contact');
  return ctx.contactResponse(c, 'object', { fieldTypes: wantsFieldTypes(ctx) });
}

/**
 * POST /contacts. A second contact with the same identifier on the same
 * channel is refused with 422 (the docs leave duplicates undocumented).
 * @param {Ctx} ctx
 */
function createContact(ctx) {
  const changes = validateContactBody(ctx.state, ctx.body, 'create');
  const channelUuid = changes.channelUuid || S.defaultChannelFor(ctx.state, /** @type {string} */ (changes.source)).uuid;
  const dup = S.findDuplicate(ctx.state, channelUuid, /** @type {string} */ (changes.identifier));
  if (dup) {
    throw new ApiError(422, 'Validation failed: identifier has already been taken on this channel', { identifier: 'has already been taken on this channel' });
  }
  const c = S.createContact(ctx.state, { ...changes, channelUuid }, ctx.now());
  ctx.emit('contact_created', apiContact(ctx.state, c));
  return ctx.contactResponse(c, 'array');
}

/** @param {Ctx} ctx */
function updateContact(ctx) {
  const c = findContact(ctx);
  const changes = validateContactBody(ctx.state, ctx.body, 'update');
  S.applyContactChanges(ctx.state, c, changes, ctx.now());
  ctx.emit('contact_updated', apiContact(ctx.state, c));
  return ctx.contactResponse(c, 'array');
}

/** @param {Ctx} ctx */
function deleteContact(ctx) {
  const c = findContact(ctx);
  S.deleteContact(ctx.state, c.uuid);
  // Documented payload of contact_deleted: { uuid, deleted: <ISO time> }.
  ctx.emit('contact_deleted', { uuid: c.uuid, deleted: ctx.now().toISOString() });
  return { status: 'contact was destroyed' };
}

/** @type {Route[]} */
module.exports = [
  { method: 'GET', path: '/contacts', handler: listContacts },
  { method: 'POST', path: '/contacts', handler: createContact },
  { method: 'GET', path: '/contacts/phone/:phone', handler: getByPhone },
  { method: 'GET', path: '/contacts/bsuid/:bsuid', handler: getByBsuid },
  { method: 'GET', path: '/contacts/:uuid', handler: getContact },
  { method: 'PATCH', path: '/contacts/:uuid', handler: updateContact },
  { method: 'DELETE', path: '/contacts/:uuid', handler: deleteContact },
];
