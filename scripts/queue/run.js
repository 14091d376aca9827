#!/usr/bin/env node
'use strict';

/**
 * `npm run test:queue`: the Callbell node in n8n's queue mode on one machine, proven end to end.
 *
 *   1. Redis + Postgres (apt-installed when missing), private to .queue/, on loopback ports
 *   2. three n8n user folders (main, worker-1, worker-2) with the packed package installed
 *   3. the Callbell sandbox; credential + webhook workflow imported into the shared DB and
 *      published; the main (EXECUTIONS_MODE=queue) and two workers started
 *   4. 12 concurrent webhook calls × 5 contacts (twice), then 3 one after another; assertions:
 *      answers, exactly-once updates, executions ran on the workers (their logs, the main's log,
 *      the executions table); then the published Callbell Trigger workflow: three customers' messages
 *      delivered by the sandbox, answered on the main, run (tag + reply) on the workers
 *      and "one answer to a burst" (burst.js): three messages of one customer, three executions on
 *      the workers, exactly one answer holding all three; then the shipped AI support agent
 *      (examples/ai-support-agent.json, agent.js) published on the main with a scripted model:
 *      a burst of three signed messages → exactly one agent run, its tool calls reach Callbell once;
 *      then Message → Send and Wait for Response (sendAndWait.js): asked on a worker, answered on the
 *      main's /webhook-waiting/ (approve, decline, a tampered link, a link used again), resumed on a worker
 *   5. the variant: a worker without the package → "Unrecognized node type", the caller gets an error
 *   6. figures: start-up times, peak memory, webhook latency
 *
 * Exit 0 only when every check holds. Everything started is stopped by PID at the end (also on
 * failure and Ctrl-C) and `ps` is checked for leftovers. Logs: .queue/logs/. See docs/queue-mode.md.
 * Modules: config (ports, folders), services (Redis, Postgres), cluster (n8n main/workers),
 * load (webhook calls), scenarios (the checks), trigger, burst and agent (the Callbell Trigger
 * rounds; agent: the AI support agent example), sendAndWait (Send and Wait resumed on a worker),
 * procs (PIDs, memory, ps), checks (output).
 */

const fs = require('fs');
const net = require('net');
const path = require('path');

const { ensureN8n, N8N_VERSION } = require('../lib/n8n-runtime');
const { killAllNow } = require('../lib/n8n-instance');
const { HOST, PORTS, DIRS, LOAD, REPO_ROOT } = require('./config');
const services = require('./services');
const cluster = require('./cluster');
const { runRound, runVariant } = require('./scenarios');
const { runTriggerRound } = require('./trigger');
const { runBurstRound } = require('./burst');
const { runAgentRound, startAgentModel } = require('./agent');
const { runSendAndWaitRound } = require('./sendAndWait');
const { createMemorySampler, leftovers, memoryOf, sleep } = require('./procs');
const { figures, checks, say, secs, mib, check } = require('./checks');

const T0 = Date.now();
let stepNo = 0;
async function step(title, fn) {
  if (interrupted) throw new Error('interrupted'); // start nothing new once stopping
  stepNo += 1;
  say(`\n▶ [${stepNo}/6] ${title}`);
  const t = Date.now();
  const value = await fn();
  say(`  (step ${stepNo} took ${secs(Date.now() - t)})`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started registers a stop function; run in reverse on any exit path.

const cleanups = [];
let cleaning = null;

function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    say('\n▶ stopping everything (by PID, in reverse order)');
    for (const { name, fn } of cleanups.reverse()) {
      const t = Date.now();
      try {
        await fn();
        say(`  stopped ${name} (${secs(Date.now() - t)})`);
      } catch (err) {
        say(`  could not stop ${name}: ${err.message}`);
      }
    }
    cleanups.length = 0;
    killAllNow(); // an n8n CLI command (import/publish) interrupted half-way
    await sleep(300);
    const left = leftovers(DIRS.root);
    if (left.length === 0) say('  ps: none of the processes started by this run is left');
    else {
      say(`  ps: ${left.length} process(es) still there:\n    ${left.join('\n    ')}`);
      checks.push({ ok: false, what: 'nothing left running after the run' });
    }
    return left.length;
  })();
  return cleaning;
}

let firstSignalAt = 0;
let interrupted = null;
function onSignal(signal) {
  if (interrupted || cleaning) {
    if (Date.now() - firstSignalAt < 1500) return; // npm forwards the terminal's Ctrl-C once more
    say(`\n${signal} again: killing everything now`);
    killAllNow();
    process.exit(130);
  }
  interrupted = signal;
  firstSignalAt = Date.now();
  say(`\n${signal}: stopping…`);
  finish();
}
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => onSignal(s));

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// Steps

async function startServices() {
  await services.stopLeftoverServices(say);
  const busy = [];
  for (const [name, port] of Object.entries(PORTS)) if (!(await portFree(port))) busy.push(`${name} ${port}`);
  if (busy.length) throw new Error(`ports in use on ${HOST}: ${busy.join(', ')} (another test:queue running?)`);

  fs.mkdirSync(DIRS.logs, { recursive: true });
  const apt = await services.ensurePackages(say);
  figures.startup.aptInstalled = apt.installed;

  const pg = await services.startPostgres(say);
  cleanups.push({ name: `postgres (pid ${pg.handle.pid})`, fn: () => pg.handle.stop() });
  figures.startup.postgresInitdbMs = pg.initMs;
  figures.startup.postgresMs = pg.readyMs;
  say(`  postgres ready on ${HOST}:${PORTS.postgres} in ${secs(pg.readyMs)} (pid ${pg.handle.pid}, log .queue/logs/postgres.log)`);
  const dbMs = services.recreateDatabase();
  say(`  database "${require('./config').DB.name}" recreated in ${secs(dbMs)}`);

  const redis = await services.startRedis(say);
  cleanups.push({ name: `redis-server (pid ${redis.handle.pid})`, fn: () => redis.handle.stop() });
  figures.startup.redisMs = redis.readyMs;
  say(`  redis ${redis.version} ready on ${HOST}:${PORTS.redis} in ${secs(redis.readyMs)} (pid ${redis.handle.pid}, no persistence)`);
  return { pg, redis };
}

function prepareFolders() {
  const out = {};
  for (const [key, dir, withPackage] of [
    ['main', DIRS.main, true],
    ['worker1', DIRS.worker1, true],
    ['worker2', DIRS.worker2, true],
    ['bare', DIRS.bare, false],
  ]) {
    const t = Date.now();
    out[key] = cluster.prepareUserFolder(dir, { withPackage });
    const rel = path.relative(REPO_ROOT, dir);
    say(
      withPackage
        ? `  ${rel}/: n8n-nodes-callbell ${out[key].installed.version} installed in .n8n/nodes/node_modules (npm pack + extract, ${secs(Date.now() - t)})`
        : `  ${rel}/: no package (for the missing-package variant)`,
    );
  }
  return out;
}

async function startCluster(sampler) {
  const t = Date.now();
  const main = cluster.startMain();
  cleanups.push({ name: `n8n main (pid ${main.pid})`, fn: () => main.stop() });
  const w1 = cluster.startWorker('worker-1', DIRS.worker1, { healthPort: PORTS.healthWorker1, brokerPort: PORTS.brokerWorker1 });
  cleanups.push({ name: `n8n worker-1 (pid ${w1.pid})`, fn: () => w1.stop() });
  const w2 = cluster.startWorker('worker-2', DIRS.worker2, { healthPort: PORTS.healthWorker2, brokerPort: PORTS.brokerWorker2 });
  cleanups.push({ name: `n8n worker-2 (pid ${w2.pid})`, fn: () => w2.stop() });
  for (const i of [main, w1, w2]) sampler.watch(i.pid);
  say(`  started together: main pid ${main.pid} (:${PORTS.main}), worker-1 pid ${w1.pid} (health :${PORTS.healthWorker1}), worker-2 pid ${w2.pid} (health :${PORTS.healthWorker2})`);

  const webhookPath = require('./config').WEBHOOK_PATH;
  const [mainMs, webhookMs, w1Log, w2Log, w1Health, w2Health] = await Promise.all([
    main.ready,
    main.ready.then(() => cluster.waitForWebhook(main, webhookPath)),
    w1.ready,
    w2.ready,
    w1.healthy,
    w2.healthy,
  ]);
  figures.startup.mainMs = mainMs;
  figures.startup.webhookMs = webhookMs;
  figures.startup.worker1 = { logMs: w1Log, healthMs: w1Health };
  figures.startup.worker2 = { logMs: w2Log, healthMs: w2Health };
  figures.startup.clusterMs = Date.now() - t;
  say(`  main ready in ${secs(mainMs)} ("Editor is now accessible via" in its log); webhook registered after ${secs(webhookMs)} (OPTIONS preflight 204)`);
  say(`  worker-1 ready in ${secs(w1Log)} ("n8n worker is now ready"); /healthz + /healthz/readiness 200 after ${secs(w1Health)}`);
  say(`  worker-2 ready in ${secs(w2Log)}; /healthz + /healthz/readiness 200 after ${secs(w2Health)}`);
  for (const w of [w1, w2]) {
    const loaded = cluster.logEvidence(w).packageLoaded;
    check(Boolean(loaded), `${w.name} loaded the package at start-up`, loaded ? `"Loaded all credentials and nodes from n8n-nodes-callbell" ${JSON.stringify({ nodes: loaded.nodes, credentials: loaded.credentials })}` : 'line missing from its debug log');
  }
  const e1 = cluster.logEvidence(w1);
  const e2 = cluster.logEvidence(w2);
  say(`  workers' Host IDs: ${e1.hostId}, ${e2.hostId}; concurrency ${e1.concurrency}, ${e2.concurrency}${e1.hostId === e2.hostId ? ' (one container hostname for both: n8n logs a "hostid-clash" cluster-check warning, harmless here)' : ''}`);
  return { main, w1, w2 };
}

function report(sampler, instances, services = {}) {
  const s = figures.startup;
  say('  start-up (main and both workers launched at the same moment on 2 cores):');
  if (s.postgresInitdbMs) say(`    postgres initdb          ${secs(s.postgresInitdbMs)} (first run only)`);
  say(`    postgres ready           ${secs(s.postgresMs)}`);
  say(`    redis ready              ${secs(s.redisMs)}`);
  say(`    imports (with migrations)${' '.repeat(1)}${secs(s.importsMs)}  [credential ${secs(s.imports.credential)}, workflow ${secs(s.imports.workflow)}, publish ${secs(s.imports.publish)}]`);
  say(`    main ready               ${secs(s.mainMs)} ("Editor is now accessible"); webhook registered after ${secs(s.webhookMs)}`);
  say(`    worker-1 ready / healthz ${secs(s.worker1.logMs)} / ${secs(s.worker1.healthMs)}`);
  say(`    worker-2 ready / healthz ${secs(s.worker2.logMs)} / ${secs(s.worker2.healthMs)}`);
  say('  peak memory (VmHWM of the n8n process; sampled peak of its process group incl. the task runner):');
  for (const inst of instances) {
    const rec = sampler.get(inst.pid);
    const hwm = Math.max(rec ? rec.leaderHwm : 0, (memoryOf(inst.pid) || {}).hwm || 0);
    figures.memory[inst.name] = { vmHwm: hwm, groupPeak: rec ? rec.peak : undefined };
    say(`    ${inst.name.padEnd(12)} ${mib(hwm).padStart(8)}   group ${mib(rec && rec.peak).padStart(8)}`);
  }
  if (services.redis) {
    const m = memoryOf(services.redis.pid);
    figures.memory.redis = { vmHwm: m && m.hwm };
    say(`    ${'redis'.padEnd(12)} ${mib(m && m.hwm).padStart(8)}`);
  }
  if (services.postgres) {
    const g = sampler.get(services.postgres.pid);
    figures.memory.postgres = { groupPeak: g && g.peak };
    say(`    ${'postgres'.padEnd(12)} ${''.padStart(8)}   group ${mib(g && g.peak).padStart(8)} (postmaster + backends, sampled)`);
  }
  const ms = (v) => `${Math.round(v)} ms`;
  say(`  webhook latency (send → full answer; each call = ${LOAD.contactsPerRequest} contacts = ${LOAD.contactsPerRequest} Callbell PATCHes):`);
  for (const [round, l] of Object.entries(figures.latency)) {
    say(`    ${round.padEnd(11)} ${String(l.requests).padStart(2)} calls: min ${ms(l.min)}, median ${ms(l.median)}, p95 ${ms(l.p95)}, max ${ms(l.max)}; wall ${ms(l.wallMs)}; load avg ${l.loadAverage.toFixed(1)}`);
    if (l.queuedMs) say(`    ${''.padEnd(11)} from the executions table: waiting in the queue median ${ms(l.queuedMs.median)} (max ${ms(l.queuedMs.max)}), running on a worker median ${ms(l.runMs.median)} (max ${ms(l.runMs.max)})`);
  }
  for (const [round, split] of Object.entries(figures.split)) say(`  split, ${round}: worker-1 ${split['worker-1']}, worker-2 ${split['worker-2']}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  say(`Queue-mode proof for n8n-nodes-callbell on n8n ${N8N_VERSION} (data in .queue/, logs in .queue/logs/)`);
  const sampler = createMemorySampler(250);

  const { pg, redis } = await step('Redis and Postgres', startServices);
  sampler.watch(pg.handle.pid);
  sampler.watch(redis.handle.pid);

  await step('n8n user folders (main, worker-1, worker-2, worker-bare)', async () => {
    await ensureN8n({ log: (line) => say(`  ${line}`) });
    prepareFolders();
  });

  const { createSandbox } = require('../../test/sandbox');
  const { generateSecret } = require('../../test/sandbox/webhooks/signing');
  let model;
  const { sandbox, workflow, nodes } = await step('sandbox, imports, main + two workers', async () => {
    // Deliveries are signed (X-Callbell-Signature); the credential holds the secret, so the trigger checks them.
    const webhookSecret = generateSecret();
    const sb = await createSandbox({ port: PORTS.sandbox, token: require('./config').SANDBOX_TOKEN, webhookSecret });
    cleanups.push({ name: 'Callbell sandbox', fn: () => sb.close() });
    say(`  Callbell sandbox ${sb.url} (in this process, ${sb.state.contacts.size} contacts, signed webhook deliveries)`);
    const m = await startAgentModel();
    cleanups.push({ name: 'scripted model', fn: () => m.close() });
    say(`  scripted OpenAI-compatible model ${m.baseUrl} (in this process, test/ai/scripted-model.js)`);
    const t = Date.now();
    const imported = await cluster.importAndPublish(DIRS.main, sb.url, say, { webhookSecret, model: m });
    model = m;
    figures.startup.importsMs = Date.now() - t;
    figures.startup.imports = imported.timings;
    figures.cliCrashesOnExit = imported.crashes;
    const started = await startCluster(sampler);
    return { sandbox: sb, workflow: imported.workflow, nodes: started };
  });

  await step(`${LOAD.requests} concurrent webhook calls × ${LOAD.contactsPerRequest} contacts, twice, then 3 one after another`, async () => {
    const seen = new Set();
    // Burst 1: the first calls after start-up (each process loads code paths on first use);
    // burst 2: the same load again on the same contacts with new values.
    await runRound('burst 1', 'Q', sandbox, nodes, workflow.id, seen);
    await runRound('burst 2', 'W', sandbox, nodes, workflow.id, seen);
    // Baseline: the same calls without concurrency.
    await runRound('sequential', 'S', sandbox, nodes, workflow.id, seen, { requests: 3, sequential: true });
    // The Callbell Trigger: deliveries answered on the main, its workflow run on the workers.
    await runTriggerRound(sandbox, nodes, seen);
    // One answer to a burst: three messages, three executions on the workers, one answer.
    await runBurstRound(sandbox, nodes, seen);
    // The same with the shipped AI support agent example: one agent run, its tool calls once.
    await runAgentRound(sandbox, nodes, seen, model);
    // Message → Send and Wait for Response: asked on a worker, answered on the main, resumed on a worker.
    await runSendAndWaitRound(sandbox, nodes, seen);
  });

  let bare;
  await step('variant: a worker without the package', async () => {
    sampler.sample();
    const ctx = { addCleanup: (name, fn) => cleanups.push({ name, fn }), isInterrupted: () => Boolean(interrupted) };
    bare = await runVariant(ctx, sandbox, nodes, sampler);
  });

  await step('figures', async () => {
    sampler.sample();
    report(sampler, [nodes.main, nodes.w1, nodes.w2, bare].filter(Boolean), { redis: redis.handle, postgres: pg.handle });
  });
  sampler.stop();
}

let finishing = null;
/** Stops everything, writes .queue/summary.json, exits: 0 all checks held, 1 not, 130/143 interrupted. */
function finish() {
  if (finishing) return finishing;
  finishing = (async () => {
    await cleanup();
    const failed = checks.filter((c) => !c.ok);
    fs.mkdirSync(DIRS.root, { recursive: true });
    fs.writeFileSync(
      path.join(DIRS.root, 'summary.json'),
      JSON.stringify({ at: new Date().toISOString(), totalMs: Date.now() - T0, interrupted, checks, figures }, null, 2),
    );
    if (interrupted) {
      say(`\n✘ interrupted (${interrupted}) after ${secs(Date.now() - T0)}`);
      process.exit(interrupted === 'SIGINT' ? 130 : 143);
    }
    say(`\n${failed.length ? '✘' : '✔'} ${checks.length - failed.length}/${checks.length} checks passed in ${secs(Date.now() - T0)} (summary: .queue/summary.json)`);
    for (const c of failed) say(`  ✘ ${c.what}${c.detail ? ` — ${c.detail}` : ''}`);
    process.exit(failed.length ? 1 : 0);
  })();
  return finishing;
}

main()
  .catch((err) => {
    if (interrupted) return; // the processes it waited for were stopped on purpose
    checks.push({ ok: false, what: `the run itself: ${err.message.split('\n')[0]}` });
    say(`\n✘ ${err.stack || err.message}`);
    say('  logs: .queue/logs/');
  })
  .then(finish);
