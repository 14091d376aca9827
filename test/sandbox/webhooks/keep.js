'use strict';
// @ts-check

/**
 * The account's webhook across sandbox restarts, as Callbell keeps it across n8n restarts.
 *
 * Callbell stores the account webhook (URL, events, enabled) and the signing secret on its side: an
 * n8n restart changes neither. A sandbox starts empty, so a demo that restarts both would lose the
 * webhook that the published workflow registered on an earlier start. `keepWebhook` stores it in a
 * JSON file and puts it back:
 *
 *   const saved = readKeptWebhook(file);            // { webhook, secret } or null (no or unreadable file)
 *   const sb = await createSandbox({ webhookSecret: saved?.secret ?? generateSecret() });
 *   const kept = keepWebhook(sb, file, { secret }); // restores saved.webhook into sb.state.webhook
 *   kept.restored;                                  // the webhook put back, or null
 *   await kept.stop();                              // writes the file a last time, stops watching
 *
 * The file is written whenever the webhook changes (subscribe, unsubscribe, the deliverer disabling
 * it), checked every `intervalMs`, and on stop(). The delivery log and everything else are not kept.
 */

const fs = require('fs');
const path = require('path');

/** @typedef {import('../webhooks-store').Webhook} Webhook */

/** @param {unknown} w @returns {w is Webhook} */
function isWebhook(w) {
  if (!w || typeof w !== 'object') return false;
  const o = /** @type {Record<string, unknown>} */ (w);
  return typeof o.url === 'string' && Array.isArray(o.subscriptions) && o.subscriptions.every((s) => typeof s === 'string')
    && typeof o.enabled === 'boolean' && (o.createdAt === undefined || typeof o.createdAt === 'string');
}

/**
 * The kept webhook and secret, or null when the file is missing or not one this module wrote.
 * @param {string} file @returns {{ webhook: Webhook|null, secret: string|null }|null}
 */
function readKeptWebhook(file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const webhook = isWebhook(data.webhook) ? { ...data.webhook, subscriptions: [...data.webhook.subscriptions] } : null;
  const secret = typeof data.secret === 'string' && data.secret.startsWith('whsec_') ? data.secret : null;
  return { webhook, secret };
}

/** @param {string} file @param {unknown} value */
function writeAtomically(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * @param {{ state: import('../types').State }} sb a sandbox from createSandbox()
 * @param {string} file
 * @param {{ secret?: string|null, intervalMs?: number }} [opts] `secret`: stored beside the webhook
 * @returns {{ restored: Webhook|null, save: () => void, stop: () => void }}
 */
function keepWebhook(sb, file, { secret = null, intervalMs = 200 } = {}) {
  const saved = readKeptWebhook(file);
  const restored = saved && saved.webhook ? saved.webhook : null;
  if (restored) sb.state.webhook = { ...restored, createdAt: restored.createdAt ?? new Date().toISOString() };
  let last = '';
  const save = () => {
    const snapshot = JSON.stringify(sb.state.webhook);
    if (snapshot === last) return;
    writeAtomically(file, { note: 'The Callbell sandbox account webhook, kept across npm start runs (delete to forget it).', webhook: sb.state.webhook, secret });
    last = snapshot;
  };
  save();
  const timer = setInterval(save, intervalMs);
  timer.unref();
  return {
    restored,
    save,
    stop() {
      clearInterval(timer);
      save();
    },
  };
}

module.exports = { keepWebhook, readKeptWebhook };
