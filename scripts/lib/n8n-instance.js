'use strict';

/**
 * Helpers around one n8n user folder (N8N_USER_FOLDER), driving the real n8n CLI installed by
 * ./n8n-runtime.js. Every n8n child process gets pipes (never the terminal) and its own process
 * group, so Ctrl-C in the terminal reaches only the launcher, which then stops n8n in order.
 *
 *   (the package itself is installed by ./community-install.js, as n8n's community install does)
 *   importCredentials(dir, creds, { env })   n8n import:credentials (plain `data` is encrypted by n8n)
 *   importWorkflow(dir, file, extraArgs, { env })  n8n import:workflow (a folder with ['--separate'])
 *   executeWorkflow(dir, id)                 n8n execute --id --rawOutput, parsed
 *   activateWorkflow(dir, id, { env })       makes a trigger/webhook workflow live on the next start
 *                                            (2.x publish:workflow, 1.x update:workflow --active=true)
 *   startN8n(dir, { port })                  n8n start (or `command: 'worker'`); { process, ready, stop() }
 *   setupOwner(baseUrl, owner)               REST owner setup, or login when already set up
 *   restJson(url, { method, body, cookie })  small JSON fetch helper for n8n's REST API
 */

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { paths, n8nEnv, runtimeSpec } = require('./n8n-runtime');

const CHILD_WRAPPER = path.join(__dirname, 'n8n-child.js');

// ---------------------------------------------------------------------------------------------
// Child process bookkeeping: every n8n process we start, so that none outlives the launcher.

const live = new Set();

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills the process group of `child` (it was spawned detached, so pgid = pid). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    try {
      return child.kill(signal);
    } catch {
      return false;
    }
  }
}

/** Last resort when the launcher exits: SIGKILL whatever n8n processes are still around. */
function killAllNow() {
  for (const child of live) killGroup(child, 'SIGKILL');
}
process.once('exit', killAllNow);

// ---------------------------------------------------------------------------------------------
// Running the n8n CLI

/**
 * Runs `n8n <args>` against the user folder `dir` and collects its output.
 * @returns {Promise<{ exitCode: number|null, signal: string|null, stdout: string, stderr: string, ms: number }>}
 */
function runN8n(dir, args, { env = {}, timeoutMs = 180000 } = {}) {
  const { nodeBin, n8nBin } = paths();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(nodeBin, [n8nBin, ...args], {
        cwd: dir,
        env: n8nEnv(dir, env),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      }),
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[n8n-instance] n8n ${args[0]} timed out after ${timeoutMs} ms; killed\n`;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      // A finished CLI command must not leave helpers (e.g. a task runner) behind.
      killGroup(child, 'SIGKILL');
      resolve({ exitCode, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Exit 0 — or killed by a signal while exiting after n8n reported success (see executeWorkflow). */
function importSucceeded(result) {
  if (result.exitCode === 0) return true;
  return result.exitCode === null && Boolean(result.signal) && /Successfully imported/.test(result.stdout);
}

function commandError(what, result) {
  const err = new Error(
    `${what} failed (exit ${result.exitCode}${result.signal ? `, ${result.signal}` : ''}):\n` +
      `${result.stderr.trim()}\n${result.stdout.trim()}`.trim(),
  );
  Object.assign(err, result);
  return err;
}

// ---------------------------------------------------------------------------------------------
// User folder

function writeTempJson(value, name) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600 });
  return { file, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * Imports credentials with `n8n import:credentials`. `creds` is one credential or an array of
 * `{ id, name, type, data }`; `data` may be a plain object: n8n 2.41 encrypts it with the
 * instance's encryption key on import (dist/commands/import/credentials.js: `isCredentialData(data)`
 * → `cipher.encryptV2(data)`; checked in the database and with export:credentials --decrypted).
 * Without --userId/--projectId n8n gives it to the owner's personal project (the "shell" owner
 * exists from the first migration on, before any owner setup). Re-importing the same id overwrites it.
 */
async function importCredentials(dir, creds, { env = {} } = {}) {
  const list = (Array.isArray(creds) ? creds : [creds]).map((c) => ({
    ...c,
    createdAt: c.createdAt || new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  }));
  const { file, cleanup } = writeTempJson(list, 'credentials.json');
  try {
    const result = await runN8n(dir, ['import:credentials', `--input=${file}`], { env });
    if (!importSucceeded(result)) throw commandError('n8n import:credentials', result);
    return result;
  } finally {
    cleanup();
  }
}

/**
 * Imports one workflow file (or an array file) with `n8n import:workflow`; with
 * `extraArgs = ['--separate']`, `file` is a folder and every JSON file in it is imported.
 * `env` (also for importCredentials) overrides n8nEnv's variables, e.g. a Postgres database.
 */
async function importWorkflow(dir, file, extraArgs = [], { env = {} } = {}) {
  const result = await runN8n(dir, ['import:workflow', `--input=${path.resolve(file)}`, ...extraArgs], { env });
  if (!importSucceeded(result)) throw commandError('n8n import:workflow', result);
  return result;
}

/**
 * Makes an imported workflow active for the next `n8n start` (n8n reads it at start-up), in the
 * way the selected runtime's CLI offers: n8n 2.x has draft and published versions
 * (`n8n publish:workflow --id`); 1.x has only an active flag (`n8n update:workflow --id
 * --active=true`). Tests call this and need not know which n8n they run on.
 */
async function activateWorkflow(dir, id, { env = {} } = {}) {
  const [args, done] =
    runtimeAtLeast(2, 0)
      ? [['publish:workflow', `--id=${id}`], /Publishing workflow with ID/]
      : [['update:workflow', `--id=${id}`, '--active=true'], /Activating workflow with ID/];
  const result = await runN8n(dir, args, { env });
  const ok = result.exitCode === 0 || (result.exitCode === null && Boolean(result.signal) && done.test(result.stdout));
  if (!ok) throw commandError(`n8n ${args[0]}`, result);
  return result;
}

/**
 * Finds the run-data JSON in `n8n execute --rawOutput` output: it follows a few log lines and
 * starts on a line of its own with `{` or `[`. Returns undefined when there is none.
 */
function parseRawOutput(stdout) {
  const starts = [];
  const re = /^[ \t]*[[{]/gm;
  let m;
  while ((m = re.exec(stdout))) starts.push(m.index);
  for (const start of starts) {
    const text = stdout.slice(start);
    try {
      return JSON.parse(text);
    } catch {
      // maybe log lines follow the JSON: cut at each closing line, longest first
      const ends = [];
      const endRe = /^[ \t]*[\]}][ \t]*$/gm;
      let e;
      while ((e = endRe.exec(text))) ends.push(e.index + e[0].length);
      for (const end of ends.reverse()) {
        try {
          return JSON.parse(text.slice(0, end));
        } catch {
          /* keep trying */
        }
      }
    }
  }
  return undefined;
}

/**
 * Runs an imported workflow headlessly: `n8n execute --id=<id> --rawOutput`.
 * @returns {Promise<{ ok: boolean, exitCode: number|null, signal: string|null, crashedOnExit: boolean,
 *   data: any, stdout: string, stderr: string, ms: number }>}
 *   ok = run data found and exit code 0 (or a successful run followed by a crash at exit, see
 *   below). `data` is n8n's run data (or undefined); a failed run has `data.data.resultData.error`.
 */
async function executeWorkflow(dir, id, { env = {}, timeoutMs = 180000 } = {}) {
  // `n8n execute` starts its own task-runner broker; a free port keeps it clear of a running
  // `n8n start` (whose broker uses 5679 by default).
  const brokerPort = env.N8N_RUNNERS_BROKER_PORT || (await freePort());
  const result = await runN8n(dir, ['execute', `--id=${id}`, '--rawOutput'], {
    env: { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env },
    timeoutMs,
  });
  const data = parseRawOutput(result.stdout);
  // n8n 2.41 on Node 24 often dies with SIGSEGV (sometimes SIGABRT) while exiting, *after* it has
  // printed and stored the run: isolated-vm (its default "vm" expression engine) tearing down.
  // A complete, successful run followed by such a crash still counts as a successful run.
  const crashedOnExit = result.exitCode === null && Boolean(result.signal) && data !== undefined;
  const succeeded = Boolean(data && data.finished === true && data.status === 'success');
  return {
    ok: data !== undefined && (result.exitCode === 0 || (crashedOnExit && succeeded)),
    exitCode: result.exitCode,
    signal: result.signal,
    crashedOnExit,
    data,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: result.ms,
  };
}

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// n8n server

/**
 * Starts `n8n start` on `port` (task-runner broker on port + 1 unless given).
 * `command: 'worker'` starts `n8n worker` instead (pass its ports in `env`); `readyPattern` is the
 * log line that means ready (default: the main's "Editor is now accessible via").
 * `ready` resolves (with ms until ready) once the log says the editor is accessible, and rejects
 * if n8n exits first or takes longer than `readyTimeoutMs`. `stop()` sends SIGTERM, then SIGKILL
 * to the whole process group after `stopTimeoutMs`; it resolves when n8n is gone.
 *
 * n8n runs through ./n8n-child.js, which stops n8n when the launcher disappears (it gets
 * re-parented), so even a SIGKILLed launcher leaves no n8n behind.
 */
function startN8n(
  dir,
  {
    port = 5678,
    env = {},
    onLine = () => {},
    readyTimeoutMs = 180000,
    stopTimeoutMs = 20000,
    command = 'start',
    readyPattern = /Editor is now accessible via/i,
  } = {},
) {
  const { nodeBin, n8nBin } = paths();
  const started = Date.now();
  const child = track(
    spawn(nodeBin, [CHILD_WRAPPER, n8nBin, command], {
      cwd: dir,
      env: n8nEnv(dir, {
        N8N_PORT: String(port),
        N8N_RUNNERS_BROKER_PORT: String(port + 1),
        N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(Math.max(1, Math.floor(stopTimeoutMs / 1000) - 5)),
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const log = [];
  let readyResolve;
  let readyReject;
  const ready = new Promise((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  ready.catch(() => {}); // callers that never await it must not crash the process

  let isReady = false;
  const onData = (chunk) => {
    for (const line of chunk.toString().split(/\r?\n/)) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 200) log.shift();
      onLine(line);
      if (!isReady && readyPattern.test(line)) {
        isReady = true;
        readyResolve(Date.now() - started);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const timer = setTimeout(() => {
    if (!isReady) readyReject(new Error(`n8n was not ready after ${readyTimeoutMs} ms:\n${log.slice(-30).join('\n')}`));
  }, readyTimeoutMs);
  exited.then(({ code, signal }) => {
    clearTimeout(timer);
    if (!isReady) {
      readyReject(new Error(`n8n exited (code ${code}, signal ${signal}) before it was ready:\n${log.slice(-30).join('\n')}`));
    }
  });

  let stopping = null;
  function stop() {
    if (stopping) return stopping;
    stopping = (async () => {
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM to n8n only: it shuts down its task runners itself.
        try {
          child.kill('SIGTERM');
        } catch {
          /* already gone */
        }
        const killer = setTimeout(() => killGroup(child, 'SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(killer);
      }
      // Whatever is left in n8n's process group (e.g. a task runner) goes too.
      killGroup(child, 'SIGKILL');
      return exited;
    })();
    return stopping;
  }

  return { process: child, ready, stop, exited, log, port, url: `http://localhost:${port}` };
}

// ---------------------------------------------------------------------------------------------
// Owner account over REST (see the n8n node guide §7)

/** fetch() with JSON in and out: `{ status, ok, json, text, setCookie }`; never throws on HTTP errors. */
async function restJson(url, { method = 'GET', body, cookie } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, ok: res.ok, json, text, setCookie: res.headers.get('set-cookie') };
}

/**
 * Creates the owner account (`POST /rest/owner/setup`) or, if the instance already has one,
 * logs in (`POST /rest/login`). Password: 8–64 characters with a digit and an uppercase letter.
 * @returns {Promise<{ created: boolean, cookie: string|undefined, user: any }>}
 */
async function setupOwner(baseUrl, { email, firstName, lastName, password }) {
  const base = baseUrl.replace(/\/+$/, '');
  const settings = await restJson(`${base}/rest/settings`);
  if (!settings.ok) throw new Error(`GET /rest/settings answered ${settings.status}: ${settings.text.slice(0, 300)}`);
  const needsSetup = Boolean(settings.json?.data?.userManagement?.showSetupOnFirstLoad);

  const res = needsSetup
    ? await restJson(`${base}/rest/owner/setup`, { method: 'POST', body: { email, firstName, lastName, password } })
    : await restJson(`${base}/rest/login`, { method: 'POST', body: { emailOrLdapLoginId: email, password } });
  if (!res.ok) {
    const what = needsSetup ? 'POST /rest/owner/setup' : 'POST /rest/login (owner already set up)';
    throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  const cookie = res.setCookie ? res.setCookie.split(';')[0] : undefined;
  return { created: needsSetup, cookie, user: res.json?.data };
}

module.exports = {
  importCredentials,
  importWorkflow,
  executeWorkflow,
  activateWorkflow,
  parseRawOutput,
  startN8n,
  setupOwner,
  restJson,
  runN8n,
  freePort,
  killAllNow,
};

// ---------------------------------------------------------------------------------------------
// The REST calls the trigger tests need (version-specific bits stay here).

/** Two consecutive free ports (n8n's port and its task-runner broker's port + 1). */
async function freePortPair() {
  for (let i = 0; i < 20; i++) {
    const port = await freePort();
    const ok = await new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port + 1, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('no two consecutive free ports found');
}

/**
 * REST calls on a running n8n as a logged-in user (cookie from setupOwner):
 * run a workflow's trigger manually ("Listen for test event"), unpublish it, list its executions.
 */
function n8nRest(baseUrl, cookie) {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    /** POST /rest/workflows/:id/run {triggerToStartFrom} — n8n answers {waitingForWebhook: true} when it listens. */
    async listenForTestEvent(id, triggerName) {
      const body = { triggerToStartFrom: { name: triggerName } };
      // n8n before 2.41 runs the workflow the editor sends (`workflowData`); 2.41 reads it from the database.
      if (!runtimeAtLeast(2, 41)) {
        const current = await restJson(`${base}/rest/workflows/${id}`, { cookie });
        if (!current.ok) return current;
        body.workflowData = current.json.data;
      }
      return restJson(`${base}/rest/workflows/${id}/run`, { method: 'POST', cookie, body });
    },
    /** POST /rest/workflows/:id/activate (the editor's "Publish", current version). */
    async publish(id) {
      const current = await restJson(`${base}/rest/workflows/${id}`, { cookie });
      if (!current.ok) return current;
      return restJson(`${base}/rest/workflows/${id}/activate`, { method: 'POST', cookie, body: { versionId: current.json.data.versionId } });
    },
    /** POST /rest/workflows/:id/deactivate (the editor's "Unpublish"). */
    unpublish: (id) => restJson(`${base}/rest/workflows/${id}/deactivate`, { method: 'POST', cookie, body: {} }),
    /** The executions of one workflow, newest first: [{ id, mode, status, … }]. */
    async executions(id) {
      const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
      const res = await restJson(`${base}/rest/executions?filter=${filter}&limit=100`, { cookie });
      if (!res.ok) throw new Error(`GET /rest/executions answered ${res.status}: ${res.text.slice(0, 300)}`);
      const data = res.json?.data;
      return Array.isArray(data) ? data : data?.results ?? [];
    },
  };
}

/** Whether the selected runtime's n8n is at least major.minor. */
function runtimeAtLeast(major, minor) {
  const [ma, mi] = runtimeSpec().n8n.split('.').map(Number);
  return ma > major || (ma === major && mi >= minor);
}

Object.assign(module.exports, { freePortPair, n8nRest });
