'use strict';

/**
 * The local demo set-up that `npm start` and `npm run test:ui` share: the Callbell sandbox, an
 * n8n user folder with the packed package, the "Callbell (local sandbox)" credential and the
 * examples, and n8n's editor with the demo owner login.
 *
 *   const sb = await startSandbox(4010);
 *   prepareUserFolder(dir, { sandboxUrl: sb.url, extraCredentials: [...] })
 *   prepareUserFolder(dir, { sandboxUrl, stampFile })   // imports only what changed since the last call
 *   const n8n = startEditorN8n(dir, { port: 5678 }); await n8n.ready;
 *   await setupOwner(n8n.url, DEMO_OWNER)   // from ./n8n-instance
 */

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const { installPackedPackage } = require('./community-install');
const { importCredentials, importWorkflow, startN8n } = require('./n8n-instance');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

const SANDBOX_TOKEN = 'sandbox-token';
// A local-only demo login (n8n wants 8–64 characters with a digit and an uppercase letter).
const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Callbell-Demo-1' };
const SANDBOX_CREDENTIAL = { id: 'callbellSandbox1', name: 'Callbell (local sandbox)', type: 'callbellApi' };

/** The Callbell sandbox on 127.0.0.1:`port`, seeded; a clear error when the port is taken. */
async function startSandbox(port, { portEnvName = 'CALLBELL_SANDBOX_PORT', webhookSecret = null } = {}) {
  let createSandbox;
  try {
    ({ createSandbox } = require('../../test/sandbox'));
  } catch (err) {
    throw new Error(`cannot load the Callbell sandbox (test/sandbox): ${err.message}`);
  }
  try {
    return await createSandbox({ port, token: SANDBOX_TOKEN, webhookSecret });
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') {
      throw new Error(`port ${port} is in use (another sandbox or demo running?); set ${portEnvName} to use another`);
    }
    throw err;
  }
}

/** A digest of what prepareUserFolder imports: the credentials' data and every example file. */
function importDigest(credentials) {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(credentials));
  for (const name of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    hash.update(`\0${name}\0`);
    hash.update(fs.readFileSync(path.join(EXAMPLES_DIR, name)));
  }
  return hash.digest('hex');
}

/**
 * Installs the packed package into `dir` (as n8n's community install does), imports the sandbox
 * credential (with `webhookSecret` when given, for the Callbell Trigger; plus `extraCredentials`,
 * `{ id, name, type, data }`) and every workflow in examples/.
 * Re-running on the same folder overwrites the package, the credentials and the workflows; with
 * `stampFile`, the credentials and workflows are imported only when they differ from the last
 * import that called `markImported()` (or the folder has no database yet): `npm start` then keeps
 * what the user changed in the editor, and saves two n8n CLI runs (about 20 s).
 * @returns {Promise<{ target: string, imported: boolean, markImported: () => void,
 *   timings: { credentialsMs: number, workflowsMs: number } }>}
 */
async function prepareUserFolder(dir, { sandboxUrl, extraCredentials = [], webhookSecret, stampFile }) {
  fs.mkdirSync(dir, { recursive: true });
  const { target } = installPackedPackage(dir);
  const credentials = [
    { ...SANDBOX_CREDENTIAL, data: { apiToken: SANDBOX_TOKEN, baseUrl: sandboxUrl, ...(webhookSecret ? { webhookSecret } : {}) } },
    ...extraCredentials,
  ];
  const digest = stampFile ? importDigest(credentials) : undefined;
  const hasDatabase = fs.existsSync(path.join(dir, '.n8n', 'database.sqlite'));
  if (stampFile && hasDatabase && readStamp(stampFile) === digest) {
    return { target, imported: false, markImported: () => {}, timings: { credentialsMs: 0, workflowsMs: 0 } };
  }
  if (stampFile) fs.rmSync(stampFile, { force: true });
  let t = Date.now();
  await importCredentials(dir, credentials);
  const credentialsMs = Date.now() - t;
  t = Date.now();
  await importWorkflow(dir, EXAMPLES_DIR, ['--separate']);
  const markImported = () => {
    if (stampFile) fs.writeFileSync(stampFile, `${JSON.stringify({ digest, importedAt: new Date().toISOString() }, null, 2)}\n`);
  };
  return { target, imported: true, markImported, timings: { credentialsMs, workflowsMs: Date.now() - t } };
}

function readStamp(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).digest;
  } catch {
    return undefined;
  }
}

/**
 * `n8n start` on `port` (task-runner broker on port + 1): startN8n's handle, whose `ready`
 * rejects with a hint at the port variable when a port is taken. The caller owns `stop()`.
 */
function startEditorN8n(dir, { port, onLine, portEnvName = 'N8N_PORT' }) {
  const n8n = startN8n(dir, { port, onLine });
  const ready = n8n.ready.catch((err) => {
    if (!/EADDRINUSE|already in use/i.test(err.message)) throw err;
    throw new Error(`port ${port} (or ${port + 1} for task runners) is in use; set ${portEnvName} to use another\n${err.message}`);
  });
  ready.catch(() => {}); // callers that never await it must not crash the process
  return { ...n8n, ready };
}

module.exports = {
  DEMO_OWNER,
  SANDBOX_TOKEN,
  SANDBOX_CREDENTIAL,
  EXAMPLES_DIR,
  startSandbox,
  prepareUserFolder,
  startEditorN8n,
};
