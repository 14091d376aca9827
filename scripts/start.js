#!/usr/bin/env node
'use strict';

/**
 * `npm start`: the Callbell node in a real n8n, against the local Callbell sandbox.
 *
 *   1. npm ci (only if node_modules is missing) and npm run build
 *   2. the pinned real n8n + Node 24 in .n8n-runtime/ (installed once, several minutes)
 *   3. the Callbell sandbox on http://127.0.0.1:4010/v1 (in this process), freshly seeded; the
 *      account webhook and its signing secret are kept in .n8n-demo/callbell-sandbox.json, as
 *      Callbell keeps them while n8n restarts
 *   4. the n8n user folder .n8n-demo/: package, sandbox credential and examples/ (imported when
 *      they changed), the trigger workflow examples/trigger-tag-and-reply.json published
 *   5. n8n on http://localhost:5678 with the demo owner login
 *   6. examples/demo-contact-update.json run once in that n8n; contacts before/after, its execution
 *   7. the trigger demo checked end to end: the sandbox's webhook reaches the published workflow
 *      (published again if not), and a customer message runs it (tag + reply)
 *   then, until Ctrl-C or SIGTERM: the editor, with each webhook delivery printed
 *
 * Options: --no-editor (or CALLBELL_DEMO_NO_EDITOR=1) stops after step 7, for CI; the exit code
 * says whether both demos worked. --skip-build uses the existing dist/. Env: N8N_PORT (default
 * 5678; the task-runner broker uses the next port), CALLBELL_SANDBOX_PORT (default 4010),
 * CALLBELL_DEMO_DIR (default .n8n-demo, for tests).
 */

const fs = require('fs');
const path = require('path');

const { ensureN8n, N8N_VERSION } = require('./lib/n8n-runtime');
const { setupOwner, killAllNow, activateWorkflow } = require('./lib/n8n-instance');
const { generateSecret } = require('../test/sandbox/webhooks/signing');
const { keepWebhook, readKeptWebhook } = require('../test/sandbox/webhooks/keep');
const { SEED } = require('../test/sandbox');
const { DEMO_OWNER: OWNER, SANDBOX_TOKEN, SANDBOX_CREDENTIAL: CREDENTIAL, startSandbox, prepareUserFolder, startEditorN8n } = require('./lib/demo-setup');
const { createLifecycle } = require('./lib/demo-lifecycle');
const { demoApi, nodeItems, executionError } = require('./lib/demo-n8n');
const { snapshot, printBefore, printChanges } = require('./lib/demo-report');
const { runTriggerDemo } = require('./lib/demo-trigger');

const ROOT = path.resolve(__dirname, '..');
const DEMO_DIR = path.resolve(ROOT, process.env.CALLBELL_DEMO_DIR || '.n8n-demo');
const KEPT_WEBHOOK_FILE = path.join(DEMO_DIR, 'callbell-sandbox.json');
const IMPORT_STAMP_FILE = path.join(DEMO_DIR, 'imported-examples.json');
const PACKAGE_ENTRY = path.join(ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const UPDATE_WF = readJson('examples/demo-contact-update.json');
const TRIGGER_WF = readJson('examples/trigger-tag-and-reply.json');
const TRIGGER_WEBHOOK_ID = TRIGGER_WF.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbellTrigger').webhookId;
// One story: the Update demo upgrades Ada, Grace and Alan; Barbara, untouched by it and without the
// Lead tag, writes to the trigger demo; Donald (likewise) is the user's to try.
const TEST_MESSAGE = { contact: SEED.contacts.barbara, text: 'Hello, do you ship to Lisbon?' };
const USER_MESSAGE = { contact: SEED.contacts.donald, text: 'Hi! Is my order on its way?' };

const argv = process.argv.slice(2);
const SKIP_BUILD = argv.includes('--skip-build');
const NO_EDITOR = argv.includes('--no-editor') || /^(1|true|yes)$/i.test(process.env.CALLBELL_DEMO_NO_EDITOR || '');
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.CALLBELL_SANDBOX_PORT || 4010);
const N8N_URL = `http://localhost:${N8N_PORT}`;
const rel = (p) => path.relative(ROOT, p) || '.';
const t0 = Date.now();

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (line = '') => console.log(line);
const life = createLifecycle({ say, killNow: killAllNow, cwd: ROOT });

const TOTAL_STEPS = 7;
let stepNo = 0;
async function step(title, fn) {
  stepNo += 1;
  say(`\n▶ [${stepNo}/${TOTAL_STEPS}] ${title}`);
  const started = Date.now();
  const value = await fn();
  const failed = value && value.ok === false;
  say(`${failed ? '✖' : '✔'} [${stepNo}/${TOTAL_STEPS}] ${failed ? `failed: ${value.why}` : 'done'} (${secs(Date.now() - started)})`);
  return value;
}

function npmCommand(args) {
  // Under `npm start` use the same npm; otherwise the one on PATH.
  const npmCli = process.env.npm_execpath;
  if (npmCli && npmCli.endsWith('.js')) return [process.execPath, [npmCli, ...args]];
  return ['npm', args];
}

async function buildPackage() {
  if (SKIP_BUILD) {
    say('  --skip-build: using the existing dist/');
    if (!fs.existsSync(PACKAGE_ENTRY)) throw new Error(`${rel(PACKAGE_ENTRY)} is missing; run without --skip-build`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
    say('  node_modules is missing: npm ci');
    await life.run(...npmCommand(['ci']));
  }
  say('  npm run build');
  await life.run(...npmCommand(['run', 'build']));
  if (!fs.existsSync(PACKAGE_ENTRY)) throw new Error(`the build did not produce ${rel(PACKAGE_ENTRY)}`);
}

async function startTheSandbox() {
  // The signing secret and the account webhook outlive the sandbox, as they outlive n8n restarts at Callbell.
  const secret = readKeptWebhook(KEPT_WEBHOOK_FILE)?.secret || generateSecret();
  const sb = await startSandbox(SANDBOX_PORT, { webhookSecret: secret });
  const kept = keepWebhook(sb, KEPT_WEBHOOK_FILE, { secret });
  life.onCleanup(async () => {
    kept.stop();
    await sb.close();
    say('  sandbox stopped');
  });
  say(`  Callbell sandbox: ${sb.url} (token "${SANDBOX_TOKEN}"), contacts freshly seeded`);
  say(kept.restored
    ? `  account webhook kept from the last start (${rel(KEPT_WEBHOOK_FILE)}): ${kept.restored.url} (${kept.restored.enabled ? 'enabled' : 'disabled'})`
    : `  no account webhook yet (${rel(KEPT_WEBHOOK_FILE)} will keep the one n8n subscribes)`);
  return { sb, secret };
}

async function prepareDemoFolder({ sb, secret }) {
  const folder = await prepareUserFolder(DEMO_DIR, { sandboxUrl: sb.url, webhookSecret: secret, stampFile: IMPORT_STAMP_FILE });
  say(`  user folder ${rel(DEMO_DIR)}/ (package installed at ${rel(folder.target)}, as n8n's community install does)`);
  if (!folder.imported) {
    say(`  credential "${CREDENTIAL.name}" and the examples/ workflows: unchanged since they were imported, kept (with your edits)`);
    return;
  }
  say(`  credential "${CREDENTIAL.name}" imported (${secs(folder.timings.credentialsMs)})`);
  say(`  workflow "${UPDATE_WF.name}" (${UPDATE_WF.id}) and the other examples/ imported (${secs(folder.timings.workflowsMs)})`);
  await activateWorkflow(DEMO_DIR, TRIGGER_WF.id);
  say(`  workflow "${TRIGGER_WF.name}" (${TRIGGER_WF.id}) published`);
  folder.markImported();
}

async function startN8nServer() {
  const n8n = startEditorN8n(DEMO_DIR, {
    port: N8N_PORT,
    onLine: (line) => {
      if (/error|warn|Editor is now accessible|Version:/i.test(line)) say(`    n8n | ${line}`);
    },
  });
  life.onCleanup(async () => {
    say('  stopping n8n…');
    const { code, signal } = await n8n.stop();
    say(`  n8n stopped (exit ${code}${signal ? `, ${signal}` : ''})`);
  });
  n8n.exited.then(({ code, signal }) => {
    if (life.shuttingDown) return;
    console.error(`\nn8n exited unexpectedly (code ${code}, signal ${signal}); last log lines:\n${n8n.log.slice(-20).join('\n')}`);
    life.shutdown(1);
  });
  say(`  n8n ready after ${secs(await n8n.ready)}`);
  try {
    const owner = await setupOwner(`http://127.0.0.1:${N8N_PORT}`, OWNER);
    say(`  owner account ${owner.created ? 'created' : 'already set up; login checked'}`);
    return demoApi(N8N_URL, owner.cookie);
  } catch (err) {
    // e.g. the password was changed in the editor: n8n keeps running, the login is the user's own.
    say(`  ! could not set up or log in as ${OWNER.email}: ${err.message}`);
    say(`    (changed the password? delete ${rel(DEMO_DIR)}/ to start over with the demo login)`);
    return undefined;
  }
}

async function runUpdateDemo(sb, api) {
  if (!api) return { ok: false, why: 'no login to run it with' };
  const code = UPDATE_WF.nodes.map((n) => n.parameters?.jsCode || '').join('\n');
  const ids = [...new Set(code.match(/\b[0-9a-f]{32}\b/g) || [])];
  const before = snapshot(sb, ids);
  printBefore(say, before, 'contacts before the run (sandbox seed)');
  const start = UPDATE_WF.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
  const callbell = UPDATE_WF.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbell');
  const firstRequest = sb.requests.length;
  say(`  running it in n8n from "${start.name}", as the editor's Execute workflow button does…`);
  const { executionId } = await api.runManually(UPDATE_WF.id, start.name);
  const ex = await api.waitForExecution(executionId);
  const calls = sb.requests.slice(firstRequest).map((r) => `${r.method} ${r.path} → ${r.status}`);
  say(`  execution ${executionId}: ${ex.status}; the sandbox saw ${calls.length} API call(s)${calls.length ? ':' : ''}`);
  for (const c of calls) say(`    ${c}`);
  const changed = printChanges(say, before, snapshot(sb, ids));
  const items = nodeItems(ex.data, callbell.name).length;
  const error = executionError(ex.data);
  const result = { executionId, url: api.executionUrl(UPDATE_WF.id, executionId), items };
  if (ex.status !== 'success' || error) return { ...result, ok: false, why: `execution ${executionId} ended ${ex.status}${error ? `: ${error}` : ''}` };
  if (!changed) return { ...result, ok: false, why: `execution ${executionId} succeeded but changed no field of the contacts` };
  say(`  ✔ "${callbell.name}" returned ${items} item(s)`);
  return { ...result, ok: true };
}

/** Prints every delivery the sandbox makes from now on. */
function watchDeliveries(sb) {
  let shown = sb.webhooks.attempts.length;
  const timer = setInterval(() => {
    for (const a of sb.webhooks.attempts.slice(shown)) {
      const what = a.event === 'message_created' ? ` (${a.payload.status}: "${String(a.payload.text).slice(0, 40)}")` : '';
      say(`    webhook ${a.event}${what} → ${a.status ?? a.error}`);
    }
    shown = sb.webhooks.attempts.length;
  }, 500);
  timer.unref();
  life.onCleanup(() => clearInterval(timer));
}

function printResults(update, trigger) {
  say('');
  say(update.ok
    ? `  ✔ update demo: "${UPDATE_WF.name}" ran in n8n, execution ${update.executionId} succeeded (${update.items} items)`
    : `  ✖ update demo failed: ${update.why}`);
  if (update.url) say(`      its run (double-click a node for its items): ${update.url}`);
  if (trigger.skipped) {
    say(`  ! trigger demo skipped: ${trigger.why}`);
    return;
  }
  if (trigger.liveLine) say(`  ✔ trigger live: ${trigger.liveLine}`);
  say(trigger.ok
    ? `  ✔ delivery executed: ${TEST_MESSAGE.contact.name}'s message → 200 → execution ${trigger.executionId} succeeded (tagged Lead, replied)`
    : `  ✖ trigger demo failed: ${trigger.why}`);
  if (trigger.url) say(`      its run: ${trigger.url}`);
}

function printBanner(sb, update, trigger) {
  const { contact, text } = USER_MESSAGE;
  say('');
  say('────────────────────────────────────────────────────────────');
  say(`  n8n:         ${N8N_URL}   login ${OWNER.email} / ${OWNER.password} (local demo account)`);
  say(`  credential:  "${CREDENTIAL.name}" → ${sb.url}`);
  say(`  sandbox:     ${sb.origin}/__sandbox/state  (contacts re-seeded on every start)`);
  printResults(update, trigger);
  say('');
  say(trigger.skipped
    ? `  Write to the workflow that holds Callbell's webhook yourself, as ${contact.name}, in another terminal:`
    : `  Write to "${TRIGGER_WF.name}" yourself, as ${contact.name}, in another terminal:`);
  say(`    npm run sandbox -- --inbound "${text}" --contact ${contact.uuid} --port ${SANDBOX_PORT}`);
  say(`  (or: curl -X POST ${sb.origin}/__sandbox/inbound -H 'Content-Type: application/json' \\`);
  say(`         -d '{"contact_uuid":"${contact.uuid}","text":"Hello"}')`);
  say('  Each delivery is printed below. The run appears under the workflow\'s Executions:');
  say(trigger.skipped
    ? `    ${N8N_URL}/home/executions ; the sandbox's messages in ${sb.origin}/__sandbox/messages`
    : `    ${N8N_URL}/workflow/${TRIGGER_WF.id}/executions ; the reply in ${sb.origin}/__sandbox/messages`);
  say('  Press Ctrl-C to stop n8n and the sandbox.');
  say('────────────────────────────────────────────────────────────');
}

async function main() {
  say(`n8n-nodes-callbell demo — real n8n ${N8N_VERSION} against the local Callbell sandbox`);
  await step('Build the package', buildPackage);
  await step(`Real n8n ${N8N_VERSION} runtime`, () => ensureN8n({ log: (l) => say(`  ${l}`) }));
  const sandbox = await step('Start the Callbell sandbox', startTheSandbox);
  await step('Prepare the n8n user folder', () => prepareDemoFolder(sandbox));
  const api = await step(`Start n8n on port ${N8N_PORT}`, startN8nServer);
  // A demo that fails is reported; n8n keeps running for a look at what happened.
  const failed = (err) => ({ ok: false, why: err.message });
  const update = await step('Run the Contact → Update demo in n8n', () => runUpdateDemo(sandbox.sb, api).catch(failed));
  const trigger = await step('Check the Callbell Trigger demo end to end', () =>
    api
      ? runTriggerDemo({ sb: sandbox.sb, api, workflowId: TRIGGER_WF.id, webhookId: TRIGGER_WEBHOOK_ID, n8nPort: N8N_PORT, message: TEST_MESSAGE, say }).catch(failed)
      : { ok: false, why: 'no login to check it with' },
  );
  const ok = update.ok && trigger.ok;

  if (NO_EDITOR) {
    printResults(update, trigger);
    say(`\n${ok ? '✔ demo OK' : '✖ demo FAILED'} (${secs(Date.now() - t0)} in total); --no-editor: stopping.`);
    await life.shutdown(ok ? 0 : 1);
    return;
  }
  printBanner(sandbox.sb, update, trigger);
  watchDeliveries(sandbox.sb);
}

main().catch(async (err) => {
  console.error(`\n✖ ${err.message}`);
  await life.shutdown(1);
});
