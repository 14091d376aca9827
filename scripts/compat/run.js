#!/usr/bin/env node
'use strict';

/**
 * `npm run test:compat`: the package on the older n8n versions people self-host.
 *
 *   1. installs, once, each runtime of COMPAT_RUNTIMES (n8n 1.123.81 on Node 22, n8n 2.8.4 on
 *      Node 20) into its git-ignored folder (scripts/lib/n8n-runtime.js; later runs only check);
 *   2. runs the WHOLE end-to-end suite (jest -c jest.e2e.config.js: every example workflow, the
 *      credential test, whatever e2e tests exist) once per runtime, with CALLBELL_N8N_RUNTIME
 *      naming it, so the tests themselves are the same as `npm run test:e2e` on 2.41.1;
 *   3. the Callbell Trigger suite (jest -c jest.trigger.config.js: publish, signed deliveries,
 *      duplicates, the refused test listen) once per runtime, the same way;
 *   4. the node's form in the oldest runtime's editor (scripts/ui/compat.js).
 *
 * Flags: --runtime=<name> (only that one), --no-editor, --no-e2e, --no-trigger. Extra arguments after `--` go
 * to jest. Prints each phase's time; exits 1 when anything failed (after running the rest).
 */

const path = require('path');
const { spawn } = require('child_process');

const { ensureN8n } = require('../lib/n8n-runtime');

const ROOT = path.resolve(__dirname, '..', '..');
const COMPAT_RUNTIMES = ['1.123.81', '2.8.4'];
const jestBin = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const OLDEST = '1.123.81';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const only = (args.find((a) => a.startsWith('--runtime=')) || '').slice('--runtime='.length);
const jestArgs = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const runtimes = only ? [only] : COMPAT_RUNTIMES;

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (line = '') => console.log(line);

function run(cmd, cmdArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      resolve(code === 0 ? 0 : code || (signal ? 1 : 0));
    });
  });
}

async function main() {
  const t0 = Date.now();
  const timings = [];
  const failed = [];

  for (const runtime of runtimes) {
    const t = Date.now();
    const rt = await ensureN8n({ runtime, log: (line) => say(`  ${line}`) });
    timings.push([`install/check n8n ${rt.version} on Node ${rt.nodeVersion}${rt.installed ? ' (installed now)' : ''}`, Date.now() - t]);
  }

  if (!flag('--no-e2e')) {
    for (const runtime of runtimes) {
      say(`\n== end-to-end suite on n8n ${runtime} (CALLBELL_N8N_RUNTIME=${runtime} jest -c jest.e2e.config.js)`);
      const t = Date.now();
      const code = await run(process.execPath, [jestBin, '-c', 'jest.e2e.config.js', ...jestArgs], { CALLBELL_N8N_RUNTIME: runtime });
      timings.push([`e2e suite on n8n ${runtime}${code ? ' FAILED' : ''}`, Date.now() - t]);
      if (code) failed.push(`e2e on n8n ${runtime}`);
    }
  }
  if (!flag('--no-trigger')) {
    for (const runtime of runtimes) {
      say(`\n== Callbell Trigger suite on n8n ${runtime} (CALLBELL_N8N_RUNTIME=${runtime} jest -c jest.trigger.config.js)`);
      const t = Date.now();
      const code = await run(process.execPath, [jestBin, '-c', 'jest.trigger.config.js', ...jestArgs], { CALLBELL_N8N_RUNTIME: runtime });
      timings.push([`trigger suite on n8n ${runtime}${code ? ' FAILED' : ''}`, Date.now() - t]);
      if (code) failed.push(`trigger on n8n ${runtime}`);
    }
  }

  if (!flag('--no-editor') && runtimes.includes(OLDEST)) {
    say(`\n== the node's form and pickers in n8n ${OLDEST}'s editor (scripts/ui/compat.js)`);
    const t = Date.now();
    const code = await run(process.execPath, [path.join(ROOT, 'scripts', 'ui', 'compat.js')], { CALLBELL_N8N_RUNTIME: OLDEST });
    timings.push([`editor check on n8n ${OLDEST}${code ? ' FAILED' : ''}`, Date.now() - t]);
    if (code) failed.push(`editor on n8n ${OLDEST}`);
  }

  say('\n== test:compat timings');
  for (const [what, ms] of timings) say(`  ${what.padEnd(70)} ${secs(ms).padStart(8)}`);
  say(`  ${'total'.padEnd(70)} ${secs(Date.now() - t0).padStart(8)}`);
  if (failed.length) {
    say(`\n✖ failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  say(`\n✔ n8n ${runtimes.join(' and ')}: all green`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
