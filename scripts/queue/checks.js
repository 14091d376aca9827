'use strict';

/** Output, the list of checks and the measured figures of one queue-mode proof run. */

const figures = { startup: {}, memory: {}, latency: {}, split: {}, variant: {} };
const checks = [];

const say = (line = '') => console.log(line);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes) => (bytes ? `${(bytes / 1024 ** 2).toFixed(0)} MiB` : 'n/a');

/** Records and prints one assertion; returns whether it held. */
function check(ok, what, detail) {
  checks.push({ ok: Boolean(ok), what, detail });
  say(`  ${ok ? '✔' : '✘'} ${what}${detail ? ` — ${detail}` : ''}`);
  return Boolean(ok);
}

module.exports = { figures, checks, say, secs, mib, check };
