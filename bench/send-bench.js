'use strict';

/**
 * The Send rows (issue 15): Message → Send of an approved template (POST /messages/send) against
 * HTTP Request 4.2 posting the same body, in the same `n8n execute` run, at 50 ms server time over
 * plain HTTP and under the network conditions (HTTPS through the relay). POSTs are never retried
 * after a timeout or a lost answer, so the rate has to be reached without provoking either.
 *
 * Needs the package's Message → Send (dist/nodes/Callbell/actions/message/send.operation.js) and the
 * sandbox's POST /messages/send and GET /templates; without them the rows are skipped.
 */

const fs = require('fs');
const path = require('path');

const { REPO_ROOT } = require('./machine');
const { round } = require('./sandbox');
const { runWorkflow } = require('./real-n8n');
const { startCpuSampler, busyBefore } = require('./machine');
const { CALLBELL_CREDENTIAL, CALLBELL_TLS_CREDENTIAL, HEADER_CREDENTIAL } = require('./workflows');
const { nodeSide, CONDITIONS } = require('./network-bench');

const SEND_OPERATION = path.join(REPO_ROOT, 'dist', 'nodes', 'Callbell', 'actions', 'message', 'send.operation.js');
const CALLBELL = 'Callbell Message Send';
const HTTP = 'HTTP Request POST send';

/** Whether this build has Message → Send and the sandbox has templates to send. */
function sendAvailable() {
  if (!fs.existsSync(SEND_OPERATION)) return false;
  try {
    const { SEED } = require('../test/sandbox');
    return Boolean(approvedTemplate(SEED));
  } catch {
    return false;
  }
}

/** The seed's approved "Appointment reminder" template (one placeholder, {{1}}), sent on the main WhatsApp line. */
function approvedTemplate(seed) {
  const template = seed.templates?.appointment;
  return template?.uuid && seed.channels?.whatsapp?.uuid ? { ...template, placeholders: 1, channelUuid: seed.channels.whatsapp.uuid } : undefined;
}

function phoneOf(index) {
  return `+4477${String(10_000_000 + index).slice(-8)}`;
}

function itemsCode(count, tag) {
  const jsCode = [
    `const count = ${count};`,
    `return Array.from({ length: count }, (_, index) => ({ json: { phone: '+4477' + String(10000000 + index).slice(-8), name: ${JSON.stringify(tag)} + ' ' + (index + 1) } }));`,
  ].join('\n');
  return jsCode;
}

function workflowFor({ id, items, tag, template, channelUuid, baseUrl, credential }) {
  const variables = Array.from({ length: template.placeholders ?? 1 }, () => ({ value: '={{ $json.name }}' }));
  const callbell = {
    id: 'send-callbell',
    name: CALLBELL,
    type: 'n8n-nodes-callbell.callbell',
    typeVersion: 1,
    position: [440, 0],
    credentials: { callbellApi: credential },
    onError: 'continueRegularOutput',
    parameters: {
      resource: 'message',
      operation: 'send',
      sendTo: 'phone',
      phoneNumber: '={{ $json.phone }}',
      channel: { __rl: true, mode: 'id', value: channelUuid },
      messageType: 'template',
      template: { __rl: true, mode: 'id', value: template.uuid },
      templateValues: { values: variables },
      optIn: true,
      additionalFields: {},
      options: {},
    },
  };
  const body = `={{ JSON.stringify({ to: $json.phone, from: 'whatsapp', channel_uuid: ${JSON.stringify(channelUuid)}, type: 'text', content: { text: $json.name }, template_uuid: ${JSON.stringify(template.uuid)}, template_values: [$json.name], optin_contact: true }) }}`;
  const http = {
    id: 'send-http',
    name: HTTP,
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    position: [440, 300],
    credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
    onError: 'continueRegularOutput',
    parameters: {
      method: 'POST',
      url: `${baseUrl}/messages/send`,
      authentication: 'genericCredentialType',
      genericAuthType: 'httpHeaderAuth',
      sendBody: true,
      specifyBody: 'json',
      jsonBody: body,
      options: {},
    },
  };
  const code = (name, count, itemTag, y) => ({ id: `code-${name}`, name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, y], parameters: { jsCode: itemsCode(count, itemTag) } });
  return {
    id,
    name: `Bench: Callbell Send vs HTTP Request (${tag})`,
    active: false,
    nodes: [
      { id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      code('Items for Callbell', items, `${tag} callbell`, 0),
      callbell,
      code('Items for HTTP Request', items, `${tag} http`, 300),
      http,
    ],
    connections: {
      Start: { main: [[{ node: 'Items for Callbell', type: 'main', index: 0 }, { node: 'Items for HTTP Request', type: 'main', index: 0 }]] },
      'Items for Callbell': { main: [[{ node: CALLBELL, type: 'main', index: 0 }]] },
      'Items for HTTP Request': { main: [[{ node: HTTP, type: 'main', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
    pinData: {},
    tags: [],
  };
}

/** The rows: plain HTTP at 50 ms, then each network condition. */
function sendWorkflows({ items, sandbox, network }) {
  const { SEED } = require('../test/sandbox');
  const template = approvedTemplate(SEED);
  const { channelUuid } = template;
  const rows = [{ label: 'HTTP, 50 ms', rttMs: undefined, serverMs: 50, baseUrl: sandbox.url, credential: CALLBELL_CREDENTIAL }];
  for (const condition of CONDITIONS.filter((c) => c.rttMs > 0)) {
    rows.push({ label: `HTTPS, RTT ${condition.rttMs} ms`, ...condition, baseUrl: network.url, credential: CALLBELL_TLS_CREDENTIAL });
  }
  return rows.map((row, index) => {
    const id = `benchSend${String(index).padStart(7, '0')}`;
    return { ...row, id, items, workflows: [workflowFor({ id, items, tag: `send ${index}`, template, channelUuid, baseUrl: row.baseUrl, credential: row.credential })] };
  });
}

async function runSendRow({ row, sandbox, network, rps, say }) {
  network.relay.setRtt(row.rttMs ?? 0);
  network.relay.clear();
  await sandbox.configure({ latencyMs: row.serverMs, rps });
  const othersBusyBeforePct = await busyBefore();
  const machine = startCpuSampler();
  const run = await runWorkflow(row.id, [CALLBELL, HTTP], { env: network.env });
  const figures = machine.stop();
  const requests = (await sandbox.requests()).filter((entry) => entry.path === '/messages/send');
  const within = (name) => {
    const node = run.nodes[name];
    return (entry) => {
      const at = Date.parse(entry.at);
      return at >= node.startTime - 5 && at <= node.startTime + node.executionTimeMs + 5;
    };
  };
  const side = (name) => {
    const pickWindow = within(name);
    const figuresOf = nodeSide({ run, name, uuids: Array.from({ length: row.items }, (_, i) => i), requests, sandbox, relay: row.rttMs === undefined ? undefined : network.relay, method: 'POST', pick: (entry) => pickWindow(entry) });
    const sent = requests.filter((entry) => pickWindow(entry) && entry.status === 200).length;
    return { ...figuresOf, sent, failedItems: Math.max(figuresOf.errorItems, row.items - sent) };
  };
  const callbell = side(CALLBELL);
  const http = side(HTTP);
  const ratio = round(callbell.executionTimeMs / http.executionTimeMs, 3);
  say(`  ${row.label}: Callbell ${callbell.executionTimeMs} ms (${callbell.sent} sent, ${callbell.status429} × 429, ${callbell.failedItems} failed), HTTP Request ${http.executionTimeMs} ms (${http.sent} sent, ${http.failedItems} failed), ratio ${ratio}`);
  return { label: row.label, rttMs: row.rttMs, serverMs: row.serverMs, rps, callbell, http, ratio, machine: { ...figures, othersBusyBeforePct } };
}

module.exports = { sendAvailable, sendWorkflows, runSendRow, phoneOf };
