'use strict';
// @ts-check

const crypto = require('crypto');

/**
 * Stable 32-lowercase-hex id derived from a label (contacts, teams, channels,
 * bots, messages use this form in the Callbell API).
 * @param {string} label
 */
function hexId(label) {
  return crypto.createHash('sha256').update(`callbell-sandbox:${label}`).digest('hex').slice(0, 32);
}

/**
 * Stable hyphenated v4-looking uuid derived from a label (funnels and custom
 * statuses use this form in the Callbell API).
 * @param {string} label
 */
function hyphenatedId(label) {
  const h = hexId(`hyphen:${label}`).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) % 4];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * ISO 8601 UTC without milliseconds, e.g. `2020-11-13T21:08:53Z` (doc style).
 * @param {number | Date} at
 */
function isoSeconds(at) {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `2025-12-18 20:00:19 +0100` style the docs show for funnels.
 * @param {number} ms UTC epoch milliseconds
 */
function railsTime(ms) {
  const d = new Date(ms + 3600_000); // rendered in +01:00
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0100`;
}

/** @param {string} s */
const digitsOnly = (s) => s.replace(/\D/g, '');

module.exports = { hexId, hyphenatedId, isoSeconds, railsTime, digitsOnly };
