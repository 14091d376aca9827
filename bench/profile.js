'use strict';

/**
 * Reads a V8 .cpuprofile and says where the time went:
 *   areas      self time grouped by area (expression evaluation, parameter reads, HTTP client, …);
 *              native frames without a script (JSON.stringify, RegExp, …) count for the area of
 *              the nearest caller that has one
 *   functions  the top self-time functions (name, file, line)
 *   inclusive  total time spent inside selected functions (their callees included)
 */

const path = require('path');

/**
 * Functions whose inclusive time (callees included) tells how an item's work splits, matched by
 * name (`name` or `Class.name`). A CPU profile only sees synchronous stacks: for an async function
 * this is the time until its first `await`, so the table lists mostly synchronous work.
 */
const KEY_FUNCTIONS = [
  ['getNodeParameter', 'n8n-core getNodeParameter (every parameter read, expressions included)'],
  ['resolveSimpleParameterValue', 'n8n-workflow Expression.resolveSimpleParameterValue (one expression)'],
  ['getDataProxy', 'n8n-workflow WorkflowDataProxy.getDataProxy (per expression)'],
  ['initializeGlobalContext', 'n8n-workflow Expression.initializeGlobalContext (per expression)'],
  ['buildContactUpdateBody', 'our buildContactUpdateBody (validation + body)'],
  ['toContactId', 'our toContactId (ID check)'],
  ['getCredentials', 'n8n-core getCredentials'],
  ['authenticate', 'credential authenticate (harness helper, applies the header expression)'],
  ['httpRequestWithAuthentication', 'n8n-core httpRequestWithAuthentication (until its first await)'],
  ['dispatchHttpRequest', 'axios dispatchHttpRequest (builds and sends the request)'],
  ['transformResponse', 'axios transformResponse (JSON.parse of the answer)'],
];

const HTTP_URL = /\/(axios|follow-redirects|form-data|proxy-from-env|combined-stream|asynckit)\/|^node:(_http_|http$|https$|net$|dns$|zlib$|tls$|internal\/(http|net|dns|stream|streams|url|tls))/;
const EXPRESSION_URL = /\/(@n8n\/tournament|esprima-next|recast|ast-types|jmespath|luxon|jssha|md5|title-case|transliteration|@n8n\/expression-runtime)\//;

function areaOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle (waiting for the network)';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (functionName === '(root)') return 'other';
  if (/\/dist\/(nodes|credentials)\//.test(url)) return 'our node (dist/)';
  if (/\/\.bench\/harness\/test\/harness\/credentials/.test(url)) return 'credential authenticate (harness)';
  if (/\/\.bench\/harness\/test\/harness\//.test(url)) return 'engine (harness, n8n-core WorkflowExecute)';
  if (url.includes('/n8n-workflow/')) {
    const file = path.basename(url);
    if (/expression|workflow-data-proxy|augment-object|\/extensions\/|\/expressions\//.test(url)) return 'expression evaluation';
    if (file === 'node-helpers.js') return 'parameter reads (n8n-workflow NodeHelpers)';
    if (/validation/.test(file)) return 'validation (n8n-workflow)';
    if (file === 'workflow.js' || /run-execution-data/.test(file)) return 'engine (harness, n8n-core WorkflowExecute)';
    return 'n8n-workflow (other)';
  }
  if (EXPRESSION_URL.test(url)) return 'expression evaluation';
  if (url.includes('/n8n-core/')) {
    if (/request-helper-functions/.test(url)) return 'HTTP client (n8n-core helpers)';
    if (/node-execution-context|validate-value-against-schema|extract-value|cleanup-parameter-data/.test(url)) {
      return 'parameter reads (n8n-core context)';
    }
    if (/credential/.test(url)) return 'credentials (n8n-core)';
    return 'engine (harness, n8n-core WorkflowExecute)';
  }
  if (HTTP_URL.test(url)) return 'HTTP client (axios, node:http)';
  if (url.startsWith('node:')) return 'Node.js internals (other)';
  return 'other';
}

function summarizeProfile(profile, { items = 1 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);

  /** Area of a node: its own, or for a script-less native frame, its nearest scripted caller's. */
  const areaCache = new Map();
  function nodeArea(id) {
    if (areaCache.has(id)) return areaCache.get(id);
    const { url, functionName } = byId.get(id).callFrame;
    let area;
    if (url || functionName.startsWith('(')) area = areaOf(url, functionName);
    else area = parent.has(id) ? nodeArea(parent.get(id)) : 'other';
    areaCache.set(id, area);
    return area;
  }

  const selfByNode = new Map();
  let totalUs = 0;
  const inclusive = new Map(KEY_FUNCTIONS.map(([name]) => [name, 0]));
  const keyOf = (functionName) => {
    if (inclusive.has(functionName)) return functionName;
    const dot = functionName.lastIndexOf('.');
    return dot !== -1 && inclusive.has(functionName.slice(dot + 1)) ? functionName.slice(dot + 1) : undefined;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const delta = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    totalUs += delta;
    selfByNode.set(id, (selfByNode.get(id) || 0) + delta);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = keyOf(byId.get(at).callFrame.functionName);
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name) + delta);
      }
    }
  }

  const areas = new Map();
  const functions = new Map();
  for (const [id, us] of selfByNode) {
    const area = nodeArea(id);
    areas.set(area, (areas.get(area) || 0) + us);
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '(native)';
    const key = `${functionName || '(anonymous)'} ${where}`;
    const entry = functions.get(key) || { function: functionName || '(anonymous)', where, area, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }

  const ms = (us) => Math.round(us / 10) / 100;
  const perItemUs = (us) => Math.round((us / items) * 10) / 10;
  const busyUs = totalUs - (areas.get('idle (waiting for the network)') || 0);
  return {
    totalMs: ms(totalUs),
    busyMs: ms(busyUs),
    items,
    areas: [...areas.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({ area, ms: ms(us), pctOfBusy: area.startsWith('idle') ? null : Math.round((us / busyUs) * 1000) / 10, usPerItem: perItemUs(us) })),
    functions: [...functions.values()]
      .filter((entry) => !entry.function.startsWith('(idle'))
      .sort((a, b) => b.us - a.us)
      .slice(0, 20)
      .map((entry) => ({ ...entry, ms: ms(entry.us), usPerItem: perItemUs(entry.us), us: undefined })),
    inclusive: KEY_FUNCTIONS.map(([name, label]) => ({ name, label, ms: ms(inclusive.get(name)), usPerItem: perItemUs(inclusive.get(name)) })),
  };
}

function shortUrl(url) {
  const text = url.replace(/^file:\/\//, '');
  const nm = text.lastIndexOf('/node_modules/');
  if (nm !== -1) return text.slice(nm + '/node_modules/'.length);
  const marker = text.search(/\/(dist|\.bench)\//);
  return marker !== -1 ? text.slice(marker + 1) : text;
}

module.exports = { summarizeProfile, areaOf };
