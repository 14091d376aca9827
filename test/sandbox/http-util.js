'use strict';
// @ts-check

/** Small HTTP helpers shared by the API and the control endpoints. */

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Send a JSON response.
 * @param {import('http').ServerResponse} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Read the whole request body as UTF-8 (bodies over 1 MiB are drained and
 * flagged, not kept).
 * @param {import('http').IncomingMessage} req
 * @returns {Promise<{ text: string, tooLarge: boolean }>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: size > MAX_BODY_BYTES ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
  });
}

/**
 * Parse a JSON request body. Empty → undefined.
 * @param {string} text
 * @returns {{ ok: true, value: unknown } | { ok: false }}
 */
function parseJson(text) {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Timers that close() can cancel, so a held response (latency, timeout fault)
 * never keeps the process alive after the sandbox is closed.
 */
function createTimers() {
  /** @type {Set<NodeJS.Timeout>} */
  const pending = new Set();
  return {
    /** @param {number} ms @returns {Promise<void>} resolves after ms (never, if cancelled) */
    delay(ms) {
      return new Promise((resolve) => {
        const t = setTimeout(() => {
          pending.delete(t);
          resolve();
        }, ms);
        pending.add(t);
      });
    },
    cancelAll() {
      for (const t of pending) clearTimeout(t);
      pending.clear();
    },
  };
}

/**
 * Replace every occurrence of `secret` in the strings of a JSON-like value.
 * Used so the request log never holds the token, wherever a client put it.
 * @param {unknown} value @param {string} secret @returns {any}
 */
function redact(value, secret) {
  if (!secret || secret.length < 4) return value;
  if (typeof value === 'string') return value.split(secret).join('[REDACTED]');
  if (Array.isArray(value)) return value.map((v) => redact(v, secret));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k, secret), redact(v, secret)]));
  }
  return value;
}

module.exports = { sendJson, readBody, parseJson, createTimers, redact, MAX_BODY_BYTES };
