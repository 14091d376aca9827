#!/usr/bin/env node
'use strict';

/**
 * `npm run test:start`: what `npm start` promises, with real n8n, run as a user runs it (through
 * npm), in a fresh demo folder (CALLBELL_DEMO_DIR, a temporary directory):
 *
 *   1. `npm start -- --no-editor`: exits 0; the Update demo ran; the published trigger workflow was
 *      subscribed by n8n on this first start, and a customer message ran it.
 *   2. `npm start -- --no-editor` again, a restart of n8n against a sandbox that kept its account
 *      webhook: exits 0; the webhook was kept and n8n did not subscribe again (n8n keeps its webhook
 *      registrations across restarts), and a delivery still ran the workflow.
 *   3. a full `npm start -- --skip-build` (with the editor), stopped once its banner is out by
 *      SIGTERM to npm's own pid: it stops; the n8n, task-broker and sandbox ports are free; no
 *      process of the demo is left.
 *   4. the same with SIGINT.
 *
 * Env: N8N_PORT (default 5697; the broker uses the next port) and CALLBELL_SANDBOX_PORT (default
 * 4027); START_TEST_SKIP_BUILD=1 passes --skip-build to runs 1 and 2 too (they build, as a user's
 * `npm start` does). The pinned n8n must be installed (npm run n8n:install) or run 1 installs it.
 * About 90–150 s once n8n is installed. Exit code 0 when every check passed.
 */

const assert = require('assert');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT || 5697);
const SANDBOX_PORT = Number(process.env.CALLBELL_SANDBOX_PORT || 4027);
const PORTS = [N8N_PORT, N8N_PORT + 1, SANDBOX_PORT];
const SKIP_BUILD = /^(1|true|yes)$/i.test(process.env.START_TEST_SKIP_BUILD || '');
const DEMO_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-start-test-'));
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (line) => console.log(line);

/** Whether nothing listens on `port`: a connection is refused and the port can be bound. */
async function portFree(port) {
  const refused = await new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
  if (!refused) return false;
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '0.0.0.0' }, () => srv.close(() => resolve(true)));
  });
}

async function assertPortsFree(when) {
  const busy = [];
  for (const port of PORTS) if (!(await portFree(port))) busy.push(port);
  assert.deepStrictEqual(busy, [], `${when}: port(s) ${busy.join(', ')} in use (set N8N_PORT / CALLBELL_SANDBOX_PORT)`);
}

/** /proc/<pid>/stat's process group, or undefined. */
function pgidOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

/**
 * Processes of this test's demo: those with CALLBELL_DEMO_DIR=<this folder> in their environment
 * (npm, start.js, n8n) and, when `groups` is given, every process in those process groups (n8n's
 * task runner, which n8n starts with an environment of its own, is in n8n's group).
 * @returns {{ pid: number, pgid: number|undefined, cmd: string }[]}
 */
function demoProcesses(groups = new Set()) {
  if (!fs.existsSync('/proc')) return [];
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      const pgid = pgidOf(pid);
      if (env.includes(`CALLBELL_DEMO_DIR=${DEMO_DIR}\0`) || groups.has(pgid)) {
        found.push({ pid: Number(pid), pgid, cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 100) });
      }
    } catch {
      /* gone, or not ours */
    }
  }
  return found;
}

const describe = (procs) => procs.map((p) => `${p.pid} (group ${p.pgid}) ${p.cmd}`);

/**
 * Starts `npm start -- <args>` in its own process group; `wait(pattern)` resolves when the output
 * matches, `exited` when npm exits. The output goes to a log file and is kept in `out`.
 */
function npmStart(name, args) {
  const log = fs.createWriteStream(path.join(DEMO_DIR, `${name}.log`));
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, N8N_PORT: String(N8N_PORT), CALLBELL_SANDBOX_PORT: String(SANDBOX_PORT), CALLBELL_DEMO_DIR: DEMO_DIR, CALLBELL_DEMO_NO_EDITOR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const run = { child, args, out: '', started: Date.now() };
  const waiters = [];
  const onData = (d) => {
    run.out += d;
    log.write(d);
    for (const w of waiters.slice()) {
      if (!w.pattern.test(run.out)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  run.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - run.started })));
  run.exited.then(() => log.end());
  run.wait = (pattern, timeoutMs) =>
    new Promise((resolve, reject) => {
      if (pattern.test(run.out)) return resolve();
      const timer = setTimeout(() => reject(new Error(`${name}: no ${pattern} after ${timeoutMs / 1000} s`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      waiters.push({ pattern, resolve: done });
      run.exited.then(() => setTimeout(() => reject(new Error(`${name}: npm exited before ${pattern}`)), 50));
    });
  return run;
}

const running = new Set();
function tail(run, lines = 60) {
  return run.out.trim().split('\n').slice(-lines).join('\n').replace(/^/gm, '    | ');
}

async function check(name, fn) {
  const started = Date.now();
  say(`\n▶ ${name}`);
  await fn();
  say(`✔ ${name} (${secs(Date.now() - started)})`);
}

/** `npm start -- --no-editor`: exit 0 and the lines every run must print; returns the output. */
async function noEditorRun(name) {
  await assertPortsFree(`before ${name}`);
  const run = npmStart(name, SKIP_BUILD ? ['--no-editor', '--skip-build'] : ['--no-editor']);
  running.add(run);
  const { code, signal, ms } = await run.exited;
  running.delete(run);
  say(`  npm start -- ${run.args.join(' ')} exited ${code}${signal ? ` (${signal})` : ''} after ${secs(ms)}`);
  try {
    assert.strictEqual(code, 0, `${name}: exit code ${code}`);
    assert.match(run.out, /✔ update demo: .* execution \d+ succeeded \(3 items\)/);
    assert.match(run.out, /✔ delivery executed: Barbara Liskov's message → 200 → execution \d+ succeeded/);
    for (const line of run.out.split('\n').filter((l) => /✔ (update demo|trigger live|delivery executed)/.test(l))) say(`  ${line.trim()}`);
    await assertPortsFree(`after ${name}`);
    assert.deepStrictEqual(describe(demoProcesses()), [], `${name}: processes left`);
  } catch (err) {
    say(tail(run));
    throw err;
  }
  return run.out;
}

/** A full `npm start`, stopped by `signal` to npm's pid once the banner is out. */
async function stopRun(name, signal, expectedCode) {
  await assertPortsFree(`before ${name}`);
  const run = npmStart(name, ['--skip-build']);
  running.add(run);
  try {
    await run.wait(/Press Ctrl-C to stop n8n and the sandbox/, 300000);
    assert.match(run.out, /✔ trigger live: .*kept from the last start/);
    assert.match(run.out, /✔ delivery executed: /);
    const busy = [];
    for (const port of PORTS) if (await portFree(port)) busy.push(port);
    assert.deepStrictEqual(busy, [], `${name}: port(s) ${busy.join(', ')} not in use while the demo runs`);
    const procs = demoProcesses();
    const groups = new Set(procs.map((p) => p.pgid));
    const all = demoProcesses(groups);
    say(`  banner out after ${secs(Date.now() - run.started)}; ports ${PORTS.join(', ')} in use; ${all.length} processes in groups ${[...groups].join(', ')}:`);
    for (const line of describe(all)) say(`    ${line}`);
    say(`  kill -${signal.slice(3)} ${run.child.pid} (npm)`);
    const sentAt = Date.now();
    process.kill(run.child.pid, signal);
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve({ timedOut: true }), 60000)));
    const result = await Promise.race([run.exited, timeout]);
    clearTimeout(timer);
    assert(!result.timedOut, `${name}: npm still running 60 s after ${signal}`);
    running.delete(run);
    say(`  npm exited ${result.code}${result.signal ? ` (${result.signal})` : ''} ${secs(Date.now() - sentAt)} after ${signal}`);
    assert.match(run.out, new RegExp(`${signal}: stopping`));
    assert.match(run.out, /n8n stopped/);
    assert.match(run.out, /sandbox stopped/);
    assert.strictEqual(result.code, expectedCode, `${name}: exit code`);
    await assertPortsFree(`after ${signal}`);
    assert.deepStrictEqual(describe(demoProcesses(groups)), [], `${name}: processes left after ${signal}`);
    say(`  ports ${PORTS.join(', ')} free, no process of the demo left`);
  } catch (err) {
    say(tail(run));
    throw err;
  }
}

async function main() {
  say(`npm start, tested: demo folder ${DEMO_DIR}, n8n on ${N8N_PORT} (broker ${N8N_PORT + 1}), sandbox on ${SANDBOX_PORT}`);
  await check('1. npm start -- --no-editor (first start: n8n subscribes the published trigger)', async () => {
    const out = await noEditorRun('first');
    assert.match(out, /✔ trigger live: .*subscribed by n8n when it published the workflow on this start/);
    const kept = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'callbell-sandbox.json'), 'utf8'));
    assert.match(kept.webhook.url, new RegExp(`^http://localhost:${N8N_PORT}/webhook/`));
  });
  await check('2. npm start -- --no-editor again (restart: the webhook kept, n8n does not subscribe again, deliveries still run)', async () => {
    const out = await noEditorRun('second');
    assert.match(out, /unchanged since they were imported/);
    assert.match(out, /✔ trigger live: .*kept from the last start: n8n did not subscribe again/);
  });
  await check('3. npm start, stopped by SIGTERM to npm', () => stopRun('sigterm', 'SIGTERM', 143));
  await check('4. npm start, stopped by SIGINT to npm', () => stopRun('sigint', 'SIGINT', 130));
  say(`\n✔ npm start: all checks passed (${secs(Date.now() - t0)})`);
}

main()
  .then(() => fs.rmSync(DEMO_DIR, { recursive: true, force: true }))
  .catch((err) => {
    console.error(`\n✖ ${err.message}\n  (logs kept in ${DEMO_DIR})`);
    for (const run of running) {
      try {
        process.kill(-run.child.pid, 'SIGKILL'); // this test's own npm start and its children
      } catch {
        /* gone */
      }
    }
    process.exitCode = 1;
  });
