'use strict';
// @ts-check

/** Templates API: list (paged), get, rename. */

const { ApiError, notFound } = require('../errors');
const { parsePage, paginate } = require('../paging');
const { isPlainObject } = require('../validate');
const { apiTemplate } = require('../serialize');

/** @typedef {import('../router').Ctx} Ctx @typedef {import('../router').Route} Route */

/** Page size of GET /templates (undocumented; small so that clients must follow meta.pages). */
const TEMPLATES_PER_PAGE = 5;

/** @param {Ctx} ctx */
function findTemplate(ctx) {
  const t = ctx.state.account.templates.find((x) => x.uuid === ctx.params.uuid);
  if (!t) throw notFound('Template');
  return t;
}

/** GET /templates?page= — every template of the account (any status), as the docs list them. @param {Ctx} ctx */
function list(ctx) {
  const p = paginate(ctx.state.account.templates, parsePage(ctx.query.page), TEMPLATES_PER_PAGE);
  return { templates: p.items.map(apiTemplate), meta: { page: p.page, pages: p.pages } };
}

/** PATCH /templates/:uuid {title} — answered under the key `templates`, as in the docs' example (§9.7). @param {Ctx} ctx */
function rename(ctx) {
  const t = findTemplate(ctx);
  const title = isPlainObject(ctx.body) ? ctx.body.title : undefined;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new ApiError(422, 'Validation failed: title is required and must be a non-empty string', { title: 'is required and must be a non-empty string' });
  }
  t.title = title;
  return { templates: apiTemplate(t) };
}

/** @type {Route[]} */
module.exports = [
  { method: 'GET', path: '/templates', handler: list },
  { method: 'GET', path: '/templates/:uuid', handler: (ctx) => ({ template: apiTemplate(findTemplate(ctx)) }) },
  { method: 'PATCH', path: '/templates/:uuid', handler: rename },
];
