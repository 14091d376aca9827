'use strict';
// @ts-check

/**
 * Body validation for POST /contacts and PATCH /contacts/:uuid, following the
 * docs' field tables and the custom-field rules (API digest §3.2, §6).
 * Every violation is collected into `details` ({ "<field>": "<why>" }) and the
 * request is answered 422 with nothing applied.
 */

const { ApiError } = require('./errors');

/** @typedef {import('./types').State} State @typedef {import('./types').FieldDef} FieldDef */
/** @typedef {import('./state').ContactChanges} ContactChanges */

const UPDATE_FIELDS = ['name', 'tags', 'custom_fields', 'assigned_user', 'unassign_user', 'team_uuid', 'bot_status', 'note'];
const CREATE_FIELDS = ['identifier', 'source', 'name', 'channel_uuid', ...UPDATE_FIELDS.slice(1)];
const SOURCES = ['whatsapp', 'instagram', 'facebook', 'telegram'];
const NOTE_MAX = 1000;
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** @param {unknown} v @returns {v is string} */
const isNonBlank = (v) => typeof v === 'string' && v.trim() !== '';

/** @param {string} s YYYY-MM-DD that is a real calendar date */
function isCalendarDate(s) {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Check one custom field value against its definition.
 * @param {FieldDef} def @param {unknown} v
 * @returns {{ ok: true, value: string|string[] } | { ok: false, why: string }}
 */
function checkCustomValue(def, v) {
  const opts = def.options || [];
  switch (def.type) {
    case 'text':
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, why: `must be a string (got ${typeName(v)})` };
    case 'email':
      return typeof v === 'string' && EMAIL_RE.test(v) && v.length <= 254
        ? { ok: true, value: v } : { ok: false, why: 'must be a valid email address string' };
    case 'number':
      if (typeof v !== 'string') return { ok: false, why: `must be a string holding a number, e.g. "42" (got ${typeName(v)})` };
      return NUMBER_RE.test(v) ? { ok: true, value: v } : { ok: false, why: `must be a string holding a finite decimal number (got "${v}")` };
    case 'date':
      return typeof v === 'string' && isCalendarDate(v)
        ? { ok: true, value: v } : { ok: false, why: 'must be a real calendar date string formatted YYYY-MM-DD' };
    case 'dropdown':
      return typeof v === 'string' && opts.includes(v)
        ? { ok: true, value: v } : { ok: false, why: `must be one of: ${opts.join(', ')}` };
    case 'checkbox':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return { ok: false, why: 'must be an array of strings' };
      if (!v.every((x) => opts.includes(x))) {
        return { ok: false, why: `contains unknown option(s): ${v.filter((x) => !opts.includes(x)).join(', ')}; allowed: ${opts.join(', ')}` };
      }
      return { ok: true, value: [...new Set(v)] };
    default:
      return { ok: false, why: 'has an unsupported type' };
  }
}

/**
 * Validate a contact body. Returns the changes to apply, or throws 422.
 * @param {State} state @param {unknown} body @param {'create'|'update'} mode
 * @returns {ContactChanges}
 */
function validateContactBody(state, body, mode) {
  if (!isPlainObject(body)) throw new ApiError(422, 'Request body must be a JSON object');
  const acct = state.account;
  /** @type {Record<string, string>} */
  const details = {};
  /** @type {ContactChanges} */
  const ch = {};
  const has = (/** @type {string} */ k) => Object.prototype.hasOwnProperty.call(body, k);
  const allowed = mode === 'create' ? CREATE_FIELDS : UPDATE_FIELDS;
  for (const k of Object.keys(body)) if (!allowed.includes(k)) details[k] = 'is not a permitted field';

  if (mode === 'create') {
    for (const k of ['identifier', 'source', 'name']) if (!isNonBlank(body[k])) details[k] = 'is required and must be a non-empty string';
    if (isNonBlank(body.source) && !SOURCES.includes(body.source)) details.source = `must be one of: ${SOURCES.join(', ')}`;
    if (isNonBlank(body.identifier)) ch.identifier = body.identifier.trim();
    if (isNonBlank(body.source) && !details.source) ch.source = body.source;
    if (has('channel_uuid')) {
      if (typeof body.channel_uuid !== 'string' || !acct.channels.some((c) => c.uuid === body.channel_uuid)) details.channel_uuid = 'must be the uuid of an existing channel';
      else ch.channelUuid = body.channel_uuid;
    }
  }
  if (has('name') && !details.name) {
    if (typeof body.name !== 'string') details.name = `must be a string (got ${typeName(body.name)})`;
    else ch.name = body.name;
  }
  if (has('tags')) {
    const tags = body.tags;
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) details.tags = 'must be an array of strings';
    else {
      const unknown = tags.filter((t) => !acct.tags.some((a) => a.toLowerCase() === t.trim().toLowerCase()));
      if (unknown.length) details.tags = `unknown tag(s): ${unknown.join(', ')}; tags must exist in the account`;
      // stored with the account's spelling, de-duplicated, in request order
      else ch.tags = [...new Set(tags.map((t) => /** @type {string} */ (acct.tags.find((a) => a.toLowerCase() === t.trim().toLowerCase()))))];
    }
  }
  if (has('custom_fields')) {
    const cf = body.custom_fields;
    if (!isPlainObject(cf)) details.custom_fields = `must be an object of field name to value (got ${typeName(cf)})`;
    else {
      /** @type {Record<string, string|string[]|null>} */
      const out = {};
      for (const [key, v] of Object.entries(cf)) {
        const def = acct.customFields.find((f) => f.name === key);
        if (!def) {
          const near = acct.customFields.find((f) => f.name.toLowerCase() === key.trim().toLowerCase());
          details[`custom_fields.${key}`] = `is not a defined custom field${near ? ` (did you mean "${near.name}"?)` : ''}`;
          continue;
        }
        if (v === null) { out[key] = null; continue; } // null clears the field
        const res = checkCustomValue(def, v);
        if (res.ok) out[key] = res.value;
        else details[`custom_fields.${key}`] = res.why;
      }
      ch.customFields = out;
    }
  }
  const unassign = body.unassign_user;
  if (has('unassign_user') && typeof unassign !== 'boolean') details.unassign_user = 'must be a boolean';
  if (has('assigned_user')) {
    const email = body.assigned_user;
    const user = typeof email === 'string' ? acct.users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase()) : undefined;
    if (unassign === true) details.assigned_user = 'cannot be combined with unassign_user: true';
    else if (!user) details.assigned_user = 'must be the email of a user of the account';
    else ch.assignedUser = user.email;
  }
  if (unassign === true && !has('assigned_user')) ch.assignedUser = null;
  if (has('team_uuid')) {
    if (typeof body.team_uuid !== 'string' || !acct.teams.some((t) => t.uuid === body.team_uuid)) details.team_uuid = 'must be the uuid of an existing team';
    else ch.teamUuid = body.team_uuid;
  }
  if (has('bot_status')) {
    if (body.bot_status !== 'bot_start' && body.bot_status !== 'bot_end') details.bot_status = 'must be "bot_start" or "bot_end"';
    else if (!acct.bot.enabled) details.bot_status = 'requires an enabled bot; none is enabled in this account';
    else ch.botStatus = body.bot_status;
  }
  if (has('note')) {
    const note = body.note;
    if (typeof note !== 'string') details.note = `must be a string (got ${typeName(note)})`;
    else if ([...note].length > NOTE_MAX) details.note = `is too long (maximum is ${NOTE_MAX} characters)`;
    else ch.note = note === '' ? null : note; // "" clears the note; the sandbox stores (and returns) null
  }
  const problems = Object.entries(details);
  if (problems.length) {
    throw new ApiError(422, `Validation failed: ${problems.map(([k, why]) => `${k} ${why}`).join('; ')}`, details);
  }
  return ch;
}

module.exports = { validateContactBody, checkCustomValue, isCalendarDate, isPlainObject, UPDATE_FIELDS, CREATE_FIELDS, SOURCES };
