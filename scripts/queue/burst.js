'use strict';

/**
 * "One answer to a burst" in queue mode: a second published Callbell Trigger workflow (Registration
 * Manual, so it never touches the account's one webhook) → Contact → Wait for Customer to Finish →
 * Message → Send. For this round the sandbox delivers to its URL instead; a customer writes three
 * messages 1.5 s apart; the main answers and enqueues three executions; the workers run them, each
 * reading Callbell's history (no shared state); exactly one answer quotes all three messages.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');

const { SEED } = require('../../test/sandbox');
const services = require('./services');
const cluster = require('./cluster');
const { sleep } = require('./procs');
const { say, check } = require('./checks');
const { CREDENTIAL } = require('./config');
const { until } = require('./trigger');

const BURST_WORKFLOW_ID = 'cbQueueBurst';
const BURST_WEBHOOK_ID = '3f6b2d8e-1c4a-4e7b-9d05-8a2c6e4f1b93';
const QUIET_SECONDS = 4;
const TEXTS = ['hi', 'I ordered yesterday', 'where is it?'];

/** The workflow, written to a temporary file for `n8n import:workflow`. */
function burstWorkflowFile() {
  const credentials = { callbellApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
  const node = (name, type, x, parameters, extra = {}) => ({ id: `qburst-${x}`, name, type, typeVersion: 1, position: [x, 0], parameters, credentials, ...extra });
  const workflow = {
    id: BURST_WORKFLOW_ID,
    name: 'Queue mode: one answer to a burst',
    active: false,
    nodes: [
      node('Callbell Trigger', 'n8n-nodes-callbell.callbellTrigger', 0, { registration: 'manual', events: ['message_created'], direction: 'incoming' }, { webhookId: BURST_WEBHOOK_ID }),
      node('Wait for Customer', 'n8n-nodes-callbell.callbell', 220, { resource: 'contact', operation: 'waitForCustomer', quietPeriod: QUIET_SECONDS, maxWait: 60 }),
      node('Answer', 'n8n-nodes-callbell.callbell', 440, {
        resource: 'message', operation: 'send', sendTo: 'contact',
        contact: { __rl: true, mode: 'id', value: '={{ $json.contactUuid }}' },
        messageType: 'text', text: '=You wrote {{ $json.messageCount }} messages: {{ $json.text }}',
      }),
    ],
    connections: {
      'Callbell Trigger': { main: [[{ node: 'Wait for Customer', type: 'main', index: 0 }]] },
      'Wait for Customer': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
    pinData: {},
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-queue-burst-')), 'burst.json');
  fs.writeFileSync(file, JSON.stringify(workflow));
  return { file, workflow };
}

/** @param {any} sandbox @param {{ main: any, w1: any, w2: any }} nodes @param {Set<string>} seen execution ids already checked */
async function runBurstRound(sandbox, { main, w1, w2 }, seen) {
  const webhook = sandbox.webhook;
  if (!webhook) return check(false, 'burst: the account webhook exists', 'none');
  const burstUrl = webhook.url.replace(/\/webhook\/[^/]+\/callbell$/, `/webhook/${BURST_WEBHOOK_ID}/callbell`);
  const registered = await until(async () => (await fetch(burstUrl).catch(() => ({ status: 0 }))).status === 200, 30000);
  check(registered, 'burst: the Manual-registration trigger’s URL is served by the main', burstUrl);
  const originalUrl = webhook.url;
  sandbox.state.webhook.url = burstUrl;
  try {
    const ada = SEED.contacts.ada;
    const channel = sandbox.state.account.channels.find((c) => c.type === 'whatsapp' && c.main);
    const res = await fetch(`${sandbox.url}/messages/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: ada.phoneNumber, from: 'whatsapp', channel_uuid: channel.uuid, type: 'text', content: { text: 'Your order #1042 is confirmed.' } }),
    });
    check(res.ok, 'burst: the team’s last answer before the burst was sent', String(res.status));
    const answers = () => [...sandbox.state.sent.values()].filter((m) => m.contactUuid === ada.uuid && m.item.text.startsWith('You wrote')).map((m) => m.item.text);
    const firstAttempt = sandbox.webhooks.attempts.length;
    say(`  burst: ${ada.name} writes ${TEXTS.map((t) => `"${t}"`).join(', ')} 1.5 s apart; deliveries go to ${burstUrl}; Quiet Period ${QUIET_SECONDS} s`);
    for (const [i, text] of TEXTS.entries()) {
      if (i > 0) await sleep(1500);
      sandbox.inbound({ contact_uuid: ada.uuid, text });
    }
    await sandbox.webhooks.idle();
    const incoming = sandbox.webhooks.attempts.slice(firstAttempt).filter((a) => a.payload.status === 'received');
    check(incoming.length === TEXTS.length && incoming.every((a) => a.status === 200), 'burst: the main answered every delivery 200', incoming.map((a) => a.status).join(','));

    await until(() => answers().length > 0, 60000);
    const fresh = (ids) => [...ids].filter((id) => !seen.has(id));
    const rowsNow = () => services.psql(`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${BURST_WORKFLOW_ID}' ORDER BY id`);
    await until(() => rowsNow().filter((r) => r[1] === 'success' || r[1] === 'error' || r[1] === 'crashed').length >= TEXTS.length, 60000);
    await sleep(QUIET_SECONDS * 1000 + 2000); // long enough for a second answer to show, if there were one
    const rows = rowsNow();
    const ids = rows.map((r) => r[0]);
    const ev = { main: cluster.logEvidence(main), w1: cluster.logEvidence(w1), w2: cluster.logEvidence(w2) };
    say(`    executions of ${BURST_WORKFLOW_ID}: ${rows.map((r) => `${r[0]}:${r[1]}/${r[2]}`).join(' ')}; started by worker-1: ${ids.filter((id) => ev.w1.started.has(id)).join(',') || '—'}, worker-2: ${ids.filter((id) => ev.w2.started.has(id)).join(',') || '—'}`);
    check(rows.length === TEXTS.length && rows.every((r) => r[1] === 'success' && r[2] === 'webhook'), 'burst: one successful webhook execution per message', `${rows.length} rows`);
    check(fresh(ids).every((id) => (ev.w1.started.has(id) || ev.w2.started.has(id)) && !ev.main.started.has(id)), 'burst: the workers ran them, not the main', `${ids.filter((id) => ev.w1.started.has(id) || ev.w2.started.has(id)).length}/${ids.length} on workers`);
    const got = answers();
    check(got.length === 1 && got[0] === `You wrote 3 messages: ${TEXTS.join('\n')}`, 'burst: exactly one answer, holding all three messages', JSON.stringify(got));
    for (const id of ids) seen.add(id);
  } finally {
    sandbox.state.webhook.url = originalUrl;
  }
}

module.exports = { burstWorkflowFile, runBurstRound, BURST_WORKFLOW_ID };
