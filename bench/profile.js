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

const REPO_DIST = `${path.resolve(__dirname, '..')}/dist/`;

/** Our package's code: the built dist/ (engine harness) or the installed package (real n8n). */
const isOurs = (url) => url.includes('/node_modules/n8n-nodes-callbell/') || url.includes(REPO_DIST);

/**
 * Functions whose inclusive time (callees included) tells how an item's work splits, matched by
 * name (`name` or `Class.name`). A CPU profile only sees synchronous stacks: for an async function
 * this is the time until its first `await`, so the table lists mostly synchronous work.
 */
const KEY_FUNCTIONS = [
  { name: '_getNodeParameter', label: 'n8n-core _getNodeParameter (every parameter read, expressions included)' },
  { name: 'resolveSimpleParameterValue', label: 'n8n-workflow Expression.resolveSimpleParameterValue (one expression)' },
  { name: 'execute', url: /isolated-vm-bridge/, label: 'isolated-vm bridge execute (the VM expression engine, real n8n only)' },
  { name: 'getDataProxy', label: 'n8n-workflow WorkflowDataProxy.getDataProxy (per expression)' },
  { name: 'initializeGlobalContext', label: 'n8n-workflow Expression.initializeGlobalContext (per expression)' },
  { name: 'buildContactUpdateBody', label: 'our buildContactUpdateBody (validation + body)' },
  { name: 'toContactId', label: 'our toContactId (ID check)' },
  { name: 'getCredentials', label: 'n8n-core getCredentials (httpRequestWithAuthentication calls it per request)' },
  { name: 'getCredentialsEntity', label: 'n8n CredentialsHelper.getCredentialsEntity (SQLite read, real n8n only)' },
  { name: 'decryptV2', label: 'n8n-core Cipher.decryptV2 (credential decryption, real n8n only)' },
  { name: 'authenticate', label: 'credential authenticate (adds the Bearer header; a function since issue 15, an expression before)' },
  { name: 'httpRequestWithAuthentication', label: 'n8n-core httpRequestWithAuthentication (until its first await)' },
  { name: 'dispatchHttpRequest', label: 'axios dispatchHttpRequest (builds and sends the request)' },
  { name: 'transformResponse', label: 'axios transformResponse (JSON.parse of the answer)' },
];

const HTTP_URL = /\/(axios|follow-redirects|form-data|proxy-from-env|combined-stream|asynckit)\/|^node:(_http_|http$|https$|net$|dns$|zlib$|tls$|internal\/(http|net|dns|stream|streams|url|tls))/;
/** Node's TLS code: n8n's helper builds new agents per request, so every request makes a new SecureContext and handshake. */
const TLS_URL = /^node:(_tls_|tls$|internal\/tls)/;
const EXPRESSION_URL = /\/(@n8n\/tournament|esprima-next|recast|ast-types|jmespath|luxon|jssha|md5|title-case|transliteration|@n8n\/expression-runtime|isolated-vm)\//;
const DATABASE_URL = /\/(sqlite3|@n8n\/typeorm|typeorm|@n8n\/db|pg|pg-pool)\//;
const DECRYPT_URL = /\/n8n-core\/dist\/(encryption|.*cipher)|\/(aes-256-gcm|cipher)\.js$|^node:internal\/crypto/;
const ENGINE = 'engine (n8n-core WorkflowExecute, harness)';

function areaOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle (waiting for the network)';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (functionName === '(root)') return 'other';
  if (isOurs(url)) return 'our node (package code)';
  if (/\/\.bench\/harness\/test\/harness\/credentials/.test(url)) return 'credential authenticate (harness)';
  if (/\/\.bench\/harness\/test\/harness\//.test(url)) return ENGINE;
  if (DECRYPT_URL.test(url)) return 'credential decryption (n8n-core cipher, node:crypto)';
  if (DATABASE_URL.test(url)) return 'database (SQLite, TypeORM)';
  if (/\/node_modules\/n8n\/dist\/credentials-helper/.test(url)) return 'credentials (n8n CredentialsHelper)';
  if (/\/node_modules\/(n8n\/dist|@n8n\/(di|backend-common|config|decorators))\//.test(url)) return 'n8n server code (hooks, DI, …)';
  if (/\/n8n-nodes-base\//.test(url)) return 'n8n-nodes-base (other nodes)';
  if (url.includes('/n8n-workflow/')) {
    const file = path.basename(url);
    if (/expression|workflow-data-proxy|augment-object|\/extensions\/|\/expressions\//.test(url)) return 'expression evaluation';
    if (file === 'node-helpers.js') return 'parameter reads (n8n-workflow NodeHelpers)';
    if (/validation/.test(file)) return 'validation (n8n-workflow)';
    if (file === 'workflow.js' || /run-execution-data/.test(file)) return ENGINE;
    return 'n8n-workflow (other)';
  }
  if (EXPRESSION_URL.test(url)) return 'expression evaluation';
  if (url.includes('/n8n-core/')) {
    if (/request-helper-functions/.test(url)) return 'HTTP client (n8n-core helpers)';
    if (/node-execution-context|validate-value-against-schema|extract-value|cleanup-parameter-data/.test(url)) {
      return 'parameter reads (n8n-core context)';
    }
    if (/credential/.test(url)) return 'credentials (n8n-core)';
    return ENGINE;
  }
  if (TLS_URL.test(url)) return 'TLS (a new handshake per request)';
  if (HTTP_URL.test(url)) return 'HTTP client (axios, node:http)';
  if (url.startsWith('node:')) return 'Node.js internals (other)';
  return 'other';
}

/**
 * `onlyWhileOursRuns`: keep only the samples from the first one with the node's execute() or
 * router() on the stack to the last one with any of our package's code on it (for a whole-process
 * profile of `n8n execute`: the node's run; n8n's deferred start-up work may overlap it).
 */
function summarizeProfile(profile, { items = 1, onlyWhileOursRuns = false } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);

  let from = 0;
  let to = profile.samples.length - 1;
  if (onlyWhileOursRuns) {
    const onStack = (id, test) => {
      for (let at = id; at !== undefined; at = parent.get(at)) if (test(byId.get(at).callFrame)) return true;
      return false;
    };
    const running = (frame) => isOurs(frame.url) && /(^|\.)(execute|router)$/.test(frame.functionName);
    from = profile.samples.findIndex((id) => onStack(id, running));
    if (from === -1) throw new Error('the profile has no sample with the node running');
    for (to = profile.samples.length - 1; to > from && !onStack(profile.samples[to], (frame) => isOurs(frame.url)); to--);
  }

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

  /** Who asked for the database time: the first n8n frame below a SQLite/TypeORM sample. */
  const databaseCallers = { credentials: 0, other: 0, unknown: 0 };
  const databaseCaller = (id) => {
    let caller = 'unknown';
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { url, functionName } = byId.get(at).callFrame;
      if (/credential/i.test(url) || /getCredentials|getDecrypted/.test(functionName)) return 'credentials';
      if (!DATABASE_URL.test(url) && /\/node_modules\/(n8n|@n8n\/db)\/dist\//.test(url)) caller = 'other';
    }
    return caller;
  };

  const selfByNode = new Map();
  let totalUs = 0;
  const inclusive = new Map(KEY_FUNCTIONS.map((key) => [key, 0]));
  const keyOf = ({ functionName, url }) =>
    KEY_FUNCTIONS.find((key) => (functionName === key.name || functionName.endsWith(`.${key.name}`)) && (!key.url || key.url.test(url)));
  for (let i = from; i <= to; i++) {
    const id = profile.samples[i];
    const delta = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    totalUs += delta;
    selfByNode.set(id, (selfByNode.get(id) || 0) + delta);
    if (DATABASE_URL.test(byId.get(id).callFrame.url)) databaseCallers[databaseCaller(id)] += delta;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at).callFrame);
      if (key && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, inclusive.get(key) + delta);
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
    databaseCallersMs: Object.fromEntries(Object.entries(databaseCallers).map(([key, us]) => [key, ms(us)])),
    inclusive: KEY_FUNCTIONS.map((key) => ({ name: key.name, label: key.label, ms: ms(inclusive.get(key)), usPerItem: perItemUs(inclusive.get(key)) })),
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
