'use strict';
// @ts-check

/**
 * Body rules of POST /messages/send (API digest §3.3, docs page "POST /messages/send").
 * validateSend() collects every violation into `details` and throws 422 before anything changes;
 * on success it returns what the send will do. The recipient and the 24-hour window are checked
 * afterwards by messages-store.js (they need the body to be valid first).
 */

const { ApiError } = require('./errors');
const { digitsOnly } = require('./ids');
const { isPlainObject } = require('./validate');
const { countVariables, renderTemplate } = require('./template-text');

/** @typedef {import('./types').State} State @typedef {import('./types').Channel} Channel */
/** @typedef {import('./types').Template} Template */

const SEND_FIELDS = ['to', 'bsuid', 'from', 'type', 'content', 'channel_uuid', 'template_uuid', 'optin_contact',
  'template_values', 'assigned_user', 'team_uuid', 'fields', 'bot_status', 'metadata'];
const TYPES = ['text', 'image', 'document', 'audio', 'video'];
const MEDIA = ['image', 'document', 'audio', 'video'];
/** Caption allowed (the docs show one for image; WhatsApp also captions documents and videos). */
const CAPTIONED = ['image', 'document', 'video'];
const WHATSAPP_ONLY_TYPES = ['audio', 'video'];
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const METADATA_MAX_PAIRS = 10;
const METADATA_KEY_MAX = 50;
const METADATA_VALUE_MAX = 500;
const RETURNABLE = ['contact', 'conversation'];

/** @param {unknown} v @returns {v is string} */
const isNonBlank = (v) => typeof v === 'string' && v.trim() !== '';
/** @param {string} s */
const chars = (s) => [...s].length;

/** An international phone number: digits with optional + ( ) - . and spaces, 8 to 15 digits. @param {string} s */
const isPhone = (s) => /^\+?[\d\s().-]+$/.test(s.trim()) && digitsOnly(s).length >= 8 && digitsOnly(s).length <= 15;

/** @param {unknown} v @returns {string|null} why it is not an absolute http(s) URL, or null */
function urlProblem(v) {
  if (!isNonBlank(v)) return 'is required for media and must be an absolute http(s) URL, e.g. https://example.com/file.pdf';
  let u;
  try {
    u = new URL(v);
  } catch {
    return `must be an absolute http(s) URL, e.g. https://example.com/file.pdf (got "${v}")`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `must use http or https (got ${u.protocol.replace(':', '')})`;
  if (!u.hostname) return 'must name a host';
  return null;
}

/**
 * What a valid send does.
 * @typedef {{ channel: Channel, to: string|null, bsuid: string|null, type: string, text: string,
 *   attachments: string[], template: Template|null, templateValues: string[], metadata: Record<string, string>|null,
 *   assignedUser?: string, teamUuid?: string, botStatus?: 'bot_start'|'bot_end', fields: string[] }} SendPlan
 */

/**
 * @param {State} state @param {unknown} body @param {Record<string, string>} query
 * @returns {SendPlan}
 */
function validateSend(state, body, query) {
  if (!isPlainObject(body)) throw new ApiError(422, 'Request body must be a JSON object');
  const acct = state.account;
  /** @type {Record<string, string>} */
  const d = {};
  const has = (/** @type {string} */ k) => Object.prototype.hasOwnProperty.call(body, k);
  for (const k of Object.keys(body)) if (!SEND_FIELDS.includes(k)) d[k] = 'is not a permitted field';

  // channel and from
  /** @type {Channel|undefined} */
  let channel;
  if (!isNonBlank(body.channel_uuid)) d.channel_uuid = 'is required (mandatory since 2024-10-15): the uuid of one of your channels';
  else {
    channel = acct.channels.find((c) => c.uuid === body.channel_uuid);
    if (!channel) d.channel_uuid = 'must be the uuid of an existing channel';
    else if (channel.discardedAt) {
      d.channel_uuid = `is the inactive channel "${channel.title}"; send from an active channel`;
      channel = undefined;
    }
  }
  if (!isNonBlank(body.from)) d.from = 'is required: the channel type, e.g. "whatsapp"';
  else if (channel && body.from !== channel.type) d.from = `must be "${channel.type}", the type of channel "${channel.title}" (got "${body.from}")`;
  const whatsapp = channel ? channel.type === 'whatsapp' : body.from === 'whatsapp';

  // recipient: `to` wins over `bsuid`
  let to = null;
  let bsuid = null;
  if (has('to') && typeof body.to !== 'string') d.to = 'must be a string';
  else if (isNonBlank(body.to)) {
    to = body.to.trim();
    if (whatsapp && !isPhone(to)) d.to = `must be a phone number in international format with its country code, e.g. +44 7700 900123 (got "${to}")`;
  }
  if (has('bsuid') && body.bsuid !== null && typeof body.bsuid !== 'string') d.bsuid = 'must be a string';
  else if (!to && isNonBlank(body.bsuid)) {
    bsuid = body.bsuid.trim();
    if (channel && !whatsapp) d.bsuid = 'is only for WhatsApp channels';
  }
  if (!to && !bsuid && !d.to && !d.bsuid) d.to = 'is required (or bsuid): the phone number or platform id of the recipient';

  // type
  const type = body.type;
  if (!isNonBlank(type)) d.type = `is required: one of ${TYPES.join(', ')}`;
  else if (!TYPES.includes(type)) d.type = `must be one of ${TYPES.join(', ')} (got "${type}")`;
  else if (channel && !whatsapp && WHATSAPP_ONLY_TYPES.includes(type)) d.type = `"${type}" is only available on WhatsApp Business API channels`;
  const validType = typeof type === 'string' && TYPES.includes(type) ? type : null;

  // content
  const content = body.content;
  /** @type {Record<string, unknown>} */
  let c = {};
  if (has('content') && !isPlainObject(content)) d.content = 'must be an object, e.g. {"text": "Hello"} or {"url": "https://…"}';
  else if (isPlainObject(content)) {
    c = content;
    for (const k of Object.keys(c)) if (k !== 'text' && k !== 'url') d[`content.${k}`] = 'is not a permitted field (content takes text and url)';
    if (c.text !== undefined && typeof c.text !== 'string') d['content.text'] = 'must be a string';
  }
  const text = typeof c.text === 'string' ? c.text : '';

  // template
  const templated = has('template_uuid') && body.template_uuid !== null && body.template_uuid !== '';
  /** @type {Template|null} */
  let template = null;
  /** @type {string[]} */
  let values = [];
  if (has('optin_contact') && typeof body.optin_contact !== 'boolean') d.optin_contact = 'must be a boolean';
  if (has('template_values') && body.template_values !== null
    && (!Array.isArray(body.template_values) || !body.template_values.every((v) => typeof v === 'string'))) {
    d.template_values = 'must be an array of strings';
  }
  const rawValues = Array.isArray(body.template_values) ? body.template_values : [];
  if (!templated) {
    if (rawValues.length) d.template_values = 'is only used with template_uuid';
    if (!has('content')) d.content = 'is required';
    else if (validType === 'text') {
      if (!isNonBlank(c.text)) d['content.text'] = 'is required for a text message and must not be empty';
      else if (chars(text) > TEXT_MAX) d['content.text'] = `is too long (${chars(text)} characters; WhatsApp allows at most ${TEXT_MAX})`;
      if (c.url !== undefined) d['content.url'] = 'is only for media types (image, document, audio, video)';
    } else if (validType) {
      const why = urlProblem(c.url);
      if (why) d['content.url'] = why;
      if (c.text !== undefined && !CAPTIONED.includes(validType)) d['content.text'] = `is not allowed: ${validType} messages have no caption`;
      else if (chars(text) > CAPTION_MAX) d['content.text'] = `is too long for a caption (${chars(text)} characters; at most ${CAPTION_MAX})`;
    }
  } else if (typeof body.template_uuid !== 'string') d.template_uuid = 'must be a string';
  else {
    template = acct.templates.find((t) => t.uuid === body.template_uuid) || null;
    if (!template) d.template_uuid = 'must be the uuid of an existing template';
    else if (template.status !== 'approved') d.template_uuid = `is the template "${template.title}" whose status is "${template.status}"; only approved templates can be sent`;
    if (body.optin_contact !== true && !d.optin_contact) d.optin_contact = 'must be true when sending a template (confirms the contact opted in)';
    if (channel && !whatsapp) d.template_uuid = 'templates can only be sent from WhatsApp channels';
    if (template && validType && validType !== template.templateType) {
      d.type = `must be "${template.templateType}", the type of template "${template.title}" (got "${validType}")`;
    }
    if (template) {
      const n = countVariables(template.text);
      const vars = `${n} variable${n === 1 ? '' : 's'}${n ? ` ({{1}}${n > 1 ? `…{{${n}}}` : ''})` : ''}`;
      if ((rawValues.length && rawValues.length !== n) || (n > 1 && !rawValues.length)) {
        d.template_values = `must hold ${n} value${n === 1 ? '' : 's'} for template "${template.title}", which has ${vars}; got ${rawValues.length}`;
      } else if (n === 1) {
        values = rawValues.length === 1 ? rawValues : [text];
        if (!isNonBlank(values[0])) d['content.text'] = `is required: template "${template.title}" has ${vars}; give its value in content.text or template_values`;
      } else if (n > 1) {
        if (!rawValues.every(isNonBlank)) d.template_values = 'values must not be empty';
        values = rawValues;
      }
      if (template.templateType !== 'text') {
        const why = urlProblem(c.url);
        if (why) d['content.url'] = `${why} (template "${template.title}" is a ${template.templateType} template)`;
      } else if (c.url !== undefined) d['content.url'] = `is only for media templates; "${template.title}" is a text template`;
    }
  }

  const metadata = checkMetadata(body, d);
  const extras = checkAssignment(state, body, d);
  const fields = checkFields(body.fields ?? query.fields, d);

  const problems = Object.entries(d);
  if (problems.length) throw new ApiError(422, `Validation failed: ${problems.map(([k, why]) => `${k} ${why}`).join('; ')}`, d);
  const ch = /** @type {Channel} */ (channel);
  const mediaUrl = (template ? template.templateType !== 'text' : MEDIA.includes(/** @type {string} */ (validType))) ? String(c.url).trim() : null;
  return {
    channel: ch, to, bsuid, type: /** @type {string} */ (validType), template, templateValues: values, metadata, fields, ...extras,
    text: template ? renderTemplate(template.text, values) : text,
    attachments: mediaUrl ? [mediaUrl] : [],
  };
}

/** @param {Record<string, unknown>} body @param {Record<string, string>} d @returns {Record<string, string>|null} */
function checkMetadata(body, d) {
  const m = body.metadata;
  if (m === undefined || m === null) return null;
  if (!isPlainObject(m)) return (d.metadata = 'must be an object of string keys to string values', null);
  const entries = Object.entries(m);
  if (entries.length > METADATA_MAX_PAIRS) d.metadata = `has ${entries.length} pairs; at most ${METADATA_MAX_PAIRS} are allowed`;
  for (const [k, v] of entries) {
    if (k === '' || chars(k) > METADATA_KEY_MAX) d[`metadata.${k.slice(0, 60)}`] = `key must be 1 to ${METADATA_KEY_MAX} characters (got ${chars(k)})`;
    else if (typeof v !== 'string') d[`metadata.${k}`] = 'must be a string';
    else if (chars(v) > METADATA_VALUE_MAX) d[`metadata.${k}`] = `is too long (${chars(v)} characters; at most ${METADATA_VALUE_MAX})`;
  }
  return /** @type {Record<string, string>} */ ({ ...m });
}

/** assigned_user, team_uuid, bot_status. @param {State} state @param {Record<string, unknown>} body @param {Record<string, string>} d */
function checkAssignment(state, body, d) {
  const acct = state.account;
  /** @type {{ assignedUser?: string, teamUuid?: string, botStatus?: 'bot_start'|'bot_end' }} */
  const out = {};
  if (body.assigned_user !== undefined) {
    const email = body.assigned_user;
    const user = typeof email === 'string' ? acct.users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase()) : undefined;
    if (!user) d.assigned_user = 'must be the email of a user of the account';
    else out.assignedUser = user.email;
  }
  if (body.team_uuid !== undefined) {
    if (typeof body.team_uuid !== 'string' || !acct.teams.some((t) => t.uuid === body.team_uuid)) d.team_uuid = 'must be the uuid of an existing team';
    else out.teamUuid = body.team_uuid;
  }
  if (body.bot_status !== undefined) {
    if (body.bot_status !== 'bot_start' && body.bot_status !== 'bot_end') d.bot_status = 'must be "bot_start" or "bot_end"';
    else if (!acct.bot.enabled) d.bot_status = 'requires an enabled bot; none is enabled in this account';
    else out.botStatus = body.bot_status;
  }
  return out;
}

/** `fields`: comma-separated contact,conversation. @param {unknown} raw @param {Record<string, string>} d */
function checkFields(raw, d) {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw !== 'string') return (d.fields = 'must be a comma-separated string, e.g. "contact,conversation"', []);
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !RETURNABLE.includes(f));
  if (bad.length) d.fields = `supports only ${RETURNABLE.join(', ')} (got ${bad.join(', ')})`;
  return [...new Set(list)];
}

module.exports = { validateSend, isPhone, urlProblem, TYPES, TEXT_MAX, CAPTION_MAX, METADATA_MAX_PAIRS, METADATA_KEY_MAX, METADATA_VALUE_MAX };
