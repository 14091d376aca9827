'use strict';

/**
 * The two scenarios of the queue-mode proof, with their assertions:
 *   runRound()   webhook calls (concurrent or one after another) against the main + two workers
 *   runVariant() the same workflow on a worker without the package
 */

const os = require('os');
const path = require('path');

const { PORTS, DIRS, LOAD, REPO_ROOT } = require('./config');
const services = require('./services');
const cluster = require('./cluster');
const load = require('./load');
const { sleep } = require('./procs');
const { figures, say, secs, check } = require('./checks');

/** Polls until `fn()` is truthy (log lines arrive a moment after the HTTP answer). */
async function eventually(fn, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (!fn() && Date.now() < deadline) await sleep(100);
  return fn();
}

/**
 * One round: LOAD.requests concurrent calls × LOAD.contactsPerRequest distinct contacts, then
 * every check on this round's answers, sandbox requests and executions (ids not in `seen`).
 */
async function runRound(round, tag, sandbox, { main, w1, w2 }, workflowId, seen, { requests = LOAD.requests, sequential = false } = {}) {
  const batches = load.makeBatches(sandbox, { requests, perRequest: LOAD.contactsPerRequest, tag });
  const sent = batches.flatMap((b) => b.contacts);
  sandbox.clearRequests();
  const load1 = os.loadavg()[0];
  say(`  ${round}: POST ${load.webhookUrl()} × ${batches.length} ${sequential ? 'one after another' : 'at once'}, ${LOAD.contactsPerRequest} distinct contacts each (${sent.length} contacts, names "…· ${tag}<call>.<n>"; load average ${load1.toFixed(1)} on ${os.cpus().length} cores)`);
  const { results, wallMs } = sequential ? await load.fireSequentially(batches) : await load.fireConcurrently(batches);
  figures.latency[round] = { ...load.latencyStats(results.map((r) => r.ms)), wallMs, requests: results.length, loadAverage: load1 };

  // 1. The callers' answers
  const bad = results.filter((r) => r.status !== 200);
  check(bad.length === 0, `every webhook call answered 200`, bad.length ? bad.map((r) => `#${r.batch.index}: ${r.status} ${r.text.slice(0, 200)}`).join('; ') : `${results.length}/${results.length}`);
  const wrongBodies = [];
  for (const r of results) {
    if (r.status !== 200) continue;
    const items = Array.isArray(r.body) ? r.body : [];
    const byUuid = new Map(items.map((c) => [c.uuid, c]));
    const problems = r.batch.contacts.filter((c) => {
      const got = byUuid.get(c.uuid);
      return !got || got.name !== c.name || String(got.customFields && got.customFields['Order Count']) !== String(c.orders);
    });
    if (items.length !== r.batch.contacts.length || problems.length) wrongBodies.push(`#${r.batch.index}: ${items.length} items, ${problems.length} not as sent`);
  }
  check(wrongBodies.length === 0, 'every answer carries its updated contacts back (uuid, new name, new Order Count)', wrongBodies.join('; ') || `${sent.length} contacts in ${results.length} answers`);

  // 2. Exactly once, final state
  const patches = sandbox.requests.filter((e) => e.method === 'PATCH' && /^\/contacts\/[^/]+$/.test(e.path));
  const perContact = new Map();
  for (const e of patches) perContact.set(e.path.split('/')[2], (perContact.get(e.path.split('/')[2]) || 0) + 1);
  const notOnce = sent.filter((c) => perContact.get(c.uuid) !== 1);
  check(notOnce.length === 0 && patches.length === sent.length, 'every update reached the sandbox exactly once', notOnce.length ? `${notOnce.length} contacts with ≠1 PATCH: ${notOnce.slice(0, 5).map((c) => `${c.uuid}×${perContact.get(c.uuid) || 0}`).join(', ')}` : `${patches.length} PATCHes for ${sent.length} contacts, all answered ${[...new Set(patches.map((p) => p.status))].join('/')}`);
  const others = sandbox.requests.length - patches.length;
  if (others) say(`    (plus ${others} other sandbox request(s): ${[...new Set(sandbox.requests.filter((e) => e.method !== 'PATCH').map((e) => `${e.method} ${e.path}`))].slice(0, 5).join(', ')})`);
  const wrongState = sent.filter((c) => {
    const now = sandbox.getContact(c.uuid);
    return !now || now.name !== c.name || String(now.customFields['Order Count']) !== String(c.orders);
  });
  check(wrongState.length === 0, 'final sandbox state = the values sent', wrongState.length ? `${wrongState.length} differ, e.g. ${wrongState[0].uuid}` : `${sent.length}/${sent.length} contacts`);

  // 3. Where the executions ran
  const fresh = (ids) => [...ids].filter((id) => !seen.has(id)).sort((a, b) => a - b);
  await eventually(() => {
    const m = cluster.logEvidence(main);
    const done = fresh(cluster.logEvidence(w1).workerFinished).length + fresh(cluster.logEvidence(w2).workerFinished).length;
    return fresh(m.finished.keys()).length >= results.length && done >= results.length;
  });
  const ev = { main: cluster.logEvidence(main), w1: cluster.logEvidence(w1), w2: cluster.logEvidence(w2) };
  const enqueued = fresh(ev.main.enqueued.keys());
  const onW1 = fresh(ev.w1.started);
  const onW2 = fresh(ev.w2.started);
  const finished = new Map([...ev.main.finished].filter(([id]) => !seen.has(id)));
  const dbRows = enqueued.length
    ? services.psql(
        `SELECT id, status, mode, extract(epoch FROM ("startedAt" - "createdAt")) * 1000, extract(epoch FROM ("stoppedAt" - "startedAt")) * 1000 ` +
          `FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id IN (${enqueued.join(',')}) ORDER BY id`,
      )
    : [];
  if (dbRows.length) {
    figures.latency[round].queuedMs = load.latencyStats(dbRows.map((r) => Number(r[3])));
    figures.latency[round].runMs = load.latencyStats(dbRows.map((r) => Number(r[4])));
  }
  say(`    main log: ${enqueued.length} × "Enqueued execution <id> (job <n>)", ${finished.size} × "Execution <id> (job <n>) finished" {workerId}`);
  say(`    worker-1 log "Worker started execution": ${onW1.join(', ') || '—'}`);
  say(`    worker-2 log "Worker started execution": ${onW2.join(', ') || '—'}`);
  say(`    executions table: ${dbRows.map((r) => `${r[0]}:${r[1]}/${r[2]}`).join(' ')}`);

  check(enqueued.length === results.length, 'the main enqueued one execution per webhook call', `${enqueued.length} enqueued for ${results.length} calls`);
  check(ev.main.started.size === 0, 'the main ran none itself (no "Worker started execution" in its log)');
  const union = new Set([...onW1, ...onW2]);
  const overlap = onW1.filter((id) => onW2.includes(id));
  check(
    enqueued.every((id) => union.has(id)) && union.size === enqueued.length && overlap.length === 0,
    'every enqueued execution was started by exactly one worker (worker logs)',
    `worker-1 ${onW1.length}, worker-2 ${onW2.length}${overlap.length ? `, both: ${overlap.join(',')}` : ''}`,
  );
  // n8n's workerId is the Host ID: "worker-<hostname>" inside a container (both workers here share
  // one hostname, and n8n warns "hostid-clash"), "worker-<random>" elsewhere. It names the
  // instance type that ran the job; the per-process logs above say which worker.
  const workerIds = [...new Set(finished.values())];
  const notWorker = [...finished].filter(([, workerId]) => !/^worker-/.test(workerId || '') || ![ev.w1.hostId, ev.w2.hostId].includes(workerId));
  check(
    finished.size === enqueued.length && notWorker.length === 0,
    'the main\'s "Execution <id> (job <n>) finished" records come from a worker (workerId = a worker\'s Host ID)',
    notWorker.length ? notWorker.map(([id, w]) => `${id}→${w}`).join(', ') : `${finished.size}/${enqueued.length}, workerId ${workerIds.join(', ')}${ev.w1.hostId === ev.w2.hostId ? ' (both workers share the container hostname)' : ''}`,
  );
  check(
    dbRows.length === results.length && dbRows.every((r) => r[1] === 'success' && r[2] === 'webhook') && dbRows.every((r) => union.has(r[0])),
    'the executions table has one successful webhook execution per call, each one a worker started',
    `${dbRows.length} rows`,
  );
  for (const id of enqueued) seen.add(id);
  figures.split[round] = { 'worker-1': onW1.length, 'worker-2': onW2.length };
  const even = onW1.length > 0 && onW2.length > 0;
  say(`  split: worker-1 ${onW1.length}, worker-2 ${onW2.length}${even ? '' : ' (uneven: one worker took every job; allowed — Bull hands jobs to whichever worker asks first)'}`);
}

/**
 * Stops the two good workers, starts one whose user folder lacks the package, sends two calls.
 * `ctx`: { addCleanup(name, fn), isInterrupted() } from run.js.
 */
async function runVariant(ctx, sandbox, { main, w1, w2 }, sampler) {
  // Stop the two good workers so that every job lands on the worker without the package.
  for (const w of [w1, w2]) {
    sampler.sample();
    await w.stop();
    say(`  ${w.name} stopped (pid ${w.pid})`);
  }
  if (ctx.isInterrupted()) throw new Error('interrupted');
  const bare = cluster.startWorker('worker-bare', DIRS.bare, { healthPort: PORTS.healthWorker1, brokerPort: PORTS.brokerWorker1 });
  ctx.addCleanup(`n8n worker-bare (pid ${bare.pid})`, () => bare.stop());
  const healthMs = await bare.healthy;
  say(`  worker-bare (no n8n-nodes-callbell in ${path.relative(REPO_ROOT, DIRS.bare)}/.n8n/nodes) ready, /healthz 200 after ${secs(healthMs)}`);
  const bootEv = cluster.logEvidence(bare);
  check(!bootEv.packageLoaded, 'worker-bare did not load the package (no "Loaded all credentials and nodes from n8n-nodes-callbell")');
  say(`    errors or warnings about it at start-up: ${bootEv.errors.length ? bootEv.errors.join(' | ').slice(0, 300) : 'none — the worker starts and reports healthy'}`);

  const batches = load.makeBatches(sandbox, { requests: 2, perRequest: 1, tag: 'X' });
  const patchesBefore = sandbox.requests.filter((e) => e.method === 'PATCH').length;
  const mainLinesBefore = main.lines.length;
  const { results } = await load.fireConcurrently(batches, { timeoutMs: 60000 });
  for (const r of results) say(`    caller #${r.batch.index}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  check(results.every((r) => r.status >= 400), 'the caller gets an error answer', results.map((r) => r.status).join(', '));

  await eventually(() => /Unrecognized node type/.test(bare.lines.join('\n')) && cluster.logEvidence(bare).started.size >= results.length, 10000);
  const evBare = cluster.logEvidence(bare);
  const unrecognized = bare.lines.map((l) => cluster.parseLine(l)).filter((l) => /Unrecognized node type/.test(JSON.stringify(l)));
  const text = unrecognized.length ? (/(Unrecognized node type: [\w.-]+)/.exec(JSON.stringify(unrecognized[0])) || [])[1] : undefined;
  check(Boolean(text), 'the worker without the package logs "Unrecognized node type"', text ? `"${text}" (${unrecognized.length} log line(s))` : 'not found in .queue/logs/worker-bare.log');
  const ids = [...evBare.started].sort((a, b) => a - b);
  check(evBare.started.size === results.length, 'those executions ran on worker-bare', ids.join(', '));
  // The caller's error answer can come before the worker has written the execution's final status.
  const readRows = () => (ids.length ? services.psql(`SELECT e.id, e.status, position('Unrecognized node type' in d.data) > 0 FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.id IN (${ids.join(',')}) ORDER BY e.id`) : []);
  let rows = [];
  await eventually(() => {
    rows = readRows();
    return rows.length === ids.length && rows.every((r) => r[1] !== 'running' && r[1] !== 'new');
  }, 15000);
  say(`    executions table: ${rows.map((r) => `${r[0]}:${r[1]}${r[2] === 't' ? ' (run data: Unrecognized node type)' : ''}`).join(' ')}`);
  check(rows.length === ids.length && rows.every((r) => r[1] === 'error' || r[1] === 'crashed'), 'the executions are recorded as failed', rows.map((r) => r[1]).join(', '));
  const patchesAfter = sandbox.requests.filter((e) => e.method === 'PATCH').length;
  check(patchesAfter === patchesBefore, 'nothing reached Callbell from the failed runs', `${patchesAfter - patchesBefore} new PATCHes`);
  const mainSays = main.lines.slice(mainLinesBefore).map((l) => cluster.parseLine(l).message.trim().split('\n')[0]).filter((m) => /failed|error/i.test(m));
  if (mainSays.length) say(`    main log: ${[...new Set(mainSays)].slice(0, 6).join(' | ').slice(0, 600)}`);
  figures.variant = { statuses: results.map((r) => r.status), body: results[0] && results[0].text.slice(0, 300), error: text, workerLogLines: unrecognized.length, executions: rows };
  sampler.watch(bare.pid);
  return bare;
}

module.exports = { runRound, runVariant };
