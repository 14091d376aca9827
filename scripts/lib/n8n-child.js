'use strict';

/**
 * Runs n8n's CLI inside this process and stops it when the launcher goes away.
 *
 *   node24 scripts/lib/n8n-child.js <path to n8n/bin/n8n> start
 *
 * The launcher (scripts/lib/n8n-instance.js) spawns us detached, as the leader of our own process
 * group (so Ctrl-C in the terminal reaches only the launcher, which stops us in order). If the
 * launcher dies without stopping us — even by SIGKILL — we are re-parented; we notice within a
 * second, send ourselves SIGTERM (n8n shuts down gracefully, stopping its task runner) and, if that
 * hangs, SIGKILL our whole process group after 20 s.
 *
 * (Watching a stdin pipe for EOF does not work here: n8n's start-up ends stdin early.)
 */

const { pathToFileURL } = require('url');

const n8nBin = process.argv[2];
if (!n8nBin) {
  console.error('usage: n8n-child.js <n8n bin> <n8n args…>');
  process.exit(2);
}

// n8n reads its arguments from process.argv.slice(2): make argv look like `node <n8nBin> <args…>`.
process.argv.splice(1, 1);

const launcherPid = process.ppid;
const watchdog = setInterval(() => {
  if (process.ppid === launcherPid) return;
  clearInterval(watchdog);
  // Our stdout/stderr pipes died with the launcher: writing to them would fail (EPIPE) and
  // derail n8n's shutdown, so turn them into no-ops first.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {});
    stream.write = (_chunk, encoding, callback) => {
      const cb = typeof encoding === 'function' ? encoding : callback;
      if (cb) process.nextTick(cb);
      return true;
    };
  }
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => {
    try {
      process.kill(-process.pid, 'SIGKILL'); // our group: n8n and its task runner
    } catch {
      process.exit(1);
    }
  }, 20000).unref();
}, 1000);
watchdog.unref();

import(pathToFileURL(n8nBin).href).catch((err) => {
  console.error(err);
  process.exit(1);
});
