'use strict';

/**
 * Issue 24's rate-sharing rows: several executions of one account in queue mode (Redis + Postgres +
 * a main + 2 workers, started with scripts/queue's modules in their own folder and ports), against a
 * sandbox with Callbell's 300 requests/s limit and 50 ms server time. Each execution starts by a
 * production webhook (so it runs on a worker; `n8n execute` never uses one):
 *   4 × N Contact → Update started together, then one execution of 4N, then 4 × N with the
 *   account split by hand (Max Requests Per Second 145: what the machine allows without sharing);
 *   the same three rows for 4 × M template sends.
 * Per row: aggregate items/s, 429 share of requests, failed items, messages sent twice (sends per
 * recipient in the sandbox log), the time against the single execution, CPU of every n8n process,
 * of the bench process and of the whole machine, and the executions each worker ran.
 * `node bench/run.js --only-queue [--quick]`; also the last part of `npm run bench`.
 */

const path = require('path');
const fs = require('fs');

const REPO_ROOT = path.resolve(__dirname, '..');
// Our own cluster beside test:queue's (and the webhook-burst bench's): own folder, ports shifted.
process.env.QUEUE_DIR ??= path.join(REPO_ROOT, '.bench', 'queue');
process.env.QUEUE_PORT_OFFSET ??= '200';

const { ensureN8n } = require('../scripts/lib/n8n-runtime');
const { importCredentials, importWorkflow, runN8n, killAllNow } = require('../scripts/lib/n8n-instance');
const { HOST, PORTS, DIRS, CREDENTIAL } = require('../scripts/queue/config');
const services = require('../scripts/queue/services');
const cluster = require('../scripts/queue/cluster');
const { groupPids, leftovers, sleep } = require('../scripts/queue/procs');
const { startBenchSandbox } = require('./sandbox');
const { startCpuSampler } = require('./machine');
const { UPDATE_PATH, SEND_PATH, SPLIT_SUFFIX, SPLIT_RPS, updateWorkflow, sendWorkflow, approvedTemplate, phoneOf } = require('./queue-share-workflows');

const LATENCY_MS = 50;
const RATE_LIMIT_RPS = 300;

/** CPU seconds (user + system) of every process in each group, from /proc. */
function cpuSeconds(pgids) {
  const tick = 100; // CLK_TCK on Linux
  const out = {};
  for (const [name, pgid] of Object.entries(pgids)) {
    let ticks = 0;
    for (const pid of groupPids(pgid)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        /* exited */
      }
    }
    out[name] = ticks / tick;
  }
  return out;
}

async function post(urlPath, body) {
  const started = Date.now();
  try {
    const res = await fetch(`http://${HOST}:${PORTS.main}/webhook/${urlPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15 * 60 * 1000),
    });
    return { status: res.status, text: (await res.text()).slice(0, 300), ms: Date.now() - started };
  } catch (error) {
    return { status: 0, text: String(error), ms: Date.now() - started };
  }
}

/**
 * One row: `bodies` posted at once; the sandbox log of `method path` read afterwards.
 * `outcome(requests)` → { failed, twice } from the row's own requests.
 */
async function runRow(ctx, { name, kind, role, urlPath, bodies, items, method, pathPrefix, outcome }) {
  const { sandbox, pgids } = ctx;
  await sandbox.configure({ latencyMs: LATENCY_MS, rps: RATE_LIMIT_RPS });
  const machine = startCpuSampler();
  const cpuBefore = cpuSeconds(pgids);
  const benchBefore = process.cpuUsage();
  const startedBefore = workerStarts(ctx);
  const t0 = Date.now();
  const answers = await Promise.all(bodies.map((body) => post(urlPath, body)));
  const wallMs = Date.now() - t0;
  const cpuAfter = cpuSeconds(pgids);
  const machineUse = machine.stop();
  const bench = process.cpuUsage(benchBefore);
  const startedAfter = workerStarts(ctx);
  const requests = sandbox.sb.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  const ok = requests.filter((r) => typeof r.status === 'number' && r.status >= 200 && r.status < 300);
  const throttled = requests.filter((r) => r.status === 429).length;
  const times = requests.map((r) => Date.parse(r.at));
  const okTimes = ok.map((r) => Date.parse(r.at));
  const spanS = ok.length > 1 ? (Math.max(...okTimes) - Math.min(...times)) / 1000 : NaN;
  const cpu = Object.fromEntries(Object.keys(pgids).map((k) => [k, Math.round((cpuAfter[k] - cpuBefore[k]) * 10) / 10]));
  const { failed, twice } = outcome(requests);
  // When the 429s came: per second from the row's first request (start-up or steady state?).
  const firstAt = times.length ? Math.min(...times) : 0;
  const perSecond = (list) => {
    const counts = [];
    for (const r of list) {
      const second = Math.floor((Date.parse(r.at) - firstAt) / 1000);
      while (counts.length <= second) counts.push(0);
      counts[second]++;
    }
    return counts;
  };
  const row = {
    name,
    kind,
    role,
    executions: bodies.length,
    items,
    wallMs,
    itemsPerSecond: items / (wallMs / 1000),
    sandboxOkPerSecond: ok.length / spanS,
    requests: requests.length,
    ok: ok.length,
    throttled,
    throttledShare: throttled / Math.max(1, requests.length),
    throttledBySecond: perSecond(requests.filter((r) => r.status === 429)),
    acceptedBySecond: perSecond(ok),
    failed,
    twice,
    answers: answers.map((a) => ({ status: a.status, ms: a.ms, text: a.status === 200 ? undefined : a.text })),
    cpuSeconds: cpu,
    cpuPercentOfOneCore: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round((1000 * v * 100) / wallMs)])),
    // The bench process holds the sandbox and the webhook calls; the machine's share counts every core.
    benchCpuPercentOfOneCore: Math.round(((bench.user + bench.system) / 1000 / wallMs) * 100),
    machineBusyPct: machineUse.busyPct,
    executionsPerWorker: Object.fromEntries(Object.keys(startedAfter).map((k) => [k, startedAfter[k] - startedBefore[k]])),
    loadBefore: machineUse.loadStart,
    loadAfter: machineUse.loadEnd,
  };
  ctx.say(
    `  ${name}: ${items} items in ${(wallMs / 1000).toFixed(1)} s = ${row.itemsPerSecond.toFixed(1)} items/s; ` +
      `${requests.length} requests, ${throttled} × 429 (${(100 * row.throttledShare).toFixed(2)} %); failed ${failed}, twice ${twice}; ` +
      `CPU s ${JSON.stringify(cpu)}, bench ${row.benchCpuPercentOfOneCore} %, machine ${row.machineBusyPct} % busy; ` +
      `executions per worker ${JSON.stringify(row.executionsPerWorker)}; answers ${answers.map((a) => a.status).join(',')}; load ${row.loadBefore[0]} → ${row.loadAfter[0]}`,
  );
  return row;
}

/** Executions each worker has started so far (from its log). */
function workerStarts(ctx) {
  return Object.fromEntries((ctx.workers ?? []).map((w) => [w.name, cluster.logEvidence(w).started.size]));
}

/**
 * The three rows of each kind: four executions sharing the account, one execution of the same
 * total, and four with the account split by hand (their workflow's twin, queue-share-workflows.js).
 */
const ROWS = [
  { role: 'shared', parts: 4, suffix: '', tail: ', started together' },
  { role: 'one', parts: 1, suffix: '', tail: '' },
  { role: 'split', parts: 4, suffix: SPLIT_SUFFIX, tail: `, the account split by hand (${SPLIT_RPS}/s per worker)` },
];
const rowName = ({ parts, tail }, total, what) => `${parts} × ${total / parts} ${what}${tail}`;

function chunk(list, parts) {
  const size = Math.ceil(list.length / parts);
  return Array.from({ length: parts }, (_, i) => list.slice(i * size, (i + 1) * size));
}

async function updateRows(ctx, perExecution) {
  const total = 4 * perExecution;
  const uuids = await ctx.sandbox.addContacts(total, 'Share Contact');
  const rows = [];
  for (const row of ROWS) {
    const expected = uuids.map((uuid, i) => ({ uuid, name: `Share ${row.role} ${i}` }));
    const bodies = chunk(expected, row.parts).map((contacts) => ({ contacts }));
    rows.push(
      await runRow(ctx, {
        name: rowName(row, total, 'Contact → Update'), kind: 'update', role: row.role, urlPath: UPDATE_PATH + row.suffix, bodies, items: total, method: 'PATCH', pathPrefix: '/contacts/',
        outcome: (requests) => {
          const okPerContact = new Map();
          for (const r of requests) if (r.status === 200) okPerContact.set(r.path, (okPerContact.get(r.path) ?? 0) + 1);
          return { failed: total - ctx.sandbox.countUpdated(expected), twice: [...okPerContact.values()].filter((n) => n > 1).length };
        },
      }),
    );
  }
  return rows;
}

async function sendRows(ctx, perExecution) {
  const total = 4 * perExecution;
  const rows = [];
  for (const [index, row] of ROWS.entries()) {
    const rowTag = index + 1;
    const recipients = Array.from({ length: total }, (_, i) => ({ phone: phoneOf(rowTag, i), name: `Share ${rowTag}.${i}` }));
    const bodies = chunk(recipients, row.parts).map((list) => ({ recipients: list }));
    rows.push(
      await runRow(ctx, {
        name: rowName(row, total, 'template sends'), kind: 'send', role: row.role, urlPath: SEND_PATH + row.suffix, bodies, items: total, method: 'POST', pathPrefix: '/messages/send',
        outcome: (requests) => {
          const sends = new Map();
          for (const r of requests) if (r.status >= 200 && r.status < 300) sends.set(r.body?.to, (sends.get(r.body?.to) ?? 0) + 1);
          return { failed: recipients.filter((r) => !sends.has(r.phone)).length, twice: [...sends.values()].filter((n) => n > 1).length };
        },
      }),
    );
  }
  return rows;
}

/** Starts everything, runs the six rows, stops everything by PID. */
async function runQueueShare({ quick = false, say = console.log } = {}) {
  const n = quick ? { update: 200, send: 100 } : { update: 2000, send: 500 };
  const stops = [];
  const result = { quick, ports: PORTS, queueDir: path.relative(REPO_ROOT, DIRS.root), rows: [] };
  try {
    await ensureN8n({ log: say });
    await services.stopLeftoverServices(say);
    fs.mkdirSync(DIRS.logs, { recursive: true });
    await services.ensurePackages(say);
    const pg = await services.startPostgres(say);
    stops.push(() => pg.handle.stop());
    services.recreateDatabase();
    const redis = await services.startRedis(say);
    stops.push(() => redis.handle.stop());
    for (const dir of [DIRS.main, DIRS.worker1, DIRS.worker2]) cluster.prepareUserFolder(dir);

    const sandbox = await startBenchSandbox({ port: PORTS.sandbox });
    stops.push(() => sandbox.close());
    const { SEED } = require('../test/sandbox');
    const env = cluster.sharedEnv();
    await importCredentials(DIRS.main, [{ ...CREDENTIAL, data: { apiToken: sandbox.token, baseUrl: sandbox.url } }], { env });
    const credential = { id: CREDENTIAL.id, name: CREDENTIAL.name };
    const file = path.join(DIRS.root, 'share-workflows.json');
    const template = approvedTemplate(SEED);
    const workflows = [updateWorkflow(credential), sendWorkflow(credential, template), updateWorkflow(credential, true), sendWorkflow(credential, template, true)];
    fs.writeFileSync(file, JSON.stringify(workflows));
    await importWorkflow(DIRS.main, file, [], { env });
    for (const wf of workflows) await runN8n(DIRS.main, ['publish:workflow', `--id=${wf.id}`], { env });

    const main = cluster.startMain();
    stops.push(() => main.stop());
    const w1 = cluster.startWorker('worker-1', DIRS.worker1, { healthPort: PORTS.healthWorker1, brokerPort: PORTS.brokerWorker1 });
    stops.push(() => w1.stop());
    const w2 = cluster.startWorker('worker-2', DIRS.worker2, { healthPort: PORTS.healthWorker2, brokerPort: PORTS.brokerWorker2 });
    stops.push(() => w2.stop());
    await Promise.all([main.ready, w1.healthy, w2.healthy]);
    for (const hook of [UPDATE_PATH, SEND_PATH]) for (const suffix of ['', SPLIT_SUFFIX]) await cluster.waitForWebhook(main, hook + suffix);
    say(`  cluster up: main pid ${main.pid} (:${PORTS.main}), workers ${w1.pid}, ${w2.pid}; sandbox ${sandbox.url}`);

    const ctx = { sandbox, say, workers: [w1, w2], pgids: { main: main.pid, 'worker-1': w1.pid, 'worker-2': w2.pid } };
    result.rows.push(...(await updateRows(ctx, n.update)));
    result.rows.push(...(await sendRows(ctx, n.send)));
    result.executions = services.psql(
      `SELECT "workflowId", status, EXTRACT(EPOCH FROM ("stoppedAt" - "startedAt")) FROM execution_entity ORDER BY id`,
    ).map(([workflowId, status, seconds]) => ({ workflowId, status, seconds: Number(seconds) }));
    result.workers = [w1, w2].map((w) => ({ name: w.name, started: cluster.logEvidence(w).started.size }));
  } finally {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        say(`  could not stop: ${error.message}`);
      }
    }
    killAllNow();
    await sleep(300);
    result.leftovers = leftovers(DIRS.root);
  }
  return result;
}

module.exports = { runQueueShare, LATENCY_MS, RATE_LIMIT_RPS };
