'use strict';

/**
 * Message → Send and Wait for Response in queue mode, resumed on a worker. A workflow Webhook →
 * Send and Wait (Approval, Approve and Decline) → Report (a Message → Send saying what the answer
 * was), imported with the other workflows and published from the main's REST API. Two webhook calls
 * start two executions; a worker sends each question with its signed links to the sandbox and puts
 * the execution to wait. The test then answers like the recipient's browser, on the main's
 * /webhook-waiting/: a tampered link gets 401 and resumes nothing; approve and decline resume the
 * executions, which are enqueued again and finished by a worker (second job of the same execution
 * id); a link used again after the end gets n8n's "No action required" page and resumes nothing.
 */

const path = require('path');

const { SEED } = require('../../test/sandbox');
const { runtimeSpec } = require('../lib/n8n-runtime');
const { setupOwner, n8nRest, restJson } = require('../lib/n8n-instance');
const { DEMO_OWNER } = require('../lib/demo-setup');
const services = require('./services');
const cluster = require('./cluster');
const { sleep } = require('./procs');
const { say, check, secs } = require('./checks');
const { HOST, PORTS, CREDENTIAL } = require('./config');
const { until } = require('./trigger');

const WORKFLOW_ID = 'cbQueueSendAndWait';
const WEBHOOK_PATH = 'callbell-send-and-wait';
const ASK = { id: 'qsaw-ask', name: 'Ask' };
const ada = SEED.contacts.ada; // wrote recently: inside WhatsApp's 24-hour window

/** The workflow, for the `n8n import:workflow` of the other rounds' workflows (cluster.importAndPublish). */
function sendAndWaitWorkflow() {
  const credentials = { callbellApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
  return {
    id: WORKFLOW_ID,
    name: 'Queue mode: Send and Wait for Response',
    active: false,
    settings: { executionOrder: 'v1' },
    pinData: {},
    nodes: [
      { id: 'qsaw-hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: 'b7e0c5a2-6f1d-4c83-9a2e-5d4f8b1c0e67', parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} } },
      {
        ...ASK, type: 'n8n-nodes-callbell.callbell', typeVersion: 1, position: [220, 0], credentials,
        parameters: {
          resource: 'message', operation: 'sendAndWait', sendTo: 'phone', phoneNumber: ada.phoneNumber, sendAs: 'text',
          message: '={{ $json.body.case }}: refund 40 EUR for order A-1042?',
          responseType: 'approval', approvalOptions: { values: { approvalType: 'double', approveLabel: 'Approve', disapproveLabel: 'Decline' } },
        },
      },
      {
        id: 'qsaw-report', name: 'Report', type: 'n8n-nodes-callbell.callbell', typeVersion: 1, position: [440, 0], credentials,
        parameters: {
          resource: 'message', operation: 'send', sendTo: 'phone', phoneNumber: ada.phoneNumber, messageType: 'text',
          text: "={{ 'REPORT ' + $('Webhook').first().json.body.case + ' ' + JSON.stringify($json.data ?? 'no answer') }}",
        },
      },
    ],
    connections: {
      Webhook: { main: [[{ node: ASK.name, type: 'main', index: 0 }]] },
      [ASK.name]: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
    },
  };
}

/** Every "<text> <id> (job <n>)" line of an instance's log for one execution: the job numbers, in order. */
function jobs(instance, pattern, executionId) {
  const out = [];
  for (const line of instance.lines) {
    const m = pattern.exec(cluster.parseLine(line).message);
    if (m && m[1] === executionId) out.push({ job: m[2], workerId: cluster.parseLine(line).metadata.workerId });
  }
  return out;
}
const ENQUEUED = /^Enqueued execution (\d+) \(job (\d+)\)/;
const FINISHED = /^Execution (\d+) \(job (\d+)\) finished/;
const WORKER_STARTED = /^Worker started execution (\d+) \(job (\d+)\)/;

/** The output of each node's last run (a resumed node has more than one). */
async function lastOutputs(cookie, id) {
  const res = await restJson(`http://${HOST}:${PORTS.main}/rest/executions/${id}`, { cookie });
  if (!res.ok) return {};
  const flatted = require(path.join(runtimeSpec().dir, 'node_modules', 'flatted'));
  const data = typeof res.json.data.data === 'string' ? flatted.parse(res.json.data.data) : res.json.data.data;
  const out = {};
  for (const [name, tasks] of Object.entries((data && data.resultData && data.resultData.runData) || {})) {
    const last = tasks[tasks.length - 1];
    out[name] = ((last.data && last.data.main && last.data.main[0]) || []).map((item) => item.json);
  }
  return out;
}

/** A POST to a link, as the answer page's button sends it; 409 while n8n still saves the waiting execution. */
async function answer(url) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(20000) });
    const text = await res.text();
    if (res.status !== 409 || attempt >= 40) return { status: res.status, text };
    await sleep(250);
  }
}

const sentTexts = (sandbox) => [...sandbox.state.sent.values()].map((m) => m.item.text || '');
const reports = (sandbox, name) => sentTexts(sandbox).filter((t) => t.startsWith(`REPORT ${name} `));
const statusOf = (id) => (services.psql(`SELECT status FROM execution_entity WHERE id = ${Number(id)}`)[0] || [])[0];

/** @param {any} sandbox @param {{ main: any, w1: any, w2: any }} nodes @param {Set<string>} seen */
async function runSendAndWaitRound(sandbox, { main, w1, w2 }, seen) {
  const t = Date.now();
  const base = `http://${HOST}:${PORTS.main}`;
  const { cookie } = await setupOwner(base, DEMO_OWNER);
  const published = await n8nRest(base, cookie).publish(WORKFLOW_ID);
  if (!check(published.ok, 'send and wait: the workflow published from the main’s REST API', published.ok ? '' : `${published.status} ${published.text.slice(0, 300)}`)) return;
  await cluster.waitForWebhook(main, WEBHOOK_PATH, { timeoutMs: 30000 });

  // Two executions: one is approved, one declined (after a tampered link is refused).
  const cases = ['QA', 'QD'];
  const starts = await Promise.all(cases.map((name) => fetch(`${base}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ case: name }) })));
  check(starts.every((r) => r.status === 200), 'send and wait: the main answered both webhook calls 200', starts.map((r) => r.status).join(','));
  const messages = await until(() => {
    const found = cases.map((name) => sentTexts(sandbox).find((text) => text.startsWith(`${name}: refund`)));
    return found.every(Boolean) ? found : null;
  }, 60000);
  if (!check(Boolean(messages), 'send and wait: both questions reached the sandbox (WhatsApp text with the two signed links)', messages ? '' : sentTexts(sandbox).slice(-5).join(' | '))) return;
  const linkRe = new RegExp(`^http://${HOST.replace(/\./g, '\\.')}:${PORTS.main}/webhook-waiting/(\\d+)/${ASK.id}\\?approved=(true|false)&signature=[0-9a-f]{64}$`);
  const runs = cases.map((name, i) => {
    const links = messages[i].match(/http:\/\/\S+/g) || [];
    const m = links.map((l) => linkRe.exec(l));
    return { name, links, id: m[0] && m[0][1], ok: links.length === 2 && m.every(Boolean) && m[0][2] === 'true' && m[1][2] === 'false' && m[0][1] === m[1][1] };
  });
  if (!check(runs.every((r) => r.ok), `send and wait: each message links to the main’s /webhook-waiting/<execution>/${ASK.id} (signed on the worker, WEBHOOK_URL)`, runs.map((r) => r.links[0] || 'no link').join(' ; '))) return;

  const ids = runs.map((r) => r.id);
  const waiting = await until(() => ids.every((id) => statusOf(id) === 'waiting'), 30000);
  const ev = () => ({ main: cluster.logEvidence(main), w1: cluster.logEvidence(w1), w2: cluster.logEvidence(w2) });
  const workerJobs = (id) => [...jobs(w1, WORKER_STARTED, id).map((j) => ({ ...j, worker: 'worker-1' })), ...jobs(w2, WORKER_STARTED, id).map((j) => ({ ...j, worker: 'worker-2' }))];
  const firstRun = ids.map((id) => ({ id, enqueued: jobs(main, ENQUEUED, id), onWorkers: workerJobs(id) }));
  check(waiting && firstRun.every((r) => r.enqueued.length === 1 && r.onWorkers.length === 1 && r.onWorkers[0].job === r.enqueued[0].job) && !ids.some((id) => ev().main.started.has(id)),
    'send and wait: a worker ran each execution up to the question, which now waits (executions table: waiting)',
    firstRun.map((r) => `${r.id}: job ${r.enqueued.map((j) => j.job).join(',')} on ${r.onWorkers.map((j) => j.worker).join(',') || '—'}, ${statusOf(r.id)}`).join('; '));

  // A tampered link: the decline link claiming approval.
  const [qa, qd] = runs;
  const forged = await answer(qd.links[1].replace('approved=false', 'approved=true'));
  await sleep(1000);
  check(forged.status === 401 && statusOf(qd.id) === 'waiting' && jobs(main, ENQUEUED, qd.id).length === 1 && reports(sandbox, qd.name).length === 0,
    'send and wait: a tampered link gets 401 from the main and resumes nothing', `HTTP ${forged.status}, ${statusOf(qd.id)}, ${jobs(main, ENQUEUED, qd.id).length} job(s)`);

  // The answers, as the page's buttons post them.
  const answered = await Promise.all([answer(qa.links[0]), answer(qd.links[1])]);
  check(answered.every((r) => r.status === 200 && r.text.includes('your answer was recorded')), 'send and wait: approve and decline answered 200 by the main (“your answer was recorded”)', answered.map((r) => r.status).join(','));
  const done = await until(() => ids.every((id) => statusOf(id) === 'success' && jobs(main, FINISHED, id).length === 2), 60000);
  const resumed = ids.map((id) => {
    const enqueued = jobs(main, ENQUEUED, id);
    const finished = jobs(main, FINISHED, id);
    const onWorkers = workerJobs(id);
    const second = enqueued[1] && onWorkers.find((j) => j.job === enqueued[1].job);
    const first = enqueued[0] && onWorkers.find((j) => j.job === enqueued[0].job);
    return { id, enqueued, finished, first, second, workerId: (finished.find((j) => enqueued[1] && j.job === enqueued[1].job) || {}).workerId };
  });
  const hostIds = [ev().w1.hostId, ev().w2.hostId];
  say(`    ${resumed.map((r) => `execution ${r.id}: job ${r.enqueued.map((j) => j.job).join(' (asked on ' + (r.first ? r.first.worker : '—') + ') then job ')} (resumed on ${r.second ? r.second.worker : '—'}); main: finished {workerId: ${r.workerId}}`).join('; ')}`);
  check(Boolean(done) && resumed.every((r) => r.enqueued.length === 2 && r.enqueued[0].job !== r.enqueued[1].job && r.second && hostIds.includes(r.workerId)) && !ids.some((id) => ev().main.started.has(id)),
    'send and wait: each answer enqueued the same execution again, and a worker finished it (main: “Execution <id> (job <n>) finished” {workerId}, worker: “Worker started execution”)',
    resumed.map((r) => `${r.id}:${statusOf(r.id)}`).join(' '));

  const outputs = await Promise.all(ids.map((id) => lastOutputs(cookie, id)));
  const asked = outputs.map((o) => ((o[ASK.name] || [])[0] || {}).data || {});
  check(asked[0].approved === true && asked[1].approved === false && asked.every((d) => /^\d{4}-\d\d-\d\dT/.test(String(d.respondedAt))),
    'send and wait: the executions table holds the node’s output, data.approved true (approve) and false (decline)', JSON.stringify(asked));
  const reported = cases.map((name) => reports(sandbox, name));
  check(reported.every((r) => r.length === 1) && reported[0][0].includes('"approved":true') && reported[1][0].includes('"approved":false'),
    'send and wait: the node after it ran once per execution on the worker (its Report reached the sandbox once)', JSON.stringify(reported));

  // The link again, after the end: n8n's page, nothing resumes.
  const again = await answer(qa.links[0]);
  await sleep(1000);
  check(again.status === 200 && again.text.includes('No action required') && jobs(main, ENQUEUED, qa.id).length === 2 && reports(sandbox, qa.name).length === 1,
    'send and wait: the link used again after the end gets “No action required” and resumes nothing', `HTTP ${again.status}, ${jobs(main, ENQUEUED, qa.id).length} jobs, ${reports(sandbox, qa.name).length} report`);
  for (const id of ids) seen.add(id);
  say(`  (the send and wait round took ${secs(Date.now() - t)})`);
}

module.exports = { sendAndWaitWorkflow, runSendAndWaitRound, SEND_AND_WAIT_WORKFLOW_ID: WORKFLOW_ID };
