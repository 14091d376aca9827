'use strict';

/**
 * The benchmark's workflows (real n8n) and the Callbell node's parameters (real n8n and the engine
 * harness alike). Every workflow is Manual Trigger → a Code node that returns one item
 * { uuid, name } per sandbox contact → the node(s) under test. Branches hang off the trigger or the
 * Code node and run one after another (execution order v1: the topmost branch first), so several
 * nodes are measured in one `n8n execute` run.
 */

const CALLBELL_TYPE = 'n8n-nodes-callbell.callbell';
const CALLBELL_CREDENTIAL = { id: 'benchCallbell01', name: 'Callbell (bench sandbox)' };
const HEADER_CREDENTIAL = { id: 'benchHeaderAuth1', name: 'Callbell sandbox token (header)' };
/** The same sandbox over HTTPS through the relay that emulates a round-trip time (bench/network.js). */
const CALLBELL_TLS_CREDENTIAL = { id: 'benchCallbellTls', name: 'Callbell (bench sandbox over HTTPS relay)' };
/**
 * A second sandbox for Get Many at scale, with just enough contacts: the sandbox sorts all its
 * contacts for every page, so reading pages from the main one (50,000 contacts) would measure it.
 */
const CALLBELL_READ_CREDENTIAL = { id: 'benchCallbellRead', name: 'Callbell (bench read sandbox)' };

/** Contact → Update, contact By ID `{{ $json.uuid }}`, Update Fields → Name `{{ $json.name }}`. */
function updateParameters(options = {}) {
  return {
    resource: 'contact',
    operation: 'update',
    contact: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
    updateFields: { name: '={{ $json.name }}' },
    options,
  };
}

/** The items as the Code node returns them; names carry `tag`, so each run's writes are recognisable. */
function benchItems(uuids, tag) {
  return uuids.map((uuid, index) => ({ uuid, name: `Bench ${tag} ${index + 1}` }));
}

function codeNode(name, uuids, tag, position) {
  // The uuids come from the sandbox (POST /__sandbox/contacts); the names are built in n8n.
  const jsCode = [
    `const uuids = ${JSON.stringify(uuids)};`,
    `return uuids.map((uuid, index) => ({ json: { uuid, name: ${JSON.stringify(`Bench ${tag} `)} + (index + 1) } }));`,
  ].join('\n');
  return { id: `code-${name}`, name, type: 'n8n-nodes-base.code', typeVersion: 2, position, parameters: { jsCode } };
}

function callbellNode(name, options, position, { continueOnFail = false, credential = CALLBELL_CREDENTIAL, parameters } = {}) {
  const node = {
    id: `callbell-${name}`,
    name,
    type: CALLBELL_TYPE,
    typeVersion: 1,
    position,
    credentials: { callbellApi: credential },
    parameters: parameters ?? updateParameters(options),
  };
  if (continueOnFail) node.onError = 'continueRegularOutput';
  return node;
}

/** n8n's HTTP Request node 4.2 sending the same PATCH, URL and JSON body as expressions. */
function httpRequestNode(name, sandboxUrl, position, { continueOnFail = false } = {}) {
  const node = {
    id: `http-${name}`,
    name,
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    position,
    credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
    parameters: {
      method: 'PATCH',
      url: `={{ ${JSON.stringify(`${sandboxUrl}/contacts/`)} + $json.uuid }}`,
      authentication: 'genericCredentialType',
      genericAuthType: 'httpHeaderAuth',
      sendBody: true,
      specifyBody: 'json',
      jsonBody: '={{ JSON.stringify({ name: $json.name }) }}',
      options: {},
    },
  };
  if (continueOnFail) node.onError = 'continueRegularOutput';
  return node;
}

function trigger() {
  return { id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

function connect(connections, from, to) {
  connections[from] ??= { main: [[]] };
  connections[from].main[0].push({ node: to, type: 'main', index: 0 });
}

function workflow(id, name, nodes, connections) {
  return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, tags: [] };
}

/**
 * (a) and (b) in one run: Start → Items A → Callbell (top branch, runs first);
 * Start → Items B → HTTP Request (second branch). Each branch updates its own contacts.
 */
function comparisonWorkflow({ id, callbellUuids, httpUuids, tag, sandboxUrl, callbellOptions, callbellName, httpName, credential, continueOnFail = false }) {
  const nodes = [
    trigger(),
    codeNode('Items for Callbell', callbellUuids, `${tag} callbell`, [220, 0]),
    callbellNode(callbellName, callbellOptions, [440, 0], { credential, continueOnFail }),
    codeNode('Items for HTTP Request', httpUuids, `${tag} http`, [220, 300]),
    httpRequestNode(httpName, sandboxUrl, [440, 300], { continueOnFail }),
  ];
  const connections = {};
  connect(connections, 'Start', 'Items for Callbell');
  connect(connections, 'Items for Callbell', callbellName);
  connect(connections, 'Start', 'Items for HTTP Request');
  connect(connections, 'Items for HTTP Request', httpName);
  return workflow(id, 'Bench: Callbell vs HTTP Request (PATCH)', nodes, connections);
}

/**
 * The concurrency sweep in one run: Start → Items (i) → Callbell (i), one branch per setting, top to
 * bottom; each branch updates its own contacts, so every setting's writes can be checked.
 */
function sweepWorkflow({ id, settings }) {
  const nodes = [trigger()];
  const connections = {};
  settings.forEach(({ name, options, uuids, tag }, index) => {
    const items = `Items for ${name}`;
    nodes.push(codeNode(items, uuids, tag, [220, index * 200]), callbellNode(name, options, [440, index * 200]));
    connect(connections, 'Start', items);
    connect(connections, items, name);
  });
  return workflow(id, 'Bench: Callbell concurrency sweep', nodes, connections);
}

/**
 * One Callbell node: Start → Items → Callbell. (c) sets `continueOnFail` (On Error → Continue),
 * so a failed item is counted, not fatal; the real-n8n profile uses the same shape.
 */
function singleCallbellWorkflow({ id, title, uuids, tag, options, nodeName, continueOnFail = false, credential }) {
  const nodes = [trigger(), codeNode('Items', uuids, tag, [220, 0]), callbellNode(nodeName, options, [440, 0], { continueOnFail, credential })];
  const connections = {};
  connect(connections, 'Start', 'Items');
  connect(connections, 'Items', nodeName);
  return workflow(id, title, nodes, connections);
}

/** Start → Contact → Get Many with Limit `limit` (one input item, every contact paired with it). */
function getManyWorkflow({ id, limit, nodeName, credential }) {
  const parameters = { resource: 'contact', operation: 'getAll', returnAll: false, limit, filters: {}, options: {} };
  const nodes = [trigger(), callbellNode(nodeName, {}, [220, 0], { credential, parameters })];
  const connections = {};
  connect(connections, 'Start', nodeName);
  return workflow(id, `Bench: Callbell Get Many ${limit}`, nodes, connections);
}

module.exports = {
  CALLBELL_CREDENTIAL,
  CALLBELL_TLS_CREDENTIAL,
  CALLBELL_READ_CREDENTIAL,
  getManyWorkflow,
  HEADER_CREDENTIAL,
  updateParameters,
  benchItems,
  comparisonWorkflow,
  sweepWorkflow,
  singleCallbellWorkflow,
};
