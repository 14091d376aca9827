'use strict';

/**
 * The Callbell Trigger in queue mode: the published "incoming message → tag and reply" workflow
 * (examples/trigger-tag-and-reply.json) subscribes its URL on the main; the sandbox delivers three
 * customers' messages; the main's webhook() answers and enqueues, and the workers run the
 * workflows (tag + reply through the sandbox). Checks: answers, replies, where the executions ran.
 */

const { SEED } = require('../../test/sandbox');
const services = require('./services');
const cluster = require('./cluster');
const { sleep } = require('./procs');
const { say, check } = require('./checks');

const TRIGGER_WORKFLOW_ID = 'cbTriggerTagReply';
// WhatsApp contacts with a phone number (the reply goes to it; the inbound message opens the 24-hour window).
const CUSTOMERS = ['ada', 'alan', 'barbara'];

/** Polls `fn` every 200 ms until it returns a truthy value or `timeoutMs` passes; returns its last value. */
async function until(fn, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value || Date.now() > deadline) return value;
    await sleep(200);
  }
}

/** @param {any} sandbox @param {{ main: any, w1: any, w2: any }} nodes @param {Set<string>} seen execution ids already checked */
async function runTriggerRound(sandbox, { main, w1, w2 }, seen) {
  const webhook = await until(() => sandbox.webhook);
  check(Boolean(webhook) && /\/webhook\/[^/]+\/callbell$/.test(webhook.url) && webhook.subscriptions.includes('message_created'),
    'the published Callbell Trigger subscribed its production URL on the main', webhook ? webhook.url : 'no subscription');
  if (!webhook) return;

  const firstAttempt = sandbox.webhooks.attempts.length;
  const sentBefore = sandbox.state.sent.size;
  const texts = CUSTOMERS.map((key, i) => `Queue-mode question ${i + 1} from ${SEED.contacts[key].name}`);
  say(`  trigger: ${CUSTOMERS.length} customers write at once; the sandbox delivers message_created to ${webhook.url}`);
  CUSTOMERS.forEach((key, i) => sandbox.inbound({ contact_uuid: SEED.contacts[key].uuid, text: texts[i] }));

  const replies = await until(() => {
    const sent = [...sandbox.state.sent.values()].slice(sentBefore);
    return texts.every((t) => sent.some((m) => m.item.text.includes(`"${t}"`))) ? sent : null;
  });
  await sandbox.webhooks.idle();
  const incoming = sandbox.webhooks.attempts.slice(firstAttempt).filter((a) => a.payload.status === 'received');
  check(incoming.length === CUSTOMERS.length && incoming.every((a) => a.status === 200 && a.response.body && a.response.body.status === 'ok'),
    'every incoming delivery was answered 200 {"status":"ok"} by the main', incoming.map((a) => `${a.status}`).join(','));
  check(Boolean(replies), 'every customer got the workflow’s reply (tag + Message → Send ran)', replies ? `${replies.length} sent` : 'missing replies');
  const tagged = CUSTOMERS.filter((key) => sandbox.getContact(SEED.contacts[key].uuid).tags.includes('Lead'));
  check(tagged.length === CUSTOMERS.length, 'every customer was tagged Lead', `${tagged.length}/${CUSTOMERS.length}`);

  const fresh = (ids) => [...ids].filter((id) => !seen.has(id));
  await until(() => fresh(cluster.logEvidence(w1).workerFinished).length + fresh(cluster.logEvidence(w2).workerFinished).length >= CUSTOMERS.length, 20000);
  const rows = services.psql(`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${TRIGGER_WORKFLOW_ID}' ORDER BY id`);
  const ids = rows.map((r) => r[0]);
  const ev = { main: cluster.logEvidence(main), w1: cluster.logEvidence(w1), w2: cluster.logEvidence(w2) };
  const onWorkers = ids.filter((id) => ev.w1.started.has(id) || ev.w2.started.has(id));
  say(`    executions of ${TRIGGER_WORKFLOW_ID}: ${rows.map((r) => `${r[0]}:${r[1]}/${r[2]}`).join(' ')}; started by worker-1: ${ids.filter((id) => ev.w1.started.has(id)).join(',') || '—'}, worker-2: ${ids.filter((id) => ev.w2.started.has(id)).join(',') || '—'}`);
  check(rows.length === CUSTOMERS.length && rows.every((r) => r[1] === 'success' && r[2] === 'webhook'),
    'one successful webhook execution per message (the workflow’s replies start nothing: Direction)', `${rows.length} rows`);
  check(onWorkers.length === ids.length && ids.every((id) => ev.main.enqueued.has(id) && !ev.main.started.has(id)),
    'the main enqueued them and the workers ran them', `${onWorkers.length}/${ids.length} on workers`);
  for (const id of ids) seen.add(id);
}

module.exports = { runTriggerRound, until, TRIGGER_WORKFLOW_ID };
