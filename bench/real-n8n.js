'use strict';

/**
 * Real n8n 2.41.1 (Node 24, .n8n-runtime/) for the benchmark, in the git-ignored user folder
 * .bench/n8n/: the packed package installed as n8n's community install does
 * (scripts/lib/community-install.js), the two credentials imported, the workflows imported, and
 * each workflow run headlessly with `n8n execute --id=<id> --rawOutput`.
 *
 * The run data of 5,000 items is tens of MB; n8n exits right after printing it, which cuts a piped
 * stdout short. So `n8n execute` writes into a file here (file writes are synchronous), which is
 * then parsed like scripts/lib/n8n-instance.js's executeWorkflow does.
 */

const fs = require('fs');
const path = require('path');

const { spawn } = require('child_process');

const { ensureN8n, n8nEnv, paths } = require('../scripts/lib/n8n-runtime');
const { installPackedPackage } = require('../scripts/lib/community-install');
const { importCredentials, importWorkflow, parseRawOutput, freePort } = require('../scripts/lib/n8n-instance');
const { CALLBELL_CREDENTIAL, CALLBELL_TLS_CREDENTIAL, CALLBELL_READ_CREDENTIAL, HEADER_CREDENTIAL } = require('./workflows');
const { REPO_ROOT } = require('./machine');

const USER_FOLDER = path.join(REPO_ROOT, '.bench', 'n8n');
const WORKFLOW_DIR = path.join(REPO_ROOT, '.bench', 'workflows');
const OUTPUT_DIR = path.join(REPO_ROOT, '.bench', 'n8n-output');

/** `n8n execute` processes still running: killed (their process group) if the bench exits early. */
const running = new Set();
const killGroupOf = (child) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
};
process.once('exit', () => running.forEach(killGroupOf));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    running.forEach(killGroupOf);
    process.exit(130);
  });
}

/**
 * A fresh user folder with the package and the credentials (the token is sent as a header):
 * Callbell to `sandboxUrl`, and to `tlsUrl` (the HTTPS relay) when given.
 */
async function prepareN8n({ sandboxUrl, tlsUrl, readUrl, token, log = () => {} }) {
  await ensureN8n({ log });
  fs.rmSync(USER_FOLDER, { recursive: true, force: true });
  fs.mkdirSync(USER_FOLDER, { recursive: true });
  const installed = installPackedPackage(USER_FOLDER);
  await importCredentials(USER_FOLDER, [
    { ...CALLBELL_CREDENTIAL, type: 'callbellApi', data: { apiToken: token, baseUrl: sandboxUrl } },
    { ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
    ...(tlsUrl ? [{ ...CALLBELL_TLS_CREDENTIAL, type: 'callbellApi', data: { apiToken: token, baseUrl: tlsUrl } }] : []),
    ...(readUrl ? [{ ...CALLBELL_READ_CREDENTIAL, type: 'callbellApi', data: { apiToken: token, baseUrl: readUrl } }] : []),
  ]);
  return { userFolder: USER_FOLDER, installed };
}

/** Writes the workflows to .bench/workflows/ and imports them with one `n8n import:workflow --separate`. */
async function importWorkflows(workflows) {
  fs.rmSync(WORKFLOW_DIR, { recursive: true, force: true });
  fs.mkdirSync(WORKFLOW_DIR, { recursive: true });
  for (const wf of workflows) fs.writeFileSync(path.join(WORKFLOW_DIR, `${wf.id}.json`), JSON.stringify(wf, null, 2));
  await importWorkflow(USER_FOLDER, WORKFLOW_DIR, ['--separate']);
}

/** Per-node figures from the run data: executionTime (ms), start, output and error items. */
function nodeFigures(runData, name) {
  const task = runData?.[name]?.[0];
  if (!task) return undefined;
  const items = task.data?.main?.[0] ?? [];
  return {
    executionTimeMs: task.executionTime,
    startTime: task.startTime,
    outputItems: items.length,
    errorItems: items.filter((item) => item.json && item.json.error !== undefined).length,
    error: task.error ? String(task.error.message) : undefined,
  };
}

const CLOCK_TICKS_PER_S = 100;

/** CPU time (ms, user + system) and memory (kB) of process `pid` now, from /proc; undefined once gone. */
function processNow(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { at: Date.now(), cpuMs, rssKb: kB('VmRSS'), peakRssKb: kB('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Samples n8n's main process every `everyMs` while it runs: CPU time and RSS over time, and its
 * peak RSS (VmHWM, the kernel's high-water mark; the last sample before exit holds the peak).
 */
function startProcessSampler(pid, everyMs = 100) {
  const samples = [];
  const take = () => {
    const sample = processNow(pid);
    if (sample) samples.push(sample);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** CPU ms n8n's main process spent from `fromMs` to `toMs` (epoch ms), from the samples (linear in between). */
function cpuBetween(samples, fromMs, toMs) {
  const at = (t) => {
    if (!samples.length) return NaN;
    if (t <= samples[0].at) return samples[0].cpuMs;
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1];
      const b = samples[i];
      if (t <= b.at) return a.cpuMs + ((b.cpuMs - a.cpuMs) * (t - a.at)) / Math.max(1, b.at - a.at);
    }
    return samples[samples.length - 1].cpuMs;
  };
  return at(toMs) - at(fromMs);
}

/**
 * `n8n execute --id=<id> --rawOutput` with stdout and stderr in files under .bench/n8n-output/.
 * n8n 2.41 on Node 24 may crash while exiting after a complete run (see executeWorkflow in
 * scripts/lib/n8n-instance.js); a complete, successful run still counts.
 */
async function executeToFile(id, { env = {}, timeoutMs }) {
  const { nodeBin, n8nBin } = paths();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const outFile = path.join(OUTPUT_DIR, `${id}.out.json`);
  const errFile = path.join(OUTPUT_DIR, `${id}.err.log`);
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(errFile, 'w');
  const brokerPort = await freePort(); // clear of any other n8n's task-runner broker
  const started = Date.now();
  const child = spawn(nodeBin, [n8nBin, 'execute', `--id=${id}`, '--rawOutput'], {
    cwd: USER_FOLDER,
    env: n8nEnv(USER_FOLDER, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
    stdio: ['ignore', out, err],
    detached: true,
  });
  running.add(child);
  const sampler = startProcessSampler(child.pid);
  fs.closeSync(out);
  fs.closeSync(err);
  const timer = setTimeout(() => killGroupOf(child), timeoutMs);
  const [exitCode, signal] = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, sig) => resolve([code, sig]));
  });
  clearTimeout(timer);
  const processSamples = sampler.stop();
  killGroupOf(child); // a finished CLI command must not leave its task runner behind
  running.delete(child);
  const stdout = fs.readFileSync(outFile, 'utf8');
  const data = parseRawOutput(stdout);
  const succeeded = Boolean(data && data.finished === true && data.status === 'success');
  const crashedOnExit = exitCode === null && Boolean(signal) && data !== undefined;
  return {
    ok: data !== undefined && (exitCode === 0 || (crashedOnExit && succeeded)),
    exitCode,
    signal,
    crashedOnExit,
    data,
    stdoutTail: stdout.slice(-2000),
    stderr: fs.readFileSync(errFile, 'utf8'),
    ms: Date.now() - started,
    processSamples,
  };
}

/**
 * Runs one imported workflow (`n8n execute`) and returns the figures of `nodeNames`.
 * `env` goes to n8n, e.g. { N8N_EXPRESSION_ENGINE: 'legacy' }.
 */
async function runWorkflow(id, nodeNames, { env = {}, timeoutMs = 400000 } = {}) {
  const result = await executeToFile(id, { env, timeoutMs });
  const runData = result.data?.data?.resultData?.runData ?? result.data?.resultData?.runData;
  const nodes = Object.fromEntries(nodeNames.map((name) => [name, nodeFigures(runData, name)]));
  const runError = result.data?.data?.resultData?.error ?? result.data?.resultData?.error;
  if (!result.ok || nodeNames.some((name) => !nodes[name])) {
    const tail = `${result.stderr}\n${result.stdoutTail}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `n8n execute --id=${id} did not produce the run (exit ${result.exitCode}, signal ${result.signal})` +
        `${runError ? `: ${runError.message}` : ''}\n${tail.slice(0, 3000)}`,
    );
  }
  const samples = result.processSamples;
  const peakRssKb = samples.reduce((most, sample) => Math.max(most, sample.peakRssKb || 0), 0);
  return { processWallMs: result.ms, crashedOnExit: result.crashedOnExit, nodes, samples, peakRssMb: Math.round(peakRssKb / 102.4) / 10 };
}

module.exports = { prepareN8n, importWorkflows, runWorkflow, cpuBetween, USER_FOLDER };
