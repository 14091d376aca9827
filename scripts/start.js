#!/usr/bin/env node
'use strict';

/**
 * `npm start`: the Callbell node in a real n8n, against the local Callbell sandbox.
 *
 *   1. npm ci (only if node_modules is missing) and npm run build
 *   2. the pinned real n8n + Node 24 in .n8n-runtime/ (installed once, several minutes)
 *   3. the Callbell sandbox on http://127.0.0.1:4010/v1 (in this process)
 *   4. the n8n user folder .n8n-demo/: package link, sandbox credential, demo workflow
 *   5. one headless run of examples/demo-contact-update.json; contacts before/after
 *   6. n8n's editor on http://localhost:5678 with a demo owner login (until Ctrl-C), with the
 *      published "incoming WhatsApp message → tag the contact and reply" trigger workflow
 *      (examples/trigger-tag-and-reply.json) subscribed to the sandbox's signed webhook
 *
 * Options: --no-editor (or CALLBELL_DEMO_NO_EDITOR=1) stops after step 5, for CI smoke runs; the
 * exit code says whether the demo run worked. --skip-build uses the existing dist/ (quicker while
 * editing the demo workflow). Env: N8N_PORT (default 5678; the task-runner broker uses the next
 * port), CALLBELL_SANDBOX_PORT (default 4010).
 */

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const { ensureN8n, N8N_VERSION } = require('./lib/n8n-runtime');
const { executeWorkflow, setupOwner, killAllNow, activateWorkflow } = require('./lib/n8n-instance');
const { generateSecret } = require('../test/sandbox/webhooks/signing');
const {
  DEMO_OWNER: OWNER,
  SANDBOX_TOKEN,
  SANDBOX_CREDENTIAL: CREDENTIAL,
  startSandbox: startSeededSandbox,
  prepareUserFolder,
  startEditorN8n,
} = require('./lib/demo-setup');

const ROOT = path.resolve(__dirname, '..');
const DEMO_DIR = path.join(ROOT, '.n8n-demo');
const WORKFLOW_FILE = path.join(ROOT, 'examples', 'demo-contact-update.json');
const PACKAGE_ENTRY = path.join(ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js');
const TRIGGER_WORKFLOW_FILE = path.join(ROOT, 'examples', 'trigger-tag-and-reply.json');
// A fresh signing secret per start: the sandbox signs its webhook deliveries with it and the demo
// credential holds it, so the trigger checks every signature (local demo value, not a secret).
const WEBHOOK_SECRET = generateSecret();

const argv = process.argv.slice(2);
const SKIP_BUILD = argv.includes('--skip-build');
const NO_EDITOR = argv.includes('--no-editor') || /^(1|true|yes)$/i.test(process.env.CALLBELL_DEMO_NO_EDITOR || '');
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.CALLBELL_SANDBOX_PORT || 4010);

const TOTAL_STEPS = NO_EDITOR ? 5 : 6;
const SEED_ADA = require('../test/sandbox').SEED.contacts.ada.uuid;
const t0 = Date.now();

// ---------------------------------------------------------------------------------------------
// Output helpers

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function say(line = '') {
  console.log(line);
}

let stepNo = 0;
async function step(title, fn) {
  stepNo += 1;
  say(`\n▶ [${stepNo}/${TOTAL_STEPS}] ${title}`);
  const started = Date.now();
  const value = await fn();
  say(`✔ [${stepNo}/${TOTAL_STEPS}] done in ${secs(Date.now() - started)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Shutdown: everything we start registers a cleanup; Ctrl-C / SIGTERM runs them in reverse.

const cleanups = [];
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`  (cleanup: ${err.message})`);
    }
  }
  process.exit(code);
}

let firstSignalAt = 0;
function onSignal(signal) {
  if (shuttingDown) {
    // Under `npm start`, one Ctrl-C arrives twice (from the terminal and forwarded by npm).
    if (Date.now() - firstSignalAt < 1500) return;
    say(`\n${signal} again: killing n8n now.`);
    killAllNow();
    process.exit(130);
  }
  firstSignalAt = Date.now();
  say(`\n${signal}: stopping… (press Ctrl-C again to kill n8n at once)`);
  shutdown(signal === 'SIGINT' ? 130 : 143);
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGHUP', () => onSignal('SIGHUP'));

// ---------------------------------------------------------------------------------------------
// Steps

function npmCommand(args) {
  // Under `npm start` use the same npm; otherwise the one on PATH.
  const npmCli = process.env.npm_execpath;
  if (npmCli && npmCli.endsWith('.js')) return [process.execPath, [npmCli, ...args]];
  return ['npm', args];
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${[cmd, ...args].join(' ')} failed (exit ${code}${signal ? `, ${signal}` : ''})`)),
    );
  });
}

async function buildPackage() {
  if (SKIP_BUILD) {
    say('  --skip-build: using the existing dist/');
    if (!fs.existsSync(PACKAGE_ENTRY)) throw new Error(`${path.relative(ROOT, PACKAGE_ENTRY)} is missing; run without --skip-build`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
    say('  node_modules is missing: npm ci');
    await run(...npmCommand(['ci']));
  }
  say('  npm run build');
  await run(...npmCommand(['run', 'build']));
  if (!fs.existsSync(PACKAGE_ENTRY)) throw new Error(`the build did not produce ${path.relative(ROOT, PACKAGE_ENTRY)}`);
}

async function startSandbox() {
  const sb = await startSeededSandbox(SANDBOX_PORT, { webhookSecret: WEBHOOK_SECRET });
  cleanups.push(async () => {
    await sb.close();
    say('  sandbox stopped');
  });
  say(`  Callbell sandbox: ${sb.url} (token "${SANDBOX_TOKEN}")`);
  return sb;
}

async function prepareDemoFolder(sb) {
  const { target, timings } = await prepareUserFolder(DEMO_DIR, { sandboxUrl: sb.url, webhookSecret: WEBHOOK_SECRET });
  say(`  user folder ${path.relative(ROOT, DEMO_DIR)}/ (package installed at ${path.relative(ROOT, target)}, as n8n's community install does)`);
  say(`  credential "${CREDENTIAL.name}" imported (${secs(timings.credentialsMs)})`);
  const wf = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
  say(`  workflow "${wf.name}" (${wf.id}) and the other examples/ imported (${secs(timings.workflowsMs)})`);
  if (!NO_EDITOR) {
    const trigger = JSON.parse(fs.readFileSync(TRIGGER_WORKFLOW_FILE, 'utf8'));
    await activateWorkflow(DEMO_DIR, trigger.id);
    say(`  workflow "${trigger.name}" (${trigger.id}) published: n8n subscribes it to the sandbox's webhook when it starts`);
  }
  return wf;
}

/** The contact uuids the demo touches: the 32-hex ids in its Code node. */
function demoContactIds(wf) {
  const code = wf.nodes.map((n) => (n.parameters && n.parameters.jsCode) || '').join('\n');
  return [...new Set(code.match(/\b[0-9a-f]{32}\b/g) || [])];
}

/** The fields the demo changes, flattened for a before/after table (custom fields as "cf:<name>"). */
function contactSummary(sb, uuid) {
  const c = sb.getContact(uuid);
  if (!c) return undefined;
  const record = sb.state && sb.state.contacts && sb.state.contacts.get ? sb.state.contacts.get(uuid) : undefined;
  const out = {
    name: c.name,
    tags: (c.tags || []).join(', '),
    assignedUser: c.assignedUser,
    team: c.team ? c.team.name : c.team,
    bot: record && record.bot ? record.bot.status : undefined,
    note: c.note,
  };
  for (const [k, v] of Object.entries(c.customFields || {})) out[`cf:${k}`] = v;
  return out;
}

function show(v) {
  if (v === undefined || v === null || v === '') return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function printBefore(before) {
  say('  contacts before the run (sandbox seed):');
  for (const [uuid, s] of Object.entries(before)) {
    if (!s) {
      say(`    ${uuid}  (not in the sandbox)`);
      continue;
    }
    say(`    ${s.name || '(no name)'}  [${uuid}]`);
    for (const [k, v] of Object.entries(s)) if (k !== 'name') say(`      ${k.padEnd(20)} ${show(v)}`);
  }
}

function printAfter(before, after) {
  say('  contacts after the run (changes marked →):');
  for (const [uuid, b] of Object.entries(before)) {
    const a = after[uuid];
    if (!a || !b) {
      say(`    ${uuid}  (not in the sandbox)`);
      continue;
    }
    say(`    ${a.name || '(no name)'}  [${uuid}]`);
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const same = [];
    for (const k of keys) {
      if (JSON.stringify(b[k]) === JSON.stringify(a[k])) same.push(k);
      else say(`      ${k.padEnd(20)} ${show(b[k])} → ${show(a[k])}`);
    }
    if (same.length) say(`      unchanged: ${same.join(', ')}`);
  }
}

/** The Callbell node's output items from `n8n execute --rawOutput` run data. */
function nodeRuns(data, nodeName) {
  const runData = data && data.data && data.data.resultData && data.data.resultData.runData;
  return (runData && runData[nodeName]) || [];
}

function runError(data) {
  const err = data && data.data && data.data.resultData && data.data.resultData.error;
  if (!err) return undefined;
  return [err.message, err.description].filter(Boolean).join(' — ');
}

async function runDemo(sb, wf) {
  const ids = demoContactIds(wf);
  const before = Object.fromEntries(ids.map((id) => [id, contactSummary(sb, id)]));
  printBefore(before);
  const callbellNode = wf.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbell');
  const firstRequest = sb.requests.length;
  say(`  n8n execute --id=${wf.id} --rawOutput …`);
  const res = await executeWorkflow(DEMO_DIR, wf.id);
  say(`  n8n execute finished in ${secs(res.ms)} (${res.signal ? `killed by ${res.signal}` : `exit ${res.exitCode}`})`);
  if (res.crashedOnExit) {
    say('  (n8n crashed while exiting after the run was stored — a known isolated-vm teardown crash on');
    say('   Node 24; the run data above it is complete)');
  }
  const calls = sb.requests.slice(firstRequest).map((r) => `${r.method} ${r.path} → ${r.status}`);
  say(`  sandbox saw ${calls.length} API call(s)${calls.length ? ':' : ''}`);
  for (const c of calls) say(`    ${c}`);
  const runs = callbellNode ? nodeRuns(res.data, callbellNode.name) : [];
  const items = runs.flatMap((r) => (r.data && r.data.main && r.data.main[0]) || []);
  const error = runError(res.data) || (runs.find((r) => r.error) || {}).error?.message;
  printAfter(before, Object.fromEntries(ids.map((id) => [id, contactSummary(sb, id)])));
  if (!res.ok || error) {
    say(`  ✖ the demo run failed: ${error || `exit code ${res.exitCode}, no run data`}`);
    const tail = `${res.stderr}\n${res.stdout}`.trim().split('\n').slice(-25).join('\n');
    if (tail) say(tail.replace(/^/gm, '    | '));
    return false;
  }
  say(`  ✔ "${callbellNode.name}" returned ${items.length} item(s)`);
  return true;
}

const DEMO_SANDBOX = { sb: null };

/** Waits for the published trigger's subscription, then prints every webhook delivery the sandbox makes. */
async function watchTriggerDeliveries(sb) {
  for (let i = 0; i < 150 && !sb.webhook; i++) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!sb.webhook) {
    say('  ! the trigger workflow did not subscribe to the sandbox webhook (see n8n\'s log above)');
    return undefined;
  }
  say(`  Callbell webhook → ${sb.webhook.url} (${sb.webhook.subscriptions.join(', ')}), signed`);
  let shown = 0;
  const timer = setInterval(() => {
    for (const a of sb.webhooks.attempts.slice(shown)) {
      const what = a.event === 'message_created' ? ` (${a.payload.status}: "${String(a.payload.text).slice(0, 40)}")` : '';
      say(`    webhook ${a.event}${what} → ${a.status ?? a.error}`);
    }
    shown = sb.webhooks.attempts.length;
  }, 500);
  timer.unref();
  cleanups.push(() => clearInterval(timer));
  return sb.webhook.url;
}

async function serveEditor() {
  const n8n = startEditorN8n(DEMO_DIR, {
    port: N8N_PORT,
    onLine: (line) => {
      if (/error|warn|Editor is now accessible|Version:/i.test(line)) say(`    n8n | ${line}`);
    },
  });
  cleanups.push(async () => {
    say('  stopping n8n…');
    const { code, signal } = await n8n.stop();
    say(`  n8n stopped (exit ${code}${signal ? `, ${signal}` : ''})`);
  });
  const readyMs = await n8n.ready;
  say(`  n8n ready after ${secs(readyMs)}`);
  try {
    const owner = await setupOwner(`http://127.0.0.1:${N8N_PORT}`, OWNER);
    say(`  owner account ${owner.created ? 'created' : 'already set up; login checked'}`);
  } catch (err) {
    // e.g. the password was changed in the editor: n8n keeps running, the login is the user's own.
    say(`  ! could not set up or log in as ${OWNER.email}: ${err.message}`);
    say(`    (changed the password? delete ${path.relative(ROOT, DEMO_DIR)}/ to start over with the demo login)`);
  }
  n8n.triggerUrl = await watchTriggerDeliveries(DEMO_SANDBOX.sb);
  n8n.exited.then(({ code, signal }) => {
    if (!shuttingDown) {
      console.error(`\nn8n exited unexpectedly (code ${code}, signal ${signal}); last log lines:\n${n8n.log.slice(-20).join('\n')}`);
      shutdown(1);
    }
  });
  return n8n;
}

async function main() {
  say(`n8n-nodes-callbell demo — real n8n ${N8N_VERSION} against the local Callbell sandbox`);
  await step('Build the package', buildPackage);
  await step(`Real n8n ${N8N_VERSION} runtime`, () => ensureN8n({ log: (l) => say(`  ${l}`) }));
  const sb = await step('Start the Callbell sandbox', startSandbox);
  DEMO_SANDBOX.sb = sb;
  const wf = await step('Prepare the n8n user folder', () => prepareDemoFolder(sb));
  const ok = await step('Run the demo workflow once (headless)', () => runDemo(sb, wf));

  if (NO_EDITOR) {
    say(`\n${ok ? '✔ demo run OK' : '✖ demo run FAILED'} (${secs(Date.now() - t0)} in total); --no-editor: stopping.`);
    await shutdown(ok ? 0 : 1);
    return;
  }

  const n8n = await step(`Start the n8n editor on port ${N8N_PORT}`, serveEditor);
  const trigger = JSON.parse(fs.readFileSync(TRIGGER_WORKFLOW_FILE, 'utf8'));
  say('');
  say('────────────────────────────────────────────────────────────');
  say(`  n8n editor:  http://localhost:${N8N_PORT}/workflow/${wf.id}`);
  say(`  login:       ${OWNER.email} / ${OWNER.password}   (local demo account)`);
  say(`  credential:  "${CREDENTIAL.name}" → ${sb.url}`);
  say(`  sandbox:     ${sb.origin}/__sandbox/state  (fresh seed on every start)`);
  say('');
  say(`  Callbell Trigger demo: "${trigger.name}" is published`);
  say(`    workflow:  http://localhost:${N8N_PORT}/workflow/${trigger.id}`);
  if (n8n.triggerUrl) say(`    listens:   ${n8n.triggerUrl} (the sandbox signs every delivery)`);
  say('    Send it a WhatsApp message from Ada Lovelace, in another terminal:');
  say(`      npm run sandbox -- --inbound "Hello, do you ship to Lisbon?" --port ${SANDBOX_PORT}`);
  say(`    (or: curl -X POST ${sb.origin}/__sandbox/inbound -H 'Content-Type: application/json' \\`);
  say(`           -d '{"contact_uuid":"${SEED_ADA}","text":"Hello"}')`);
  say('    The workflow tags her as Lead and replies; see its run under Executions, and the reply in');
  say(`    ${sb.origin}/__sandbox/messages. Its own reply starts nothing (Direction: Incoming Only).`);
  if (!ok) say('  note: the headless demo run failed (see above).');
  say('  Press Ctrl-C to stop n8n and the sandbox.');
  say('────────────────────────────────────────────────────────────');
}

main().catch(async (err) => {
  console.error(`\n✖ ${err.message}`);
  await shutdown(1);
});
