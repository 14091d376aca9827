'use strict';

/**
 * Child process of bench/engine.js: runs the built Callbell node (dist/) through the engine
 * harness (test/harness/engine.ts, compiled by bench/tsconfig.json into .bench/harness/), i.e.
 * n8n-core's real WorkflowExecute, against the sandbox that lives in the parent process. The
 * sandbox's CPU is therefore not in this process's process.cpuUsage().
 *
 * Messages in:  { id, items, parameters, credentials, continueOnFail?, profileFile? }
 * Messages out: { id, wallMs, cpuUserMs, cpuSystemMs, nodeExecutionMs, outputItems, errorItems, error? }
 * With profileFile, the V8 CPU profiler (the one behind `node --cpu-prof`) records just that run
 * and the .cpuprofile is written there (open it in Chrome DevTools → Performance).
 */

const fs = require('fs');
const path = require('path');
const inspector = require('inspector');

const REPO_ROOT = path.resolve(__dirname, '..');
const { runCallbellNode } = require(path.join(REPO_ROOT, '.bench', 'harness', 'test', 'harness', 'engine.js'));
// BENCH_NODE_DIST: another build of the node (bench/baseline.js builds an earlier commit's) to measure side by side.
const NODE_DIST = process.env.BENCH_NODE_DIST || path.join(REPO_ROOT, 'dist');
const { Callbell } = require(path.join(NODE_DIST, 'nodes', 'Callbell', 'Callbell.node.js'));

const nodeType = new Callbell();

function profilerSession() {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  return { post, close: () => session.disconnect() };
}

async function runOnce(message) {
  let profiler;
  if (message.profileFile) {
    profiler = profilerSession();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 250 }); // µs
    await profiler.post('Profiler.start');
  }
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await runCallbellNode({
    parameters: message.parameters,
    items: message.items,
    credentials: message.credentials,
    continueOnFail: message.continueOnFail ?? false,
    nodeType,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.close();
    fs.mkdirSync(path.dirname(message.profileFile), { recursive: true });
    fs.writeFileSync(message.profileFile, JSON.stringify(profile));
  }
  const task = result.run?.data.resultData.runData.Callbell?.[0];
  const output = result.output ?? [];
  return {
    id: message.id,
    wallMs,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    nodeExecutionMs: task?.executionTime,
    outputItems: output.length,
    errorItems: output.filter((item) => item.json && item.json.error !== undefined).length,
    error: result.error ? String(result.error.message ?? result.error) : undefined,
  };
}

process.on('message', (message) => {
  runOnce(message).then(
    (reply) => process.send(reply),
    (error) => process.send({ id: message.id, error: String(error?.stack ?? error) }),
  );
});
process.send({ ready: true });
