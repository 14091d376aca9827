'use strict';

/**
 * How `npm start` stops. Everything it starts registers a cleanup; they run in reverse order on
 * the first of: SIGINT (Ctrl-C), SIGTERM, SIGHUP, the parent process going away, or shutdown(code).
 *
 * Under `npm start`, npm is the process the user started: it forwards SIGINT and SIGTERM to its
 * child only, and runs the script through `sh -c`, which would keep them for itself (a shell
 * waiting for a command ignores SIGINT; SIGTERM kills the shell and leaves the command running).
 * package.json's start script therefore `exec`s node, so npm's child is this process. If this
 * process is orphaned all the same (its parent was killed), it stops as for a signal.
 *
 * n8n runs in its own process group (scripts/lib/n8n-instance.js), so Ctrl-C in the terminal
 * reaches only this process, which stops n8n in order; children started with `run()` (npm ci,
 * npm run build) are stopped too.
 *
 *   const life = createLifecycle({ say, killNow });
 *   life.onCleanup(async () => …);   life.run(cmd, args);   await life.shutdown(0);
 */

const { spawn } = require('child_process');

function createLifecycle({ say, killNow, cwd }) {
  const cleanups = [];
  const children = new Set();
  let shuttingDown = false;
  let firstSignalAt = 0;

  async function shutdown(code) {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const child of children) child.kill('SIGTERM');
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`  (cleanup: ${err.message})`);
      }
    }
    process.exit(code);
  }

  function onSignal(signal) {
    if (shuttingDown) {
      // Ctrl-C under `npm start` arrives twice: from the terminal and forwarded by npm.
      if (Date.now() - firstSignalAt < 1500) return;
      say(`\n${signal} again: killing n8n now.`);
      killNow();
      process.exit(130);
    }
    firstSignalAt = Date.now();
    say(`\n${signal}: stopping… (press Ctrl-C again to kill n8n at once)`);
    shutdown(signal === 'SIGINT' ? 130 : 143);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));

  const parentPid = process.ppid;
  const watchParent = setInterval(() => {
    if (process.ppid === parentPid || shuttingDown) return;
    clearInterval(watchParent);
    say(`\nthe parent process ${parentPid} is gone: stopping…`);
    shutdown(143);
  }, 1000);
  watchParent.unref();

  /** Runs a command with the terminal's stdio; rejects unless it exits 0. Stopped on shutdown. */
  function run(cmd, args) {
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { cwd, stdio: 'inherit' });
      children.add(child);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        children.delete(child);
        if (code === 0) resolve();
        else reject(new Error(`${[cmd, ...args].join(' ')} failed (exit ${code}${signal ? `, ${signal}` : ''})`));
      });
    });
  }

  return {
    onCleanup: (fn) => cleanups.push(fn),
    shutdown,
    run,
    get shuttingDown() {
      return shuttingDown;
    },
  };
}

module.exports = { createLifecycle };
