'use strict';

/**
 * The engine-harness side of the benchmark. The harness (test/harness/engine.ts) is TypeScript,
 * so bench/tsconfig.json compiles it (and what it imports) with the project's own `tsc` into the
 * git-ignored .bench/harness/; no ts-node, no jest. The node itself is the built dist/ copy.
 * Runs happen in a child process (bench/engine-worker.js), so its CPU time is the node's and
 * n8n-core's alone; the sandbox stays in this process.
 */

const fs = require('fs');
const path = require('path');
const { execFileSync, fork } = require('child_process');

const { REPO_ROOT } = require('./machine');

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSCONFIG = path.join(REPO_ROOT, 'bench', 'tsconfig.json');
const ENGINE_USER_FOLDER = path.join(REPO_ROOT, '.bench', 'engine-user');

function compileHarness() {
  const started = Date.now();
  try {
    execFileSync(process.execPath, [TSC, '-p', TSCONFIG], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`tsc -p bench/tsconfig.json failed:\n${error.stdout || ''}${error.stderr || ''}`);
  }
  return Date.now() - started;
}

/** Starts the worker (on `nodeDist`, another build of the node, if given); `run(message)` resolves with its reply. */
async function startEngineWorker({ nodeDist } = {}) {
  // n8n-core keeps its config (an encryption key) in N8N_USER_FOLDER: a git-ignored one of ours.
  const env = { ...process.env, N8N_USER_FOLDER: ENGINE_USER_FOLDER, N8N_LOG_LEVEL: 'silent', N8N_DIAGNOSTICS_ENABLED: 'false' };
  if (nodeDist) env.BENCH_NODE_DIST = nodeDist;
  fs.mkdirSync(ENGINE_USER_FOLDER, { recursive: true });
  const child = fork(path.join(__dirname, 'engine-worker.js'), [], { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  let readyResolve;
  const ready = new Promise((resolve) => (readyResolve = resolve));
  child.on('message', (message) => {
    if (message.ready) return readyResolve();
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    waiter?.(message);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then((code) => {
    for (const waiter of pending.values()) waiter({ error: `engine worker exited (${code})` });
    pending.clear();
  });
  await Promise.race([ready, exited.then((code) => Promise.reject(new Error(`engine worker exited (${code}) before it was ready`)))]);
  return {
    pid: child.pid,
    run(message) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ ...message, id });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

module.exports = { compileHarness, startEngineWorker };
