'use strict';

/**
 * The n8n side of the queue-mode proof: user folders, the shared settings every instance gets,
 * imports into the shared Postgres database, the main (`n8n start`, EXECUTIONS_MODE=queue) and
 * workers (`n8n worker`), with their logs kept in `.queue/logs/` and parsed for evidence.
 */

const fs = require('fs');
const http = require('http');
const path = require('path');

const { installPackedPackage } = require('../lib/community-install');
const { importCredentials, importWorkflow, runN8n, startN8n } = require('../lib/n8n-instance');
const { HOST, PORTS, DIRS, DB, ENCRYPTION_KEY, CREDENTIAL, SANDBOX_TOKEN, WORKFLOW_FILE, TRIGGER_WORKFLOW_FILE } = require('./config');
const { rememberGroup, sleep } = require('./procs');

/** Settings shared by the main, every worker and the CLI imports (same DB, same Redis, same key). */
function sharedEnv() {
  return {
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: HOST,
    DB_POSTGRESDB_PORT: String(PORTS.postgres),
    DB_POSTGRESDB_DATABASE: DB.name,
    DB_POSTGRESDB_USER: DB.user,
    DB_POSTGRESDB_PASSWORD: '',
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: HOST,
    QUEUE_BULL_REDIS_PORT: String(PORTS.redis),
    N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
    // One JSON object per log line: message + metadata (e.g. the workerId of a finished job).
    N8N_LOG_FORMAT: 'json',
    N8N_LISTEN_ADDRESS: HOST,
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
  };
}

/** A fresh user folder; with `withPackage`, n8n-nodes-callbell installed as n8n's community install does. */
function prepareUserFolder(dir, { withPackage = true } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (!withPackage) return { dir, installed: undefined };
  return { dir, installed: installPackedPackage(dir) };
}

/** SIGSEGV/SIGABRT while exiting after the work is done: a known n8n 2.41 + isolated-vm teardown crash. */
function okOrCrashedAfter(result, successRe) {
  if (result.exitCode === 0) return true;
  return result.exitCode === null && Boolean(result.signal) && successRe.test(result.stdout + result.stderr);
}

/**
 * Imports the sandbox credential (plain data; n8n encrypts it with the shared key) and the
 * webhook workflow into the shared database, then publishes the workflow (before the main starts).
 */
async function importAndPublish(dir, sandboxUrl, log, { webhookSecret, model }) {
  const env = sharedEnv();
  const timings = {};
  let t = Date.now();
  const agent = require('./agent');
  const cred = await importCredentials(dir, [
    { ...CREDENTIAL, data: { apiToken: SANDBOX_TOKEN, baseUrl: sandboxUrl, webhookSecret } },
    agent.modelCredential(model),
  ], { env });
  timings.credential = Date.now() - t;
  log(`  credentials "${CREDENTIAL.name}" (${CREDENTIAL.id}, with the sandbox's webhook signing secret) and "${agent.MODEL_CREDENTIAL.name}" (OpenAI, Base URL ${model.baseUrl}) imported in ${secs(timings.credential)} (first CLI run on the fresh DB: includes n8n's migrations)${crashNote(cred)}`);

  t = Date.now();
  const wfResult = await importWorkflow(dir, WORKFLOW_FILE, [], { env });
  timings.workflow = Date.now() - t;
  const workflow = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
  log(`  workflow "${workflow.name}" (${workflow.id}) imported in ${secs(timings.workflow)}${crashNote(wfResult)}`);

  t = Date.now();
  const pub = await runN8n(dir, ['publish:workflow', `--id=${workflow.id}`], { env });
  timings.publish = Date.now() - t;
  if (!okOrCrashedAfter(pub, /Publishing workflow with ID/)) {
    throw new Error(`n8n publish:workflow failed (exit ${pub.exitCode}, ${pub.signal}):\n${pub.stderr}\n${pub.stdout}`);
  }
  log(`  workflow published in ${secs(timings.publish)}${crashNote(pub)}`);

  // The Callbell Trigger workflow: its webhook() runs on the main, the workflow on the workers.
  t = Date.now();
  const trigger = JSON.parse(fs.readFileSync(TRIGGER_WORKFLOW_FILE, 'utf8'));
  const trgImport = await importWorkflow(dir, TRIGGER_WORKFLOW_FILE, [], { env });
  const trgPub = await runN8n(dir, ['publish:workflow', `--id=${trigger.id}`], { env });
  if (!okOrCrashedAfter(trgPub, /Publishing workflow with ID/)) {
    throw new Error(`n8n publish:workflow ${trigger.id} failed (exit ${trgPub.exitCode}, ${trgPub.signal}):\n${trgPub.stderr}\n${trgPub.stdout}`);
  }
  timings.trigger = Date.now() - t;
  log(`  trigger workflow "${trigger.name}" (${trigger.id}) imported and published in ${secs(timings.trigger)}`);

  // One answer to a burst (burst.js): a second trigger workflow, Registration Manual; in the same
  // import, the AI support agent example (agent.js) and the Send and Wait workflow (sendAndWait.js),
  // both published later from the main's REST API.
  t = Date.now();
  const burst = require('./burst').burstWorkflowFile();
  const agentWorkflow = agent.agentWorkflow();
  const sendAndWait = require('./sendAndWait').sendAndWaitWorkflow();
  fs.writeFileSync(burst.file, JSON.stringify([burst.workflow, agentWorkflow, sendAndWait]));
  const burstImport = await importWorkflow(dir, burst.file, [], { env });
  const burstPub = await runN8n(dir, ['publish:workflow', `--id=${burst.workflow.id}`], { env });
  if (!okOrCrashedAfter(burstPub, /Publishing workflow with ID/)) {
    throw new Error(`n8n publish:workflow ${burst.workflow.id} failed (exit ${burstPub.exitCode}, ${burstPub.signal}):\n${burstPub.stderr}\n${burstPub.stdout}`);
  }
  timings.burst = Date.now() - t;
  log(`  burst workflow "${burst.workflow.name}" (${burst.workflow.id}) imported and published, and "${agentWorkflow.name}" (${agentWorkflow.id}) and "${sendAndWait.name}" (${sendAndWait.id}) imported, in ${secs(timings.burst)}${crashNote(burstImport)}`);
  return { workflow, timings, crashes: [cred, wfResult, pub, trgImport, trgPub, burstImport, burstPub].filter((r) => r.signal).length };
}

function crashNote(result) {
  return result && result.signal ? ` (n8n then died with ${result.signal} while exiting; tolerated)` : '';
}

// ---------------------------------------------------------------------------------------------
// Long-running instances

/**
 * Wraps startN8n: full log to `.queue/logs/<name>.log`, every line kept for parsing, the
 * process group remembered for the final ps check.
 */
function launch(name, dir, options) {
  fs.mkdirSync(DIRS.logs, { recursive: true });
  const logFile = path.join(DIRS.logs, `${name}.log`);
  const out = fs.createWriteStream(logFile, { flags: 'w' });
  const lines = [];
  const startedAt = Date.now();
  const instance = startN8n(dir, {
    ...options,
    onLine: (line) => {
      lines.push(line);
      out.write(line + '\n');
    },
  });
  rememberGroup(instance.process.pid, name);
  const stop = instance.stop;
  return Object.assign(instance, {
    name,
    dir,
    logFile,
    lines,
    startedAt,
    pid: instance.process.pid,
    stop: async () => {
      const result = await stop();
      await new Promise((resolve) => out.end(resolve));
      return result;
    },
  });
}

/**
 * The main: `n8n start` in queue mode (webhooks in, jobs out to Redis). `env` adds settings, e.g.
 * N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true when `n8n webhook` processes take production webhooks.
 */
function startMain({ env = {} } = {}) {
  return launch('main', DIRS.main, {
    port: PORTS.main,
    // WEBHOOK_URL: the Callbell Trigger subscribes this address (n8n listens on 127.0.0.1 only).
    env: { ...sharedEnv(), N8N_RUNNERS_BROKER_PORT: String(PORTS.brokerMain), WEBHOOK_URL: `http://${HOST}:${PORTS.main}/`, ...env },
  });
}

/**
 * A webhook process: `n8n webhook` (queue mode only) serves production webhook URLs on `port`:
 * it runs the trigger's webhook() and enqueues the execution for the workers. It loads published
 * workflows from the shared database; the package must be in its user folder too. Not used by
 * `npm run test:queue`; the queue-burst bench (bench/queue-burst.js) starts one or two.
 */
function startWebhookProcess(name, dir, { port, brokerPort, env = {} }) {
  return launch(name, dir, {
    command: 'webhook',
    port,
    readyPattern: /Webhook listener waiting for requests/,
    env: { ...sharedEnv(), N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env },
  });
}

/**
 * A worker: `n8n worker` with the shared settings, its own runner broker port and a health
 * server on `healthPort` (127.0.0.1). Debug logging so that it prints which community packages
 * it loaded ("Loaded all credentials and nodes from n8n-nodes-callbell") and its Host ID (the
 * `workerId` the main logs for each finished job).
 */
function startWorker(name, dir, { healthPort, brokerPort, env = {} }) {
  const worker = launch(name, dir, {
    command: 'worker',
    port: healthPort,
    readyPattern: /n8n worker is now ready/,
    env: {
      ...sharedEnv(),
      N8N_PORT: undefined,
      N8N_RUNNERS_BROKER_PORT: String(brokerPort),
      QUEUE_HEALTH_CHECK_ACTIVE: 'true',
      QUEUE_HEALTH_CHECK_PORT: String(healthPort),
      N8N_WORKER_SERVER_ADDRESS: HOST,
      N8N_LOG_LEVEL: 'debug',
      // The main's public address: a node running on the worker builds its links from it (Send and
      // Wait's signed resume links); without it they point at the worker's own http://localhost:5678.
      WEBHOOK_URL: `http://${HOST}:${PORTS.main}/`,
      ...env,
    },
  });
  worker.healthPort = healthPort;
  worker.healthy = (async () => {
    await worker.ready;
    const deadline = Date.now() + 60000;
    for (;;) {
      const [health, readiness] = await Promise.all([httpStatus(healthPort, '/healthz'), httpStatus(healthPort, '/healthz/readiness')]);
      if (health === 200 && readiness === 200) return Date.now() - worker.startedAt;
      if (Date.now() > deadline) throw new Error(`${name}: /healthz answered ${health}, /healthz/readiness ${readiness}`);
      await sleep(100);
    }
  })();
  worker.healthy.catch(() => {});
  return worker;
}

/**
 * Resolves (ms since the main was spawned) once the production webhook is registered. n8n 2.41
 * registers published workflows' webhooks asynchronously (its workflow-publication service),
 * a moment *after* "Editor is now accessible"; calls before that get 404 "not registered".
 * Probe without side effects: a CORS preflight (OPTIONS) answers 204 only for a registered path.
 */
async function waitForWebhook(main, webhookPath, { timeoutMs = 120000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await preflight(PORTS.main, `/webhook/${webhookPath}`);
    if (last === 204) return Date.now() - main.startedAt;
    if (Date.now() > deadline) throw new Error(`webhook /webhook/${webhookPath} not registered after ${timeoutMs} ms (OPTIONS answered ${last})`);
    await sleep(200);
  }
}

function preflight(port, urlPath) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: HOST,
        port,
        path: urlPath,
        method: 'OPTIONS',
        headers: { Origin: `http://${HOST}`, 'Access-Control-Request-Method': 'POST' },
        timeout: 2000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function httpStatus(port, urlPath) {
  try {
    const res = await fetch(`http://${HOST}:${port}${urlPath}`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Log evidence

/** A log line as { message, metadata } (n8n's JSON format), or { message: line } for other output. */
function parseLine(line) {
  try {
    const obj = JSON.parse(line);
    if (obj && typeof obj.message === 'string') return { message: obj.message, metadata: obj.metadata || {}, level: obj.level };
  } catch {
    /* not JSON */
  }
  return { message: line, metadata: {} };
}

/** What an instance's log says about queued executions. */
function logEvidence(instance) {
  const ev = { hostId: undefined, packageLoaded: undefined, enqueued: new Map(), finished: new Map(), failed: new Map(), started: new Set(), workerFinished: new Set(), concurrency: undefined, errors: [] };
  for (const line of instance.lines) {
    const { message, metadata, level } = parseLine(line);
    let m;
    if ((m = /Host ID: (\S+)/.exec(message))) ev.hostId = m[1];
    if ((m = /^Loaded all credentials and nodes from n8n-nodes-callbell/.exec(message))) ev.packageLoaded = metadata;
    if ((m = /\* Concurrency: (\d+)/.exec(message))) ev.concurrency = Number(m[1]);
    if ((m = /^Enqueued execution (\d+) \(job (\d+)\)/.exec(message))) ev.enqueued.set(m[1], m[2]);
    if ((m = /^Execution (\d+) \(job (\d+)\) finished/.exec(message))) ev.finished.set(m[1], metadata.workerId);
    if ((m = /^Execution (\d+) \(job (\d+)\) failed/.exec(message))) ev.failed.set(m[1], metadata.workerId);
    if ((m = /^Worker started execution (\d+) \(job (\d+)\)/.exec(message))) ev.started.add(m[1]);
    if ((m = /^Worker finished execution (\d+) \(job (\d+)\)/.exec(message))) ev.workerFinished.add(m[1]);
    if (level === 'error' || /Unrecognized node type/.test(line)) ev.errors.push(message.trim());
  }
  return ev;
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

module.exports = {
  sharedEnv,
  prepareUserFolder,
  importAndPublish,
  startMain,
  startWorker,
  startWebhookProcess,
  waitForWebhook,
  logEvidence,
  parseLine,
  secs,
};
