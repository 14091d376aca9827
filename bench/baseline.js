'use strict';

/**
 * The "no regression" baseline for CPU per item: the node as it was at BASELINE_COMMIT, built from
 * git into the git-ignored .bench/baseline/<commit>/ with the project's own tsc and node_modules,
 * so the engine harness can run both builds on the same machine in the same run. A figure from
 * another day (issue 15's 1.947 ms) says little on a shared 2-core machine whose speed changes
 * by tens of percent from hour to hour; the same-run ratio does not depend on that.
 */

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { REPO_ROOT } = require('./machine');

/**
 * The commit whose `npm run bench` measured 1.947 ms CPU per item (issue 15's "today");
 * BENCH_BASELINE_COMMIT compares with another one, e.g. the commit before a refactoring.
 */
const BASELINE_COMMIT = process.env.BENCH_BASELINE_COMMIT || '4b9b1cb';
const BASELINE_CPU_MS = BASELINE_COMMIT === '4b9b1cb' ? 1.947 : undefined;
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Builds the baseline once; returns its dist folder, or throws with the reason (e.g. a shallow clone). */
function buildBaseline(commit = BASELINE_COMMIT) {
  const git = (...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const sha = git('rev-parse', '--verify', `${commit}^{commit}`);
  const root = path.join(REPO_ROOT, '.bench', 'baseline', sha.slice(0, 12));
  const dist = path.join(root, 'dist');
  if (fs.existsSync(path.join(dist, 'nodes', 'Callbell', 'Callbell.node.js'))) return { sha, dist };
  fs.rmSync(root, { recursive: true, force: true });
  // The sources live here only while tsc runs: `npm run lint` (n8n-node lint) reads every node and
  // credential .ts file in the project, and the old ones point at icons that are not beside them.
  const src = path.join(root, 'src');
  fs.mkdirSync(src, { recursive: true });
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', sha, 'tsconfig.json', 'nodes', 'credentials'], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', src], { input: archive });
    // Its imports (n8n-workflow) resolve from the project's node_modules, further up. Only the .js
    // is needed: declaration files would be linted too (n8n-node lint reads every .ts, .d.ts included).
    const tscArgs = [TSC, '-p', path.join(src, 'tsconfig.json'), '--outDir', dist, '--declaration', 'false', '--declarationMap', 'false'];
    execFileSync(process.execPath, tscArgs, { cwd: src, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
  return { sha, dist };
}

const ROUNDS = 5;
/** This build / the baseline at most this counts as no regression (rounds of one build differ by a few %). */
const NO_REGRESSION_RATIO = 1.05;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * (d) against the baseline: the same items through this build and the baseline's, each in its own
 * engine worker, alternated ROUNDS times (who goes first alternates too, so a machine that slows
 * down or speeds up during the runs weighs on both); the medians and their ratio.
 */
async function cpuAgainstBaseline({ worker, startEngineWorker, engineRun, sandbox, items, say }) {
  let built;
  try {
    built = buildBaseline();
  } catch (error) {
    return { commit: BASELINE_COMMIT, error: `could not build ${BASELINE_COMMIT}: ${String(error.stderr || error.message).trim().split('\n')[0]}` };
  }
  const baselineWorker = await startEngineWorker({ nodeDist: built.dist });
  try {
    const run = async (w) => {
      await sandbox.configure({ latencyMs: 0 });
      return engineRun(w, sandbox, { items });
    };
    await run(baselineWorker); // warm-up, as the current build's worker had
    const current = [];
    const baseline = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [[worker, current], [baselineWorker, baseline]] : [[baselineWorker, baseline], [worker, current]];
      for (const [w, into] of order) into.push(await run(w));
      say(`  round ${round + 1}: this build ${current.at(-1).cpuMsPerItem.toFixed(3)} ms, ${BASELINE_COMMIT} ${baseline.at(-1).cpuMsPerItem.toFixed(3)} ms CPU per item`);
    }
    const figures = (runs) => runs.map((r) => ({ cpuMsPerItem: r.cpuMsPerItem, wallMs: r.wallMs, errorItems: r.errorItems, outputItems: r.outputItems }));
    const currentMedian = median(current.map((r) => r.cpuMsPerItem));
    const baselineMedian = median(baseline.map((r) => r.cpuMsPerItem));
    const ratio = currentMedian / baselineMedian;
    const baselineErrors = baseline.reduce((sum, r) => sum + r.errorItems + (items.length - r.outputItems), 0);
    return {
      commit: BASELINE_COMMIT,
      sha: built.sha,
      measuredThen: BASELINE_CPU_MS,
      items: items.length,
      rounds: ROUNDS,
      current: figures(current),
      baseline: figures(baseline),
      currentMedian,
      baselineMedian,
      ratio,
      baselineErrors,
      limit: NO_REGRESSION_RATIO,
      noRegression: ratio <= NO_REGRESSION_RATIO && baselineErrors === 0,
    };
  } finally {
    await baselineWorker.stop();
  }
}

module.exports = { BASELINE_COMMIT, BASELINE_CPU_MS, buildBaseline, cpuAgainstBaseline };
