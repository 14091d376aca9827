'use strict';
// @ts-check

/** Account API: auth/me, teams, team members, channels, funnels. */

const { ApiError, notFound } = require('../errors');
const { parsePage, paginate } = require('../paging');
const { apiTeam, apiChannel, apiMember, apiFunnel, maskToken } = require('../serialize');
const { isPlainObject } = require('../validate');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */

const PER_PAGE = 10;

/** @param {Ctx} ctx */
function findTeam(ctx) {
  const t = ctx.state.account.teams.find((x) => x.uuid === ctx.params.uuid);
  if (!t) throw notFound('Team');
  return t;
}

/** @param {Ctx} ctx */
function findChannel(ctx) {
  const c = ctx.state.account.channels.find((x) => x.uuid === ctx.params.uuid);
  if (!c) throw notFound('Channel');
  return c;
}

/**
 * Rename bodies (`{name}` / `{title}`): a non-empty string is required.
 * @param {unknown} body @param {string} field
 */
function renameValue(body, field) {
  const v = isPlainObject(body) ? body[field] : undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    throw new ApiError(422, `Validation failed: ${field} is required and must be a non-empty string`, { [field]: 'is required and must be a non-empty string' });
  }
  return v;
}

/** GET /auth/me — snake_case keys, and a masked api_key (never the token). @param {Ctx} ctx */
function me(ctx) {
  const o = ctx.state.account.owner;
  return { status: 'ok', user_email: o.email, user_name: o.name, api_key: maskToken(ctx.token) };
}

/** @param {Ctx} ctx */
function listTeams(ctx) {
  const p = paginate(ctx.state.account.teams, parsePage(ctx.query.page), PER_PAGE);
  return { teams: p.items.map(apiTeam), meta: { page: p.page, pages: p.pages } };
}

/** GET /teams/:uuid/members?status=available|away @param {Ctx} ctx */
function listMembers(ctx) {
  const team = findTeam(ctx);
  const status = ctx.query.status;
  if (status !== undefined && status !== 'available' && status !== 'away') {
    throw new ApiError(400, 'Invalid status filter: must be "available" or "away"');
  }
  const users = team.memberEmails
    .map((e) => /** @type {import('../types').User} */ (ctx.state.account.users.find((u) => u.email === e)))
    .filter((u) => u && (status === undefined || u.available === (status === 'available')));
  const p = paginate(users, parsePage(ctx.query.page), PER_PAGE);
  return { users: p.items.map(apiMember), meta: { page: p.page, pages: p.pages } };
}

/**
 * GET /channels?type=&active=. `discardedAt` follows the doc examples: a
 * boolean, true for a deactivated channel. active=true keeps the others.
 * @param {Ctx} ctx
 */
function listChannels(ctx) {
  const { type, active } = ctx.query;
  if (active !== undefined && active !== 'true' && active !== 'false') throw new ApiError(400, 'Invalid active filter: must be true or false');
  const list = ctx.state.account.channels.filter((c) =>
    (!type || c.type === type.toLowerCase()) && (active === undefined || c.discardedAt === (active === 'false')));
  const p = paginate(list, parsePage(ctx.query.page), PER_PAGE);
  return { channels: p.items.map(apiChannel), meta: { page: p.page, pages: p.pages } };
}

/** @type {Route[]} */
module.exports = [
  { method: 'GET', path: '/auth/me', handler: me },
  { method: 'GET', path: '/teams', handler: listTeams },
  { method: 'GET', path: '/teams/:uuid', handler: (ctx) => ({ team: apiTeam(findTeam(ctx)) }) },
  {
    method: 'PATCH', path: '/teams/:uuid', handler: (ctx) => {
      const t = findTeam(ctx);
      t.name = renameValue(ctx.body, 'name');
      return { team: apiTeam(t) };
    },
  },
  { method: 'GET', path: '/teams/:uuid/members', handler: listMembers },
  { method: 'GET', path: '/channels', handler: listChannels },
  { method: 'GET', path: '/channels/:uuid', handler: (ctx) => ({ channel: apiChannel(findChannel(ctx)) }) },
  {
    method: 'PATCH', path: '/channels/:uuid', handler: (ctx) => {
      const c = findChannel(ctx);
      c.title = renameValue(ctx.body, 'title');
      return { channel: apiChannel(c) };
    },
  },
  { method: 'GET', path: '/funnels', handler: (ctx) => ({ funnels: ctx.state.account.funnels.map(apiFunnel) }) },
];
