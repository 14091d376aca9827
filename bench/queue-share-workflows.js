'use strict';

/**
 * The queue-share bench's two workflows (issue 24): each starts by a production webhook, so it runs
 * on a worker, splits the webhook's body into items and runs the Callbell node with its defaults
 * (Concurrency Auto, Max Requests Per Second 290) and On Error → Continue, so a failed item is
 * counted, not fatal. The webhook answers with the last node's first item once the execution ends.
 */

const UPDATE_PATH = 'bench-share-update';
const SEND_PATH = 'bench-share-send';
/**
 * The same workflows with the account split by hand (Max Requests Per Second 145: two workers pace
 * 290/s together, under Callbell's 300, so no 429 can come): what this machine allows without sharing.
 */
const SPLIT_RPS = 145;
const SPLIT_SUFFIX = '-split';

function webhookNode(id, path) {
  return {
    id: `${id}-webhook`,
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2.1,
    position: [0, 0],
    webhookId: `${id}-hook-0000-0000-000000000000`.slice(0, 36),
    parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
  };
}

function splitNode(id, field) {
  return {
    id: `${id}-split`,
    name: 'One item each',
    type: 'n8n-nodes-base.splitOut',
    typeVersion: 1,
    position: [220, 0],
    parameters: { fieldToSplitOut: `body.${field}`, options: {} },
  };
}

/**
 * `what` names the workflow; `split` makes its twin for the rows split by hand: the id's last digit
 * 2, its own webhook path, and Max Requests Per Second 145 on the Callbell node.
 */
function workflow(baseId, what, basePath, field, callbellParameters, credential, split) {
  const id = split ? `${baseId.slice(0, -1)}2` : baseId;
  return {
    id,
    name: split ? `Bench: the account split by hand (${what})` : `Bench: share the account (${what})`,
    active: false,
    nodes: [
      webhookNode(id, basePath + (split ? SPLIT_SUFFIX : '')),
      splitNode(id, field),
      {
        id: `${id}-callbell`,
        name: 'Callbell',
        type: 'n8n-nodes-callbell.callbell',
        typeVersion: 1,
        position: [440, 0],
        onError: 'continueRegularOutput',
        credentials: { callbellApi: credential },
        parameters: { ...callbellParameters, options: split ? { maxRequestsPerSecond: SPLIT_RPS } : {} },
      },
    ],
    connections: {
      Webhook: { main: [[{ node: 'One item each', type: 'main', index: 0 }]] },
      'One item each': { main: [[{ node: 'Callbell', type: 'main', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
  };
}

/** Contact → Update: body `{ contacts: [{ uuid, name }] }`. `split`: Max Requests Per Second 145. */
function updateWorkflow(credential, split = false) {
  return workflow('benchShareUpdate01', 'Contact → Update', UPDATE_PATH, 'contacts', {
    resource: 'contact',
    operation: 'update',
    contact: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
    updateFields: { name: '={{ $json.name }}' },
  }, credential, split);
}

/** Message → Send of the seed's approved template: body `{ recipients: [{ phone, name }] }`. `split` as above. */
function sendWorkflow(credential, template, split = false) {
  return workflow('benchShareSend0001', 'template sends', SEND_PATH, 'recipients', {
    resource: 'message',
    operation: 'send',
    sendTo: 'phone',
    phoneNumber: '={{ $json.phone }}',
    channel: { __rl: true, mode: 'id', value: template.channelUuid },
    messageType: 'template',
    template: { __rl: true, mode: 'id', value: template.uuid },
    templateValues: { values: Array.from({ length: template.placeholders ?? 1 }, () => ({ value: '={{ $json.name }}' })) },
    optIn: true,
    additionalFields: {},
  }, credential, split);
}

/** The seed's approved "Appointment reminder" template on the main WhatsApp line (as bench/send-bench.js sends). */
function approvedTemplate(seed) {
  const template = seed.templates?.appointment;
  if (!template?.uuid || !seed.channels?.whatsapp?.uuid) throw new Error('the sandbox seed has no approved template to send');
  return { ...template, placeholders: 1, channelUuid: seed.channels.whatsapp.uuid };
}

/** A distinct UK mobile number per index (row tag keeps rows apart). */
function phoneOf(row, index) {
  return `+447${row}${String(10_000_000 + index).slice(-8)}`;
}

module.exports = { UPDATE_PATH, SEND_PATH, SPLIT_SUFFIX, SPLIT_RPS, updateWorkflow, sendWorkflow, approvedTemplate, phoneOf };
