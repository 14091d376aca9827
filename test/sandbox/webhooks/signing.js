'use strict';
// @ts-check

/**
 * Callbell's webhook signature (docs: webhooks/signatures.md): header
 * `X-Callbell-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the
 * whole secret, `whsec_` prefix included.
 */

const crypto = require('crypto');

/** @param {string} secret @param {string} rawBody @param {number} [t] unix seconds, default now */
function signatureHeader(secret, rawBody, t = Math.floor(Date.now() / 1000)) {
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** A new secret as the dashboard's "Generate secret" button gives one. */
function generateSecret() {
  return `whsec_${crypto.randomBytes(24).toString('base64url')}`;
}

/** @param {unknown} s */
function normalizeSecret(s) {
  if (s === null || s === undefined || s === '') return null;
  if (typeof s !== 'string' || !s.startsWith('whsec_') || s.length < 12) {
    throw new TypeError('webhook secret must be a string starting with "whsec_" (or null to turn signing off)');
  }
  return s;
}

module.exports = { signatureHeader, generateSecret, normalizeSecret };
