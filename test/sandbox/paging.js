'use strict';
// @ts-check

/** Page-number and cursor pagination helpers. */

const { ApiError } = require('./errors');

/** GET /contacts refuses pages past this (docs: "page 500 (10,000 contacts)"). */
const MAX_CONTACT_PAGE = 500;

/**
 * Parse `page` (default 1). Not a positive integer → 400; over `max` → 400
 * `Pagination limit exceeded`.
 * @param {string|undefined} raw @param {number} [max]
 */
function parsePage(raw, max) {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ApiError(400, 'Invalid page parameter: must be a positive integer');
  const page = Number(raw);
  if (max !== undefined && page > max) throw new ApiError(400, 'Pagination limit exceeded');
  return page;
}

/**
 * Slice one page. `pages` is ceil(total / perPage), so 0 for an empty list;
 * a page past the end returns no items.
 * @template T @param {T[]} items @param {number} page @param {number} perPage
 */
function paginate(items, page, perPage) {
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pages: Math.ceil(items.length / perPage) };
}

/**
 * Contacts cursor: base64url(JSON {v:1, at, id, n}) = keyset position after the
 * contact (lastMessageAt `at`, uuid `id`) plus `n`, the creation counter when
 * iteration started (contacts created later are not included). Filters are not
 * part of the cursor; clients resend them.
 * @typedef {{ v: 1, at: string, id: string, n: number }} Cursor
 */

/** @param {Omit<Cursor, 'v'>} c */
const encodeCursor = (c) => Buffer.from(JSON.stringify({ v: 1, at: c.at, id: c.id, n: c.n })).toString('base64url');

/**
 * @param {string} raw
 * @returns {Cursor}
 */
function decodeCursor(raw) {
  const bad = () => new ApiError(400, 'Invalid pagination cursor');
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw bad();
  /** @type {any} */
  let c;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!c || c.v !== 1 || typeof c.at !== 'string' || typeof c.id !== 'string' || !Number.isInteger(c.n)) throw bad();
  return c;
}

module.exports = { MAX_CONTACT_PAGE, parsePage, paginate, encodeCursor, decodeCursor };
