'use strict';

/**
 * Issue 24, webhook half: a burst of signed Callbell deliveries to n8n in queue mode whose
 * production webhooks are served by separate `n8n webhook` processes.
 *
 *   cluster   Redis + Postgres + main (N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true) + 2 workers +
 *             2 webhook processes, from scripts/queue/* with QUEUE_DIR=.bench/queue-burst and
 *             QUEUE_PORT_OFFSET=300; a round-robin balancer (queue-burst-balancer.js) in front of
 *             one or both webhook processes
 *   rounds    one process → plain workflow; two processes → plain; two processes → dedupe
 *             (examples/trigger-dedupe-across-webhook-processes.json), each a fresh burst from
 *             test/sandbox/webhooks/burst.js: N deliveries over S s + 10 % re-delivered (new t)
 *   counted   answers (status, max/p99 time against Callbell's assumed 10 s timeout), executions
 *             and delivery keys from the executions table, downstream runs from the counter
 *
 * `npm run bench -- --only-burst [--quick]` runs it alone. Writes .bench/queue-burst.json and the
 * "Queue mode: a burst of webhook deliveries" section of bench/RESULTS.md. Not part of CI.
 */

const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
/** Raw figures of a run: .bench/queue-burst-<count>in<seconds>s.json (one file per burst size). */
const outJson = (n, quick, label) => path.join(REPO_ROOT, '.bench', `queue-burst-${n.count}in${n.seconds}s${label ? `-${label}` : ''}${quick ? '.quick' : ''}.json`);
/** Ports of this bench outside scripts/queue/config.js's set: webhook processes, balancer, counter. */
const PORTS = { webhook1: 6070, brokerWebhook1: 6071, webhook2: 6072, brokerWebhook2: 6073, balancer: 6078, counter: 6079 };
/**
 * Settings of the webhook processes (docs/queue-mode.md §8 explains them):
 * - N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true: n8n 2.41's default expression engine ('vm') gives every
 *   webhook request of a trigger other than n8n's Webhook node a fresh V8 isolate (pool of 1,
 *   disposed after use, a new one built on demand); the Callbell Trigger's webhook() evaluates no
 *   expression, so with lazy acquisition no isolate is built at all;
 * - DB_POSTGRESDB_POOL_SIZE=10 instead of 2: a burst's queries no longer queue behind two connections,
 *   where n8n's connection monitor (5 s ping timeout) rebuilt the pool and failed every request.
 * BURST_N8N_DEFAULTS=1 starts them with n8n's defaults instead.
 */
const WEBHOOK_ENV = {
  ...(process.env.BURST_N8N_DEFAULTS === '1' ? {} : { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true', DB_POSTGRESDB_POOL_SIZE: '10' }),
  // BURST_WEBHOOK_ENV='{"N8N_LOG_LEVEL":"warn"}': more settings for both webhook processes (A/B runs).
  ...JSON.parse(process.env.BURST_WEBHOOK_ENV || '{}'),
};
/**
 * Knobs for finding where the webhook processes' CPU goes (docs/queue-mode.md §9, "Where the CPU goes"):
 * - BURST_ROUNDS=1,2: run only these rounds (1 one process, 2 two processes, 3 Remove Duplicates, 4 Postgres);
 * - BURST_IDLE_SECONDS=30: before the rounds, measure what the idle instances use over that time;
 * - BURST_CPU_PROF=1: start webhook-1 with `node --cpu-prof` (profiles in <QUEUE_DIR>/profiles/, written
 *   when it stops); each round's window on the monotonic clock (the profile's clock) is kept in the
 *   result, for bench/cpu-profile-summary.js.
 */
/** BURST_WORKER_ENV='{"N8N_EXPRESSION_ENGINE":"legacy"}': more settings for both workers (A/B runs). */
const WORKER_ENV = JSON.parse(process.env.BURST_WORKER_ENV || '{}');
/**
 * BURST_WORKER_NICE=19: run the workers (process groups) at that nice level, so that on this one
 * machine the webhook processes get the CPU first, as when the workers run on other machines.
 */
const WORKER_NICE = process.env.BURST_WORKER_NICE;
/**
 * BURST_WEBHOOK_NICE=-10: run the webhook processes (process groups) at that nice level (below 0
 * needs root), so that they get the CPU before everything else on this machine, as where they have
 * CPU of their own, while they share both cores with the workers, Postgres and Redis.
 */
const WEBHOOK_NICE = process.env.BURST_WEBHOOK_NICE;
/**
 * BURST_PAUSE_WORKERS=1: stop the workers (SIGSTOP to their process groups) from the start of each
 * burst until its last answer, then let them run (SIGCONT): the webhook processes and Postgres get
 * this machine's CPU alone while they answer, as when the workers run elsewhere; the executions
 * wait in Redis meanwhile.
 */
const PAUSE_WORKERS = process.env.BURST_PAUSE_WORKERS === '1';
/**
 * BURST_PIN=1: the webhook processes get a core of their own, as where they run apart from the
 * workers, while the workers really run during the burst (unlike BURST_PAUSE_WORKERS): webhook-1
 * and webhook-2 on CPU 0; this bench (sender, balancer, counter), Postgres, Redis, the main and the
 * workers on CPU 1 (taskset, every thread of each process group; processes they start later, such
 * as Postgres backends and task runners, inherit it).
 */
const PIN = process.env.BURST_PIN === '1';
const ROUNDS = (process.env.BURST_ROUNDS || '1,2,3,4').split(',').map(Number);
const IDLE_SECONDS = Number(process.env.BURST_IDLE_SECONDS || 0);
const CPU_PROF = process.env.BURST_CPU_PROF === '1';
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function env() {
  process.env.QUEUE_DIR = process.env.QUEUE_DIR || path.join(REPO_ROOT, '.bench', 'queue-burst');
  process.env.QUEUE_PORT_OFFSET = process.env.QUEUE_PORT_OFFSET || '300';
}

/** Counts GET /count?wf=…&key=… per workflow tag and message uuid. */
function startCounter(port) {
  const counts = new Map(); // tag -> Map(uuid -> n)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const tag = url.searchParams.get('wf') || '?';
    const uuid = String(url.searchParams.get('key') || '').replace(/^message_created:/, '');
    if (!counts.has(tag)) counts.set(tag, new Map());
    const m = counts.get(tag);
    m.set(uuid, (m.get(uuid) || 0) + 1);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"counted":true}');
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ counts: (tag) => counts.get(tag) || new Map(), close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) })));
}

async function httpStatus(url, method) {
  try {
    const res = await fetch(url, { method, headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' }, signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) used so far by every process in the group `pgid` (n8n + its task runner). */
function groupCpuSeconds(groupPids, pgid) {
  let ticks = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      /* exited */
    }
  }
  return ticks / 100; // USER_HZ
}

function gitHead() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function until(fn, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function runQueueBurst({ quick = false, say = console.log } = {}) {
  env();
  const { ensureN8n, N8N_VERSION } = require('../scripts/lib/n8n-runtime');
  const { importCredentials, importWorkflow, runN8n, killAllNow } = require('../scripts/lib/n8n-instance');
  const config = require('../scripts/queue/config');
  const services = require('../scripts/queue/services');
  const cluster = require('../scripts/queue/cluster');
  const { leftovers, createMemorySampler, memoryOf, groupPids } = require('../scripts/queue/procs');
  const { generateSecret } = require('../test/sandbox/webhooks/signing');
  const { planBurst, runBurst, summarizeBurst, DELIVERY_TIMEOUT_MS } = require('../test/sandbox/webhooks/burst');
  const { startBalancer } = require('./queue-burst-balancer');
  const { burstWorkflows, executionsSql, tally, WORKFLOWS, PG_TABLE_SQL, PG_CREDENTIAL } = require('./queue-burst-workflows');
  const { loadNow, machineInfo } = require('./machine');

  const N = quick ? { count: 100, seconds: 5 } : { count: 1000, seconds: 20 };
  // Another burst size, e.g. what this machine can answer in time: BURST_COUNT=100 BURST_SECONDS=20.
  if (process.env.BURST_COUNT) N.count = Number(process.env.BURST_COUNT);
  if (process.env.BURST_SECONDS) N.seconds = Number(process.env.BURST_SECONDS);
  // BURST_LABEL names a run kept beside others of the same size (e.g. before/after a change).
  const label = (process.env.BURST_LABEL || '').replace(/[^a-z0-9-]/gi, '').toLowerCase() || undefined;
  const OUT_JSON = outJson(N, quick, label);
  const T0 = Date.now();
  const log = (s) => say(`[burst ${((Date.now() - T0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  const result = { at: new Date().toISOString(), quick, label, git: gitHead(), n8n: N8N_VERSION, config: { ...N, redeliverShare: 0.1, webhookEnv: WEBHOOK_ENV, workerEnv: WORKER_ENV, workerNice: WORKER_NICE, webhookNice: WEBHOOK_NICE, pauseWorkers: PAUSE_WORKERS, pinned: PIN, timeoutMs: DELIVERY_TIMEOUT_MS, queueDir: config.QUEUE_DIR, ports: { ...config.PORTS, ...PORTS } }, loadStart: loadNow(), rounds: [] };
  const stops = [];
  const sampler = createMemorySampler(500);
  try {
    log(`queue-mode cluster in ${path.relative(REPO_ROOT, config.QUEUE_DIR)}/ (offset ${process.env.QUEUE_PORT_OFFSET}); load ${result.loadStart.join(' / ')}`);
    await services.stopLeftoverServices(log);
    const pg = await services.startPostgres(log);
    stops.push(() => pg.handle.stop());
    services.recreateDatabase();
    const redis = await services.startRedis(log);
    stops.push(() => redis.handle.stop());
    await ensureN8n({ log: (l) => log(`  ${l}`) });
    const dirs = { main: config.DIRS.main, worker1: config.DIRS.worker1, worker2: config.DIRS.worker2, webhook1: path.join(config.QUEUE_DIR, 'webhook-1'), webhook2: path.join(config.QUEUE_DIR, 'webhook-2') };
    for (const dir of Object.values(dirs)) cluster.prepareUserFolder(dir);

    const counter = await startCounter(PORTS.counter);
    stops.push(() => counter.close());
    const secret = generateSecret();
    const sharedEnv = cluster.sharedEnv();
    await importCredentials(dirs.main, [
      { ...config.CREDENTIAL, data: { apiToken: config.SANDBOX_TOKEN, baseUrl: 'http://127.0.0.1:9/v1', webhookSecret: secret } },
      // The Postgres example's table lives in the cluster's Postgres (any Postgres would do).
      { ...PG_CREDENTIAL, data: { host: config.HOST, port: config.PORTS.postgres, database: config.DB.name, user: config.DB.user, password: '', ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 } },
    ], { env: sharedEnv });
    services.psql(PG_TABLE_SQL, { user: config.DB.user });
    const wfFile = path.join(config.QUEUE_DIR, 'burst-workflows.json');
    fs.writeFileSync(wfFile, JSON.stringify(burstWorkflows(PORTS.counter)));
    await importWorkflow(dirs.main, wfFile, [], { env: sharedEnv });
    for (const wf of Object.values(WORKFLOWS)) await runN8n(dirs.main, ['publish:workflow', `--id=${wf.id}`], { env: sharedEnv });
    log('credential (with the webhook signing secret) and both workflows imported and published');

    const t = Date.now();
    const main = cluster.startMain({ env: { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } });
    stops.push(() => main.stop());
    const w1 = cluster.startWorker('worker-1', dirs.worker1, { healthPort: config.PORTS.healthWorker1, brokerPort: config.PORTS.brokerWorker1, env: WORKER_ENV });
    stops.push(() => w1.stop());
    const w2 = cluster.startWorker('worker-2', dirs.worker2, { healthPort: config.PORTS.healthWorker2, brokerPort: config.PORTS.brokerWorker2, env: WORKER_ENV });
    stops.push(() => w2.stop());
    await main.ready; // the main registers the published webhooks in the database first
    const profileDir = path.join(config.QUEUE_DIR, 'profiles');
    if (CPU_PROF) fs.mkdirSync(profileDir, { recursive: true });
    const profEnv = CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {};
    const h1 = cluster.startWebhookProcess('webhook-1', dirs.webhook1, { port: PORTS.webhook1, brokerPort: PORTS.brokerWebhook1, env: { ...WEBHOOK_ENV, ...profEnv } });
    stops.push(() => h1.stop());
    const h2 = cluster.startWebhookProcess('webhook-2', dirs.webhook2, { port: PORTS.webhook2, brokerPort: PORTS.brokerWebhook2, env: WEBHOOK_ENV });
    stops.push(() => h2.stop());
    const renice = (level, handles) => {
      for (const h of handles) execFileSync('renice', ['-n', String(Number(level)), '-g', String(h.pid)]);
    };
    if (WORKER_NICE) renice(WORKER_NICE, [w1, w2]);
    if (WEBHOOK_NICE) renice(WEBHOOK_NICE, [h1, h2]);
    const instances = [main, w1, w2, h1, h2];
    if (PIN) {
      /** Every thread of one process onto `cpus`. */
      const taskset = (cpus, pid) => execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
      const pinGroup = (cpus, pgid) => {
        for (const pid of groupPids(pgid)) {
          try {
            taskset(cpus, pid);
          } catch {
            /* the process (or one of its threads) ended meanwhile */
          }
        }
      };
      for (const h of [main, w1, w2, pg.handle, redis.handle]) pinGroup('1', h.pid);
      for (const h of [h1, h2]) pinGroup('0', h.pid);
      taskset('1', process.pid); // throws where taskset is missing
    }
    for (const i of instances) sampler.watch(i.pid);
    const [mainMs, , , h1Ms, h2Ms] = await Promise.all([main.ready, w1.healthy, w2.healthy, h1.ready, h2.ready]);
    const hookUrl = (wf, port) => `http://127.0.0.1:${port}/webhook/${wf.webhookId}/callbell`;
    for (const wf of Object.values(WORKFLOWS)) {
      for (const port of [PORTS.webhook1, PORTS.webhook2]) {
        const ok = await until(async () => (await httpStatus(hookUrl(wf, port), 'OPTIONS')) === 204, 120000);
        if (!ok) throw new Error(`${hookUrl(wf, port)} not registered`);
      }
    }
    const onMain = await httpStatus(hookUrl(WORKFLOWS.plain, config.PORTS.main), 'POST');
    result.startup = { clusterMs: Date.now() - t, mainMs, webhook1Ms: h1Ms, webhook2Ms: h2Ms, mainAnswersProductionWebhook: onMain };
    log(`cluster up in ${(result.startup.clusterMs / 1000).toFixed(1)} s (webhook processes ready after ${(h1Ms / 1000).toFixed(1)} / ${(h2Ms / 1000).toFixed(1)} s); the main answers a production webhook POST with ${onMain} (N8N_DISABLE_PRODUCTION_MAIN_PROCESS)`);

    const balancer = await startBalancer(PORTS.balancer, [PORTS.webhook1]);
    stops.push(() => balancer.close());
    // Warm-up: one delivery per workflow through each process (first-use code paths, and the
    // Remove Duplicates row, which n8n inserts on its first run), not counted.
    for (const [i, wf] of Object.values(WORKFLOWS).entries()) {
      for (const port of [PORTS.webhook1, PORTS.webhook2]) {
        const plan = planBurst({ count: 1, seconds: 0, redeliverShare: 0, runId: `ff${i}${port % 10}` });
        await runBurst({ url: hookUrl(wf, port), plan, secret });
      }
    }
    await new Promise((r) => setTimeout(r, 3000));

    if (IDLE_SECONDS > 0) {
      const before = Object.fromEntries(instances.map((i) => [i.name, groupCpuSeconds(groupPids, i.pid)]));
      const from = monotonicUs();
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      const cpu = Object.fromEntries(instances.map((i) => [i.name, Math.round((groupCpuSeconds(groupPids, i.pid) - before[i.name]) * 100) / 100]));
      result.idle = { seconds: IDLE_SECONDS, cpuSeconds: cpu, window: { fromUs: from, toUs: monotonicUs() }, load: loadNow() };
      log(`idle for ${IDLE_SECONDS} s: CPU ${JSON.stringify(cpu)} s; load ${result.idle.load.join(' / ')}`);
    }

    const allRounds = [
      { name: 'one webhook process', backends: [PORTS.webhook1], wf: 'plain', runId: '0001' },
      { name: 'two webhook processes', backends: [PORTS.webhook1, PORTS.webhook2], wf: 'plain', runId: '0002' },
      { name: 'two webhook processes + Remove Duplicates on deliveryKey', backends: [PORTS.webhook1, PORTS.webhook2], wf: 'dedupe', runId: '0003' },
      { name: 'two webhook processes + Postgres INSERT … ON CONFLICT on deliveryKey', backends: [PORTS.webhook1, PORTS.webhook2], wf: 'pg', runId: '0004' },
    ];
    const rounds = allRounds.filter((_, i) => ROUNDS.includes(i + 1));
    for (const round of rounds) {
      const wf = WORKFLOWS[round.wf];
      balancer.setBackends(round.backends);
      const plan = planBurst({ count: N.count, seconds: N.seconds, redeliverShare: 0.1, seed: Number(round.runId), runId: round.runId });
      const keys = plan.filter((d) => !d.redelivery).map((d) => d.payload.uuid);
      const load = loadNow();
      log(`${round.name}: ${plan.length} requests (${N.count} + ${plan.length - N.count} re-delivered) over ${N.seconds} s → ${balancer.url} → ${round.backends.join(', ')}; load ${load.join(' / ')}`);
      const cpuBefore = Object.fromEntries(instances.map((i) => [i.name, groupCpuSeconds(groupPids, i.pid)]));
      const burstStart = Date.now();
      const windowFromUs = monotonicUs();
      const signalWorkers = (signal) => { for (const w of [w1, w2]) process.kill(-w.pid, signal); };
      if (PAUSE_WORKERS) signalWorkers('SIGSTOP');
      let records;
      try {
        records = await runBurst({ url: `${balancer.url}/webhook/${wf.webhookId}/callbell`, plan, secret });
      } finally {
        if (PAUSE_WORKERS) signalWorkers('SIGCONT');
      }
      const answers = summarizeBurst(records);
      const burstMs = Date.now() - burstStart;
      log(`  answers: ${answers.ok2xx}/${answers.requests} 2xx ${JSON.stringify(answers.byStatus)} errors ${JSON.stringify(answers.errors)}; max ${answers.maxMs} ms, p99 ${answers.p99Ms} ms, p50 ${answers.p50Ms} ms (timeout ${answers.timeoutMs} ms); served ${JSON.stringify(balancer.served())}; balancer failures ${JSON.stringify(balancer.failures())}`);
      // Wait until the workers have finished everything enqueued (no new/running rows, count steady).
      // A request the sender gave up on may still start an execution later: wait at least 15 s,
      // then until the count has not moved for 5 s.
      let rows = [];
      let last = -1;
      let steady = 0;
      const notBefore = Date.now() + 15000;
      await until(() => {
        rows = services.psql(executionsSql(wf.id, round.runId));
        const done = rows.every((r) => !['new', 'running', 'waiting'].includes(r[1]));
        steady = done && rows.length === last ? steady + 1 : 0;
        last = rows.length;
        return steady >= 5 && Date.now() >= notBefore;
      }, 600000, 1000);
      const drainMs = Date.now() - burstStart;
      const window = { fromUs: windowFromUs, toUs: monotonicUs() }; // the span over which CPU is counted
      const counts = tally(rows, keys, counter.counts(round.wf));
      const starts = rows.map((r) => Date.parse(`${r[3]}Z`)).filter(Number.isFinite);
      const stopsAt = rows.map((r) => Date.parse(`${r[4]}Z`)).filter(Number.isFinite);
      const cpu = Object.fromEntries(Object.entries(cpuBefore).map(([k, v]) => [k, Math.round((groupCpuSeconds(groupPids, instances.find((i) => i.name === k).pid) - v) * 100) / 100]));
      const webhookCpu = round.backends.length === 1 ? cpu['webhook-1'] : cpu['webhook-1'] + cpu['webhook-2'];
      const cpuMsPerRequest = { webhook: Math.round((webhookCpu * 1000) / plan.length), workers: Math.round(((cpu['worker-1'] + cpu['worker-2']) * 1000) / plan.length) };
      const entry = { ...round, cpuSeconds: cpu, cpuMsPerRequest, plannedRequests: plan.length, burstMs, window, drainMs, load, answers, served: balancer.served(), balancerFailures: balancer.failures(), counts, executionsSpanMs: stopsAt.length ? Math.max(...stopsAt) - Math.min(...starts) : undefined };
      result.rounds.push(entry);
      log(`  CPU per request: webhook process(es) ${cpuMsPerRequest.webhook} ms, workers ${cpuMsPerRequest.workers} ms (${JSON.stringify(cpu)} s)`);
      log(`  executions ${counts.executions} ${JSON.stringify(counts.byStatus)}; deliveries executed ${counts.deliveriesExecuted}/${N.count}, doubled ${counts.doubled} (+${counts.extraExecutions} executions), lost ${counts.lost}; downstream runs ${counts.downstreamRuns}, doubled ${counts.downstreamDoubled}, lost ${counts.downstreamLost}; all done ${(drainMs / 1000).toFixed(1)} s after the first delivery`);
    }
    // How many delivery keys the trigger's record in the workflow's static data holds at the end
    // (each webhook process writes it after every accepted delivery).
    result.staticDataKeys = Object.fromEntries(services.psql(`SELECT id, (SELECT count(*) FROM json_object_keys("staticData"->'node:Callbell Trigger'->'deliveries')) FROM workflow_entity WHERE "staticData" IS NOT NULL`).map(([id, n]) => [id, Number(n)]));
    log(`delivery keys in the workflows' static data at the end: ${JSON.stringify(result.staticDataKeys)}`);
    sampler.sample();
    result.memory = Object.fromEntries(instances.map((i) => [i.name, { vmHwm: Math.max(sampler.get(i.pid)?.leaderHwm || 0, memoryOf(i.pid)?.hwm || 0), groupPeak: sampler.get(i.pid)?.peak }]));
    result.machine = machineInfo();
  } finally {
    sampler.stop();
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        log(`  could not stop something: ${err.message}`);
      }
    }
    killAllNow();
    result.leftovers = leftovers(config.QUEUE_DIR);
    result.loadEnd = loadNow();
    result.totalMs = Date.now() - T0;
    fs.mkdirSync(path.dirname(OUT_JSON), { recursive: true });
    fs.writeFileSync(OUT_JSON, JSON.stringify(result, null, 2));
    log(`wrote ${path.relative(REPO_ROOT, OUT_JSON)} (${(result.totalMs / 1000).toFixed(0)} s in all; left running: ${result.leftovers.length})`);
  }
  require('./queue-burst-report').writeSection(result);
  return result;
}

module.exports = { runQueueBurst };

if (require.main === module) {
  runQueueBurst({ quick: process.argv.includes('--quick') }).catch((err) => {
    console.error(err.stack || err);
    process.exit(1);
  });
}
