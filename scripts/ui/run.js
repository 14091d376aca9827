#!/usr/bin/env node
'use strict';

/**
 * `npm run test:ui`: the Callbell node as a user sees it, in n8n's real editor in headless Chromium.
 *
 *   sandbox http://127.0.0.1:4020/v1 · n8n http://localhost:5690 (task-runner broker 5691)
 *   user folder .ui/n8n-user/ (kept between runs: the owner is created once, then signed in)
 *   browser profile .ui/chromium/ (fresh every run) · screenshots .screenshots/ui/
 *
 * Every step prints its timing and leaves a screenshot; a failing step leaves `NN-…-FAILED.png`,
 * names the step and exits 1. At the end: total run time and peak memory (RSS of this process
 * with the sandbox, n8n and its task runner, Chromium). Everything started is stopped on exit.
 * Env: UI_SANDBOX_PORT (4020), UI_N8N_PORT (5690), CHROMIUM_PATH (/usr/bin/chromium).
 * Flags: --fresh deletes .ui/n8n-user first (the owner is then created again).
 */

const fs = require('fs');
const path = require('path');

const { ensureN8n, N8N_VERSION } = require('../lib/n8n-runtime');
const { killAllNow } = require('../lib/n8n-instance');
const { startSandbox, prepareUserFolder, startEditorN8n } = require('../lib/demo-setup');
const { ensureChromium, launchHeadless } = require('./chromium');
const { startMemorySampler, mib } = require('./memory');
const { createStepRunner, StepError, secs } = require('./steps');
const { createEditor, WAIT_MS } = require('./editor');
const { runScenario } = require('./scenario');
const { runTriggerScenario } = require('./trigger-scenario');
const { runSendScenario } = require('./sendScenario');
const { runAiScenario } = require('./aiScenario');
const { runSendAndWaitScenario } = require('./sendAndWaitScenario');

const ROOT = path.resolve(__dirname, '..', '..');
const UI_DIR = path.join(ROOT, '.ui');
const USER_FOLDER = path.join(UI_DIR, 'n8n-user');
const PROFILE_DIR = path.join(UI_DIR, 'chromium');
const SCREENSHOTS = path.join(ROOT, '.screenshots', 'ui');
const SANDBOX_PORT = Number(process.env.UI_SANDBOX_PORT || 4020);
const N8N_PORT = Number(process.env.UI_N8N_PORT || 5690);
const PACKAGE_ENTRY = path.join(ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js');

const t0 = Date.now();
const memory = startMemorySampler();
const say = (line = '') => console.log(line);
const rel = (p) => path.relative(ROOT, p);

// ---------------------------------------------------------------------------------------------
// Everything started registers a cleanup; they run in reverse order on exit, failure or signal.

const cleanups = [];
let finishing = false;

async function finish(code) {
  if (finishing) return;
  finishing = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`  (cleanup: ${err.message})`);
    }
  }
  const { peak, peakByKind, samples } = memory.stop();
  const parts = Object.entries(peakByKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${mib(bytes)}`)
    .join(', ');
  say(`\nrun time ${secs(Date.now() - t0)}; peak memory ${mib(peak)} RSS (${parts}; ${samples} samples every 500 ms)`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (finishing) {
      killAllNow();
      process.exit(130);
    }
    say(`\n${signal}: stopping…`);
    finish(signal === 'SIGINT' ? 130 : 143);
  });
}

// ---------------------------------------------------------------------------------------------

async function prepare() {
  say(`n8n-nodes-callbell UI test — n8n ${N8N_VERSION}'s editor in headless Chromium`);
  if (!fs.existsSync(PACKAGE_ENTRY)) throw new Error(`${rel(PACKAGE_ENTRY)} is missing: run npm run build (npm run test:ui does)`);
  let t = Date.now();
  await ensureN8n({ log: (line) => say(`  ${line}`) });
  const executablePath = ensureChromium({ log: say });
  say(`  n8n runtime and ${executablePath} ready (${secs(Date.now() - t)})`);

  t = Date.now();
  const sandbox = await startSandbox(SANDBOX_PORT, { portEnvName: 'UI_SANDBOX_PORT' });
  cleanups.push(() => sandbox.close());
  if (process.argv.includes('--fresh')) fs.rmSync(USER_FOLDER, { recursive: true, force: true });
  const { timings } = await prepareUserFolder(USER_FOLDER, { sandboxUrl: sandbox.url });
  say(`  sandbox ${sandbox.url}; user folder ${rel(USER_FOLDER)}/ with the packed package, credential and examples (${secs(Date.now() - t)}; imports ${secs(timings.credentialsMs + timings.workflowsMs)})`);

  t = Date.now();
  const n8n = startEditorN8n(USER_FOLDER, { port: N8N_PORT, portEnvName: 'UI_N8N_PORT' });
  cleanups.push(() => n8n.stop());
  await n8n.ready;
  say(`  n8n ready on ${n8n.url} (${secs(Date.now() - t)})`);

  t = Date.now();
  const { context, page } = await launchHeadless({ executablePath, profileDir: PROFILE_DIR, viewport: { width: 1440, height: 900 }, timeoutMs: WAIT_MS, cleanups });
  say(`  headless Chromium started (${secs(Date.now() - t)})`);
  return { sandbox, n8n, context, page };
}

async function main() {
  const { sandbox, page } = await prepare();
  const runner = createStepRunner({ page: () => page, dir: SCREENSHOTS, log: say });
  const scenario = {
    page,
    editor: createEditor(page),
    step: runner.step,
    shot: runner.shot,
    sandbox,
    n8nUrl: `http://localhost:${N8N_PORT}`,
    log: say,
  };
  await runScenario(scenario);
  await runSendScenario(scenario);
  await runSendAndWaitScenario(scenario);
  await runTriggerScenario(scenario);
  await runAiScenario(scenario);
  say(`\n✔ all ${runner.done.length} steps passed; screenshots in ${rel(SCREENSHOTS)}/`);
  for (const s of runner.done) say(`   ${String(s.number).padStart(2)}. ${s.title.padEnd(84)} ${secs(s.ms).padStart(7)}`);
  await finish(0);
}

main().catch(async (err) => {
  if (finishing) return; // stopped by a signal: the browser went away under the running step
  if (err instanceof StepError) {
    console.error(`\n✖ ${err.message}`);
    if (err.screenshot) console.error(`  screenshot: ${rel(err.screenshot)}`);
    const where = ((err.cause && err.cause.stack) || '').split('\n').filter((line) => /^\s+at /.test(line));
    if (where.length) console.error(where.slice(0, 4).join('\n'));
  } else {
    console.error(`\n✖ ${err && err.stack ? err.stack : err}`);
  }
  await finish(1);
});
