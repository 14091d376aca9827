'use strict';
// @ts-check

/**
 * Users (status), custom statuses and plan (API digest §3.7, §3.8, §3.10).
 *
 * Choices where the docs are silent:
 * - PUT /users/:uuid/status needs `available` (boolean) and/or `custom_status_uuid` (an existing
 *   id, or null to unassign); neither → 422. An unknown user → 404 `User not found`.
 * - DELETE /users/:uuid/status: the docs say the answer is empty; the sandbox answers `{}`. It
 *   succeeds when the user wears no custom status too.
 * - Custom statuses: `name` is a non-empty string; `emoji` (undocumented in bodies) is accepted as
 *   an optional string. PUT needs name and/or emoji. DELETE answers on both the page's path
 *   `/custom_statuses/:id` and the snippet's `/custom_status/:id`; users wearing the status lose it.
 * - GET /plan: activeUsers counts the available users.
 */

const crypto = require('crypto');
const { ApiError, notFound } = require('../errors');
const { isoSeconds, railsTime } = require('../ids');
const { parsePage, paginate } = require('../paging');
const { apiMember, apiTeam } = require('../serialize');
const { isPlainObject } = require('../validate');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */
/** @typedef {import('../types').CustomStatus} CustomStatus */

const PER_PAGE = 10;

/** `2024-11-22T21:29:43.311+01:00`, the style of the user status example. @param {number} ms */
const offsetTime = (ms) => new Date(ms + 3600_000).toISOString().replace('Z', '+01:00');

/** @param {Record<string, string>} details */
function failIfAny(details) {
  const problems = Object.entries(details);
  if (problems.length) throw new ApiError(422, `Validation failed: ${problems.map(([k, why]) => `${k} ${why}`).join('; ')}`, details);
}

/** @param {unknown} body @param {string[]} allowed */
function objectBody(body, allowed) {
  if (!isPlainObject(body)) throw new ApiError(422, 'Request body must be a JSON object');
  /** @type {Record<string, string>} */
  const details = {};
  for (const k of Object.keys(body)) if (!allowed.includes(k)) details[k] = 'is not a permitted field';
  return { body, details };
}

/** @param {Ctx} ctx */
function findUser(ctx) {
  const u = ctx.state.account.users.find((x) => x.uuid === ctx.params.uuid);
  if (!u) throw notFound('User');
  return u;
}

/** @param {Ctx} ctx */
function findStatus(ctx) {
  const s = ctx.state.account.customStatuses.find((x) => x.id === ctx.params.id);
  if (!s) throw notFound('Custom status');
  return s;
}

/** @param {CustomStatus} s */
const apiCustomStatus = (s) => ({ id: s.id, name: s.name, emoji: s.emoji, createdAt: s.createdAt, updatedAt: s.updatedAt });

/** @param {import('../types').User} u */
function userStatus(u) {
  const cs = u.userCustomStatus;
  return {
    user_status: {
      custom_status: cs ? { id: cs.id, name: cs.name, last_updated_at: offsetTime(Date.parse(cs.updatedAt)) } : null,
      appearance: { available: u.available, last_updated_at: offsetTime(Date.parse(u.lastUpdatedAt)) },
    },
  };
}

/** PUT /users/:uuid/status @param {Ctx} ctx */
function setStatus(ctx) {
  const user = findUser(ctx);
  const { body, details } = objectBody(ctx.body, ['available', 'custom_status_uuid']);
  const has = (/** @type {string} */ k) => Object.prototype.hasOwnProperty.call(body, k);
  if (!has('available') && !has('custom_status_uuid')) details.available = 'or custom_status_uuid is required';
  if (has('available') && typeof body.available !== 'boolean') details.available = 'must be true or false';
  /** @type {CustomStatus|null|undefined} */
  let status;
  if (has('custom_status_uuid')) {
    const id = body.custom_status_uuid;
    if (id === null) status = null;
    else if (typeof id !== 'string' || !(status = ctx.state.account.customStatuses.find((s) => s.id === id))) {
      details.custom_status_uuid = 'must be the id of an existing custom status, or null';
    }
  }
  failIfAny(details);
  const at = isoSeconds(ctx.now());
  if (has('available')) {
    user.available = /** @type {boolean} */ (body.available);
    user.lastUpdatedAt = at;
  }
  if (status === null) delete user.userCustomStatus;
  else if (status) user.userCustomStatus = { id: status.id, name: status.name, emoji: status.emoji, updatedAt: at };
  ctx.emit('agent_status_updated', apiMember(user));
  return userStatus(user);
}

/** DELETE /users/:uuid/status @param {Ctx} ctx */
function clearStatus(ctx) {
  const user = findUser(ctx);
  if (user.userCustomStatus) {
    delete user.userCustomStatus;
    ctx.emit('agent_status_updated', apiMember(user));
  }
  return {};
}

/**
 * name (required on create) and emoji (optional) of a custom status body.
 * @param {unknown} raw @param {'create'|'update'} mode
 */
function statusChanges(raw, mode) {
  const { body, details } = objectBody(raw, ['name', 'emoji']);
  const has = (/** @type {string} */ k) => Object.prototype.hasOwnProperty.call(body, k);
  /** @type {{ name?: string, emoji?: string }} */
  const out = {};
  if (mode === 'create' || has('name')) {
    if (typeof body.name !== 'string' || body.name.trim() === '') details.name = 'is required and must be a non-empty string';
    else out.name = body.name.trim();
  }
  if (has('emoji')) {
    if (typeof body.emoji !== 'string') details.emoji = 'must be a string';
    else out.emoji = body.emoji;
  }
  if (mode === 'update' && !has('name') && !has('emoji')) details.name = 'or emoji is required';
  failIfAny(details);
  return out;
}

/** @param {Ctx} ctx */
function createStatus(ctx) {
  const ch = statusChanges(ctx.body, 'create');
  const now = ctx.now().getTime();
  /** @type {CustomStatus} */
  const s = {
    id: crypto.randomUUID(), name: /** @type {string} */ (ch.name), emoji: ch.emoji ?? '', createdAt: railsTime(now), updatedAt: railsTime(now),
  };
  ctx.state.account.customStatuses.push(s);
  return { customStatus: apiCustomStatus(s) };
}

/** @param {Ctx} ctx */
function updateStatus(ctx) {
  const s = findStatus(ctx);
  const ch = statusChanges(ctx.body, 'update');
  if (ch.name !== undefined) s.name = ch.name;
  if (ch.emoji !== undefined) s.emoji = ch.emoji;
  s.updatedAt = railsTime(ctx.now().getTime());
  for (const u of ctx.state.account.users) {
    if (u.userCustomStatus?.id === s.id) Object.assign(u.userCustomStatus, { name: s.name, emoji: s.emoji });
  }
  return { customStatus: apiCustomStatus(s) };
}

/** @param {Ctx} ctx */
function deleteStatus(ctx) {
  const s = findStatus(ctx);
  const list = ctx.state.account.customStatuses;
  list.splice(list.indexOf(s), 1);
  for (const u of ctx.state.account.users) if (u.userCustomStatus?.id === s.id) delete u.userCustomStatus;
  return { status: 'custom status was destroyed' };
}

/** @param {Ctx} ctx */
function listStatuses(ctx) {
  const p = paginate(ctx.state.account.customStatuses, parsePage(ctx.query.page), PER_PAGE);
  return { customStatuses: p.items.map(apiCustomStatus), meta: { page: p.page, pages: p.pages } };
}

/** @param {Ctx} ctx */
function plan(ctx) {
  const a = ctx.state.account;
  return { ...a.plan, activeUsers: a.users.filter((u) => u.available).length, teams: a.teams.map(apiTeam) };
}

/** @type {Route[]} */
module.exports = [
  { method: 'PUT', path: '/users/:uuid/status', handler: setStatus },
  { method: 'DELETE', path: '/users/:uuid/status', handler: clearStatus },
  { method: 'GET', path: '/custom_statuses', handler: listStatuses },
  { method: 'POST', path: '/custom_statuses', handler: createStatus },
  { method: 'GET', path: '/custom_statuses/:id', handler: (ctx) => ({ customStatus: apiCustomStatus(findStatus(ctx)) }) },
  { method: 'PUT', path: '/custom_statuses/:id', handler: updateStatus },
  { method: 'DELETE', path: '/custom_statuses/:id', handler: deleteStatus },
  { method: 'DELETE', path: '/custom_status/:id', handler: deleteStatus },
  { method: 'GET', path: '/plan', handler: plan },
];
