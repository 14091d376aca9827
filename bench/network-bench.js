'use strict';

/**
 * The benchmark under network conditions (issue 15), real n8n only:
 *
 *   network rows   Contact → Update with node defaults against HTTP Request 4.2 doing the same
 *                  PATCH, in the SAME `n8n execute` run, over HTTPS through the relay at RTT 0, 40
 *                  and 100 ms with a server time per request and the sandbox's 300/s limit on
 *   send rows      Message → Send (POST /messages/send) against HTTP Request posting the same
 *                  template message, at 50 ms and under the network conditions (when the
 *                  package has the operation)
 *   scale rows     Contact → Update with 10,000 and 50,000 items, Get Many reading 2,000 and 10,000
 *                  contacts, plain HTTP at 20 ms: time per item and n8n's peak RSS at two sizes
 *
 * Every figure per node comes from that node's window in the run data (startTime, executionTime):
 * requests and 429s from the sandbox's log, connections from the relay's accept times, CPU time of
 * n8n's main process from /proc samples.
 */

const fs = require('fs');
const path = require('path');

const { makeCertificate, startTlsFront, startRelay } = require('./network');
const { analyzeRequests, round } = require('./sandbox');
const { runWorkflow, cpuBetween } = require('./real-n8n');
const { summarizeProfile } = require('./profile');
const { startCpuSampler, busyBefore, REPO_ROOT } = require('./machine');
const { benchItems, comparisonWorkflow, singleCallbellWorkflow, getManyWorkflow, CALLBELL_TLS_CREDENTIAL, CALLBELL_READ_CREDENTIAL } = require('./workflows');

const CONDITIONS = [
  { rttMs: 0, serverMs: 50 },
  { rttMs: 40, serverMs: 50 },
  { rttMs: 100, serverMs: 80 },
];
const CALLBELL = 'Callbell Contact Update';
const HTTP = 'HTTP Request PATCH';
const uuidOf = (entry) => entry.path.split('/')[2];

/** The HTTPS chain in front of the sandbox: certificate, TLS front, relay. */
async function startNetwork(sandbox) {
  const certificate = makeCertificate(path.join(REPO_ROOT, '.bench', 'tls'));
  const front = await startTlsFront({ key: certificate.key, cert: certificate.cert, targetPort: sandbox.sb.port });
  const relay = await startRelay({ targetPort: front.port, rttMs: 0 });
  return {
    relay,
    url: `https://127.0.0.1:${relay.port}/v1`,
    certFile: certificate.certFile,
    env: { NODE_EXTRA_CA_CERTS: certificate.certFile },
    async close() {
      await relay.close();
      await front.close();
    },
  };
}

/** Figures of one node in a finished run: its time, its requests, its connections, its CPU. */
function nodeSide({ run, name, uuids, tag, requests, sandbox, relay, method = 'PATCH', pick = (entry, set) => set.has(uuidOf(entry)) }) {
  const node = run.nodes[name];
  const from = node.startTime;
  const to = node.startTime + node.executionTimeMs;
  const set = new Set(uuids);
  const log = analyzeRequests(requests.filter((entry) => pick(entry, set)), { method, durationMs: node.executionTimeMs });
  const updated = tag ? sandbox.countUpdated(benchItems(uuids, tag)) : undefined;
  const items = uuids.length;
  const cpuMs = cpuBetween(run.samples, from, to);
  const failedItems = Math.max(updated === undefined ? 0 : items - updated, node.errorItems, items - node.outputItems);
  return {
    items,
    executionTimeMs: node.executionTimeMs,
    itemsPerSecond: round((items / node.executionTimeMs) * 1000, 1),
    sustainedRps: log.rateSteadyRps,
    requests: log.requests,
    status429: log.status429,
    pct429: log.requests ? round((log.status429 / log.requests) * 100, 2) : 0,
    byStatus: log.byStatus,
    errorItems: node.errorItems,
    updated,
    failedItems,
    connections: relay ? relay.countBetween(from - 5, to + 5) : undefined,
    peakInFlight: relay ? relay.peakOpenBetween(from, to) : undefined,
    cpuMsPerItem: round(cpuMs / items, 3),
    cpuPctOfCore: round((cpuMs / node.executionTimeMs) * 100, 0),
    ceilingItemsPerSecond: cpuMs > 0 ? Math.round((items / cpuMs) * 1000) : undefined,
  };
}

function networkWorkflows({ take, items, tlsUrl }) {
  return CONDITIONS.map((condition, index) => {
    const uuids = { callbell: take(items), http: take(items) };
    const tag = `net ${condition.rttMs}`;
    const id = `benchNetwork${String(index).padStart(4, '0')}`;
    return {
      ...condition,
      id,
      tag,
      uuids,
      workflow: comparisonWorkflow({
        id,
        callbellUuids: uuids.callbell,
        httpUuids: uuids.http,
        tag,
        sandboxUrl: tlsUrl,
        callbellOptions: {},
        callbellName: CALLBELL,
        httpName: HTTP,
        credential: CALLBELL_TLS_CREDENTIAL,
        continueOnFail: true,
      }),
    };
  });
}

async function runNetworkRow({ row, sandbox, network, rps, say }) {
  network.relay.setRtt(row.rttMs);
  network.relay.clear();
  await sandbox.configure({ latencyMs: row.serverMs, rps });
  sandbox.forgetNames([...row.uuids.callbell, ...row.uuids.http]);
  const othersBusyBeforePct = await busyBefore();
  const machine = startCpuSampler();
  const run = await runWorkflow(row.id, [CALLBELL, HTTP], { env: network.env });
  const figures = machine.stop();
  const requests = await sandbox.requests();
  const common = { run, requests, sandbox, relay: network.relay };
  const callbell = nodeSide({ ...common, name: CALLBELL, uuids: row.uuids.callbell, tag: `${row.tag} callbell` });
  const http = nodeSide({ ...common, name: HTTP, uuids: row.uuids.http, tag: `${row.tag} http` });
  const ratio = round(callbell.executionTimeMs / http.executionTimeMs, 3);
  say(
    `  RTT ${row.rttMs} ms / server ${row.serverMs} ms: Callbell ${callbell.executionTimeMs} ms (${callbell.sustainedRps} req/s sustained, ${callbell.status429} × 429, ${callbell.failedItems} failed, ${callbell.connections} connections), ` +
      `HTTP Request ${http.executionTimeMs} ms (${http.status429} × 429, ${http.failedItems} failed), ratio ${ratio} (load ${figures.loadStart[0]})`,
  );
  return {
    rttMs: row.rttMs,
    serverMs: row.serverMs,
    rps,
    callbell,
    http,
    ratio,
    peakRssMb: run.peakRssMb,
    machine: { ...figures, othersBusyBeforePct },
  };
}

/** The HTTPS profile run: our node alone over the relay at PROFILE_CONDITION, under `node --cpu-prof`. */
const PROFILE_CONDITION = { rttMs: 40, serverMs: 50 };
const PROFILE_NODE = 'Callbell over HTTPS, profiled';

function networkProfileWorkflow({ take, items }) {
  const uuids = take(items);
  return {
    id: 'benchNetProfile1',
    uuids,
    workflow: singleCallbellWorkflow({
      id: 'benchNetProfile1',
      title: 'Bench: Callbell over HTTPS, CPU profile',
      uuids,
      tag: 'net profile',
      options: {},
      nodeName: PROFILE_NODE,
      continueOnFail: true,
      credential: CALLBELL_TLS_CREDENTIAL,
    }),
  };
}

/**
 * Where n8n's main thread spends its time while our node runs over HTTPS: is the CPU or the network
 * the bound? busy ÷ the node's run = the main thread's use; busy per item × items/s is the same figure.
 */
async function runNetworkProfile({ row, sandbox, network, rps, profileDir, say }) {
  network.relay.setRtt(PROFILE_CONDITION.rttMs);
  network.relay.clear();
  await sandbox.configure({ latencyMs: PROFILE_CONDITION.serverMs, rps });
  sandbox.forgetNames(row.uuids);
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const env = { ...network.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=500` };
  const run = await runWorkflow(row.id, [PROFILE_NODE], { env });
  const node = run.nodes[PROFILE_NODE];
  const requests = await sandbox.requests();
  const side = nodeSide({ run, name: PROFILE_NODE, uuids: row.uuids, tag: 'net profile', requests, sandbox, relay: network.relay });
  for (const file of fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))) {
    const full = path.join(profileDir, file);
    try {
      const summary = summarizeProfile(JSON.parse(fs.readFileSync(full, 'utf8')), { items: row.uuids.length, onlyWhileOursRuns: true });
      const busyPct = round((summary.busyMs / summary.totalMs) * 100, 0);
      say(`  profiled: ${node.executionTimeMs} ms, main thread busy ${busyPct} % (${round(summary.busyMs / row.uuids.length, 2)} ms per item), ${side.failedItems} failed`);
      return { ...PROFILE_CONDITION, rps, file: path.relative(REPO_ROOT, full), executionTimeMs: node.executionTimeMs, side, summary, busyPct };
    } catch {
      // another process's profile (the task runner): our node is not in it
    }
  }
  return { ...PROFILE_CONDITION, executionTimeMs: node.executionTimeMs, side, error: `no profile with the node in it (n8n crashed at exit: ${run.crashedOnExit})` };
}

/** Scale: Update with `sizes` items and Get Many reading `readSizes` contacts, each its own run. */
function scaleWorkflows({ pool, sizes, readSizes }) {
  const updates = sizes.map((items, index) => ({
    kind: 'update',
    items,
    id: `benchScaleUpd${String(index).padStart(3, '0')}`,
    tag: `scale ${items}`,
    uuids: pool.slice(0, items),
  }));
  const reads = readSizes.map((items, index) => ({ kind: 'getAll', items, id: `benchScaleGet${String(index).padStart(3, '0')}` }));
  const name = (row) => (row.kind === 'update' ? `Callbell Update ${row.items}` : `Callbell Get Many ${row.items}`);
  for (const row of updates) {
    row.nodeName = name(row);
    row.workflow = singleCallbellWorkflow({
      id: row.id,
      title: `Bench: Callbell Update, ${row.items} items`,
      uuids: row.uuids,
      tag: row.tag,
      options: {},
      nodeName: row.nodeName,
      continueOnFail: true,
    });
  }
  for (const row of reads) {
    row.nodeName = name(row);
    row.workflow = getManyWorkflow({ id: row.id, limit: row.items, nodeName: row.nodeName, credential: CALLBELL_READ_CREDENTIAL });
  }
  return [...updates, ...reads];
}

/**
 * One scale row over plain HTTP (no relay): memory and linearity, not the network. Get Many reads
 * from `readSandbox` (only the contacts it needs).
 */
async function runScaleRow({ row, sandbox: mainSandbox, readSandbox, network, rps, serverMs, say }) {
  const sandbox = row.kind === 'update' ? mainSandbox : readSandbox;
  await sandbox.configure({ latencyMs: serverMs, rps });
  if (row.uuids) sandbox.forgetNames(row.uuids);
  const machine = startCpuSampler();
  const run = await runWorkflow(row.id, [row.nodeName], { env: network.env, timeoutMs: 900_000 });
  const figures = machine.stop();
  const requests = await sandbox.requests();
  const node = run.nodes[row.nodeName];
  const side =
    row.kind === 'update'
      ? nodeSide({ run, name: row.nodeName, uuids: row.uuids, tag: row.tag, requests, sandbox })
      : { ...nodeSide({ run, name: row.nodeName, uuids: [], requests, sandbox, method: 'GET', pick: (entry) => entry.path === '/contacts' }), items: row.items };
  if (row.kind !== 'update') {
    side.itemsPerSecond = round((row.items / node.executionTimeMs) * 1000, 1);
    side.outputItems = node.outputItems;
    side.failedItems = node.outputItems === row.items ? 0 : Math.abs(row.items - node.outputItems);
    side.cpuMsPerItem = round(cpuBetween(run.samples, node.startTime, node.startTime + node.executionTimeMs) / row.items, 3);
  }
  const result = {
    kind: row.kind,
    items: row.items,
    serverMs,
    ...side,
    msPerItem: round(node.executionTimeMs / row.items, 3),
    peakRssMb: run.peakRssMb,
    processWallMs: run.processWallMs,
    machine: figures,
  };
  say(`  ${row.nodeName}: ${node.executionTimeMs} ms (${result.msPerItem} ms per item), peak RSS ${run.peakRssMb} MB, failed ${result.failedItems}`);
  return result;
}

module.exports = { CONDITIONS, CALLBELL, HTTP, startNetwork, networkWorkflows, runNetworkRow, networkProfileWorkflow, runNetworkProfile, scaleWorkflows, runScaleRow, nodeSide };
