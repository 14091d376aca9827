'use strict';

/** Turns the benchmark's results object into the printed table and bench/RESULTS.md. */

const s = (ms) => (ms === undefined || ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const num = (value, digits = 1) => (value === undefined || value === null ? '–' : Number(value).toFixed(digits));
const load = (m) => (m ? `${m.loadStart[0]} → ${m.loadEnd[0]}` : '–');
const busy = (m) => (m ? `${m.othersBusyBeforePct === undefined ? '' : `${m.othersBusyBeforePct} % / `}${m.busyPct} %${m.stealPct === undefined ? '' : ` (stolen ${m.stealPct} %)`}` : '–');
const attemptsNote = (x) => (x.attempts > 1 ? `; best of ${x.attempts} attempts (${x.allAttempts.map((a) => a.summary).join(', ')})` : '');
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'NOT met');

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function comparisonTarget(cmp, informational) {
  const targets = `≤ 1.0 required: ${verdict(cmp.ratio <= 1)}; ≤ 0.5 aim: ${verdict(cmp.ratio <= 0.5)}`;
  if (!informational) return targets;
  const floor = pacedFloorMs(cmp.callbell.items, cmp.latencyMs);
  return `informational (issue 5's targets are on the default engine's row); the ${defaultCap()}/s cap's floor is ${s(floor)}, ours ${num(((cmp.callbell.executionTimeMs - floor) / floor) * 100, 1)} % over it`;
}

function comparisonRows(label, cmp, { informational = false } = {}) {
  if (!cmp) return [];
  const a = cmp.callbell;
  const b = cmp.http;
  return [
    [`(a) Callbell Contact → Update ${label}`, `${a.items} items, ${cmp.latencyMs} ms latency, node defaults`, `node ${s(a.executionTimeMs)} (${num(a.itemsPerSecond, 0)} items/s); ${a.log.ok} × 2xx, ${a.log.status429} × 429; ${a.updated}/${a.items} contacts updated`, '', load(cmp.machine), busy(cmp.machine)],
    [`(b) HTTP Request 4.2 PATCH ${label}`, `${b.items} items, ${cmp.latencyMs} ms latency`, `node ${s(b.executionTimeMs)} (${num(b.itemsPerSecond, 0)} items/s); ${b.log.ok} × 2xx; ${b.updated}/${b.items} contacts updated`, '', '', ''],
    [`(a)/(b) ${label}`, 'node executionTime ratio', `**${num(cmp.ratio, 2)}**${cmp.attempts ? attemptsNote(cmp) : ''}`, comparisonTarget(cmp, informational), '', ''],
  ];
}

function rateRow(label, r) {
  if (!r) return [];
  const ok = r.log.rateSteadyRps >= 270 && r.failedItems === 0;
  return [[
    `(c) ${label}`,
    `${r.items} items, sandbox limit ${r.rps} requests/s, ${r.optionsText}`,
    `steady ${num(r.log.rateSteadyRps)} req/s (per second min/median/max ${r.log.perSecond ? `${r.log.perSecond.min}/${r.log.perSecond.median}/${r.log.perSecond.max}` : '–'}), overall ${num(r.log.rateOverallRps)} req/s over ${s(r.executionTimeMs)}; ${r.log.status429} × 429; failed items ${r.failedItems} (error items ${r.errorItems}, updated ${r.updated}/${r.items})${r.attempts ? attemptsNote(r) : ''}`,
    `≥ 270 req/s and 0 failed: ${verdict(ok)}`,
    load(r.machine),
    busy(r.machine),
  ]];
}

function cpuRow(d) {
  if (!d) return [];
  return [[
    '(d) CPU per item, engine harness',
    `${d.items} items, 0 ms latency, node defaults, after a warm-up run`,
    `**${num(d.cpuMsPerItem, 3)} ms** per item (user ${num(d.userMsPerItem, 3)} + system ${num(d.systemMsPerItem, 3)}); wall ${s(d.wallMs)} = ${num(d.itemsPerSecond, 0)} items/s${attemptsNote(d)}`,
    '',
    load(d.machine),
    busy(d.machine),
  ]];
}

function baselineRow(b) {
  if (!b) return [];
  if (b.error) return [['(d) against the baseline', `the node at ${b.commit}`, `(not measured: ${b.error})`, '', '', '']];
  const list = (runs) => runs.map((x) => num(x.cpuMsPerItem, 3)).join(', ');
  return [[
    `(d) this build against ${b.commit}, engine harness`,
    `${b.items} items as in (d), the node at ${b.commit}${b.measuredThen === undefined ? '' : ` (where ${b.measuredThen} ms was measured)`} built from git; ${b.rounds} rounds, the builds alternating`,
    `this build **${num(b.currentMedian, 3)} ms**, ${b.commit} **${num(b.baselineMedian, 3)} ms** per item (medians; rounds: ${list(b.current)} against ${list(b.baseline)}${b.baselineErrors ? `; ${b.baselineErrors} baseline items failed` : ''}): ratio **${num(b.ratio, 3)}**`,
    `no regression (ratio ≤ ${b.limit}): ${verdict(b.noRegression)}`,
    '',
    '',
  ]];
}

function mainTable(r) {
  const rows = [
    ...comparisonRows('(real n8n)', r.n8n?.comparison),
    ...comparisonRows('(real n8n, legacy expression engine)', r.n8n?.comparisonLegacy, { informational: true }),
    ...rateRow('real n8n', r.n8n?.rateLimit),
    ...rateRow('engine harness', r.engine?.rateLimit),
    ...cpuRow(r.engine?.cpu),
    ...baselineRow(r.engine?.cpuBaseline),
  ];
  return table(['Measurement', 'Setup', 'Result', 'Target', 'Load (1 min) start → end', 'Machine CPU busy: 1 s before / during (of it stolen by the host)'], rows);
}

function sweepTable(sweep, httpMs) {
  if (!sweep) return '(not run)';
  return table(
    ['options.concurrency', 'node executionTime', 'items/s', 'ratio to (b) HTTP Request', '2xx', '429', 'updated'],
    sweep.rows.map((row) => [
      row.concurrency ?? 'default',
      s(row.executionTimeMs),
      num(row.itemsPerSecond, 0),
      httpMs ? num(row.executionTimeMs / httpMs, 2) : '–',
      row.log.ok,
      row.log.status429,
      `${row.updated}/${row.items}`,
    ]),
  );
}

function engineSweepTable(sweep) {
  if (!sweep) return '(not run)';
  return table(
    ['options.concurrency', 'wall', 'items/s', 'CPU ms per item', 'CPU time / wall (over 100 %: libuv and GC threads)'],
    sweep.rows.map((row) => [row.concurrency ?? 'default', s(row.wallMs), num(row.itemsPerSecond, 0), num(row.cpuMsPerItem, 3), `${num(row.cpuPct, 0)} %`]),
  );
}

function profileSection(p, what) {
  if (!p) return '(not run)';
  if (p.error) return `(no profile: ${p.error})`;
  const { summary } = p;
  return [
    `${summary.items} items at 0 ms latency, ${what}; ${num(summary.busyMs, 0)} ms busy of ${num(summary.totalMs, 0)} ms${p.executionTimeMs ? ` (node executionTime under the profiler ${s(p.executionTimeMs)})` : ''}. Profile: \`${p.file}\` (Chrome DevTools → Performance → Load profile).`,
    '',
    'Self time by area (a script-less native frame such as JSON.stringify counts for its caller\'s area):',
    '',
    table(['Area', 'ms', '% of busy', 'µs per item'], summary.areas.map((a) => [a.area, num(a.ms, 0), a.pctOfBusy === null ? '–' : `${a.pctOfBusy} %`, num(a.usPerItem)])),
    '',
    'Inclusive time of key functions (callees included, nested rows overlap; synchronous stacks only, so an async function counts until its first `await`):',
    '',
    table(['Function', 'ms', 'µs per item'], summary.inclusive.filter((f) => f.ms > 0).map((f) => [f.label, num(f.ms, 0), num(f.usPerItem)])),
    '',
    'Top self-time functions:',
    '',
    table(['Function', 'Where', 'Area', 'ms', 'µs per item'], summary.functions.slice(0, 15).map((f) => [`\`${f.function}\``, `\`${f.where}\``, f.area, num(f.ms, 1), num(f.usPerItem)])),
  ].join('\n');
}

const areaUs = (summary, pattern) => summary.areas.filter((a) => pattern.test(a.area)).reduce((sum, a) => sum + a.usPerItem, 0);
const inclusiveUs = (summary, name) => summary.inclusive.find((f) => f.name === name)?.usPerItem ?? 0;

/** Statements computed from the figures (so they stay true when the benchmark is re-run). */
function readingNotes(r) {
  const notes = [];
  const cmp = r.n8n?.comparison;
  if (cmp) {
    const { DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS_PER_SECOND, CALLBELL_RATE_LIMIT } = require('../dist/nodes/Callbell/transport/runSettings');
    const atCapMs = (cmp.callbell.items / DEFAULT_MAX_REQUESTS_PER_SECOND) * 1000;
    const halfMs = cmp.http.executionTimeMs / 2;
    const neededRps = cmp.callbell.items / (halfMs / 1000);
    const concurrency = DEFAULT_CONCURRENCY === 0 ? 'Concurrency Auto (the default) keeps as many items in flight as the cap and the observed latency need, so the waiting does not bound the run;' : `with the default Concurrency of ${DEFAULT_CONCURRENCY} the waiting alone takes at least ${s((cmp.callbell.items * cmp.latencyMs) / DEFAULT_CONCURRENCY)};`;
    notes.push(`(a)/(b) = ${num(cmp.ratio, 2)}: with its defaults our node took ${s(cmp.callbell.executionTimeMs)} for ${cmp.callbell.items} items at ${cmp.latencyMs} ms, HTTP Request 4.2 took ${s(cmp.http.executionTimeMs)} (it starts every item's request at once). ${concurrency} the default cap of ${DEFAULT_MAX_REQUESTS_PER_SECOND} requests/s means at least ${s(atCapMs)}: the cap, kept under Callbell's ${CALLBELL_RATE_LIMIT}/s, is what bounds the run. The ≤ 0.5 aim would mean ${s(halfMs)}, i.e. ${num(neededRps, 0)} requests/s, more than Callbell accepts from one account.`);
  }
  const legacy = r.n8n?.comparisonLegacy;
  if (cmp && legacy) {
    notes.push(`The expression engine: with N8N_EXPRESSION_ENGINE=legacy our node took ${s(legacy.callbell.executionTimeMs)} (VM engine: ${s(cmp.callbell.executionTimeMs)}), HTTP Request ${s(legacy.http.executionTimeMs)} (VM engine: ${s(cmp.http.executionTimeMs)}).`);
  }
  const real = r.n8n?.profile?.summary;
  if (real) {
    const busyPerItem = real.busyMs / real.items;
    const expression = areaUs(real, /^expression/);
    notes.push(`In real n8n our node keeps n8n's process busy ${num(busyPerItem, 2)} ms per item at 0 ms latency under the profiler (which slows it down; node executionTime ${s(r.n8n.profile.executionTimeMs)} for ${real.items} items): expression evaluation ${num(expression / 1000, 2)} ms (${num((expression / 1000 / busyPerItem) * 100, 0)} %), the HTTP client ${num(areaUs(real, /^HTTP client/) / 1000, 2)} ms, SQLite ${num(areaUs(real, /^database/) / 1000, 2)} ms and credential decryption ${num(areaUs(real, /^credential decryption/) / 1000, 2)} ms; our package's own code ${num(areaUs(real, /^our node/) / 1000, 3)} ms.`);
    const db = real.databaseCallersMs ?? {};
    const dbKnown = (db.credentials ?? 0) + (db.other ?? 0);
    notes.push(`The credential: our node reads and decrypts it once per execution and hands it to httpRequestWithAuthentication, which would otherwise load it per request (a SQLite read, then decryptV2): SQLite ${num(areaUs(real, /^database/) / 1000, 2)} ms + decryption ${num(areaUs(real, /^credential decryption/) / 1000, 2)} ms + CredentialsHelper ${num(areaUs(real, /^credentials \(n8n CredentialsHelper/) / 1000, 2)} ms per item remain (of the SQLite samples whose stack names a caller, ${dbKnown ? num(((db.credentials ?? 0) / dbKnown) * 100, 0) : '–'} % are credential loads, ${num(db.unknown, 0)} ms of SQLite time has no n8n caller on its stack). n8n still calls the credential's \`authenticate\` for every request: ${num(inclusiveUs(real, 'authenticate') / 1000, 2)} ms per item (a function since issue 15; as the generic \`=Bearer {{$credentials.apiToken}}\` expression it cost 0.58 ms per item).`);
    notes.push(`One n8n process runs JavaScript on one core, so at ${num(busyPerItem, 2)} ms per item it cannot exceed about ${num(1000 / busyPerItem, 0)} items/s on this CPU whatever the concurrency; 270 requests/s needs at most ${num(1000 / 270, 2)} ms per item.`);
  }
  const engineProfile = r.engine?.profile?.summary;
  const d = r.engine?.cpu;
  if (engineProfile && d) {
    notes.push(`Engine harness (legacy expression engine, no database, credential handed over decrypted): ${num(d.cpuMsPerItem, 3)} ms CPU per item; expression evaluation ${num(areaUs(engineProfile, /^expression/) / 1000, 3)} ms, HTTP client ${num(areaUs(engineProfile, /^HTTP client/) / 1000, 3)} ms, our package's code ${num(areaUs(engineProfile, /^our node/) / 1000, 3)} ms per item.`);
  }
  const es = r.engine?.sweep;
  if (es) {
    const top = es.rows.reduce((a, b) => (b.itemsPerSecond > a.itemsPerSecond ? b : a));
    notes.push(`At 0 ms latency the engine run peaks at ${num(top.itemsPerSecond, 0)} items/s (concurrency ${top.concurrency ?? 'default'}), its CPU time ${num(top.cpuPct, 0)} % of the wall time (one core is 100 %; libuv and GC threads add a little): the CPU, not the waiting, is the limit there. The sandbox runs in the bench process, on the other core.`);
  }
  const sweep = r.n8n?.sweep;
  if (sweep) {
    const best = Math.min(...sweep.rows.map((row) => row.executionTimeMs));
    const pick = sweep.rows.find((row) => row.executionTimeMs <= best * 1.1);
    notes.push(`Sweep: the smallest concurrency within 10 % of the fastest (${s(best)}) is ${pick.concurrency} (${s(pick.executionTimeMs)}). Below it the node waits (items × ${sweep.latencyMs} ms / concurrency); above it n8n's per-item CPU work is the limit, so more concurrency buys little.`);
  }
  if (d && es) {
    const uncapped = es.rows.filter((row) => row.concurrency !== undefined).map((row) => row.cpuMsPerItem);
    notes.push(`(d) runs with the default options, so its requests are paced at ${'≤'} 290 per second; the same items without the cap (engine sweep) cost ${num(Math.min(...uncapped), 3)}–${num(Math.max(...uncapped), 3)} ms CPU per item: the pacing itself (a timer and an idle event loop between requests) adds a few tenths of a millisecond per item.`);
  }
  for (const [label, rate] of [['real n8n', r.n8n?.rateLimit], ['engine harness', r.engine?.rateLimit]]) {
    if (!rate) continue;
    notes.push(`(c) ${label}: ${rate.log.ok} of ${rate.log.requests} PATCH requests answered 2xx, ${rate.log.status429} answered 429; steady ${num(rate.log.rateSteadyRps)} requests/s against a limit of ${rate.rps}; ${rate.failedItems} items failed.`);
  }
  return notes;
}

function machineSection(r) {
  const m = r.machine;
  const v = m.versions;
  return [
    `- Date: ${r.date}; total benchmark time ${s(r.totalMs)}`,
    `- Machine: \`nproc\` = ${m.nproc}, ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Load average (1/5/15 min) at start: ${r.loadStart.join(' / ')}; at end: ${r.loadEnd.join(' / ')} (other agents share this machine)`,
    `- Real n8n: n8n ${v.n8n ?? 'not installed'}, n8n-core ${v.n8nCore ?? '–'}, Node ${r.n8nNodeVersion ?? v.n8nNode} (.n8n-runtime/), SQLite, \`n8n execute\`, default expression engine unless noted`,
    `- Engine harness: n8n-core ${v.harnessN8nCore}, n8n-workflow ${v.harnessN8nWorkflow}, Node ${m.benchNode}, legacy expression engine (the harness does not start the VM engine)`,
    `- Package: n8n-nodes-callbell ${v.package}, git ${r.git}`,
  ].join('\n');
}

function commandsSection(r) {
  return ['```sh', ...r.commands, '```'].join('\n');
}

const { networkSection, networkProfileSection, sendSection, scaleSection, networkNotes, defaultCap, pacedFloorMs } = require('./report-network');

function renderMarkdown(r) {
  return [
    '# Benchmark results (issues 5 and 15)',
    '',
    `Written by \`npm run bench\` (bench/run.js) on ${r.date}. Raw figures: \`.bench/results.json\` (git-ignored).${r.quick ? ' **Quick run (small N): not the real benchmark.**' : ''}${r.incomplete ? ` **Incomplete run: ${r.incomplete}**` : ''}`,
    '',
    '## Machine and versions',
    '',
    machineSection(r),
    '',
    '## Results',
    '',
    mainTable(r),
    '',
    'Node times are `runData[node][0].executionTime` from the run data; wall times of whole `n8n execute` processes (start-up, both branches, saving) are in the raw JSON. Request counts and rates come from the sandbox\'s request log (`GET /__sandbox/requests`).',
    '',
    `## Under network conditions: HTTPS through the RTT relay, sandbox limit 300 requests/s (real n8n, ${r.n8n?.network?.[0]?.callbell?.items ?? '–'} items per node, both nodes in one \`n8n execute\` run)`,
    '',
    'The sandbox serves HTTPS (a self-signed P-256 certificate made at start with openssl, trusted by n8n through `NODE_EXTRA_CA_CERTS`) behind bench/network.js\'s TCP relay: every flight RTT/2 late each way, a new connection\'s first bytes one RTT more (the TCP handshake). n8n opens a new TCP + TLS connection for every request, so a request costs about 3 RTT + the server time. Both nodes run with On Error → Continue, so a failed item is counted, not fatal. Sustained = 2xx answers per second between the first and the last full second; connections = connections the relay accepted during the node\'s run; CPU = CPU time of n8n\'s main process during the node\'s run (/proc), so the ceiling is what one core would allow; CPU stolen = the share of the machine\'s CPU time (both cores, over both nodes\' run) that the hypervisor gave to other virtual machines (/proc/stat steal): this machine is a VM on a shared host, and when the host is busy the same work takes longer.',
    '',
    networkSection(r),
    '',
    '## Where n8n\'s time goes over HTTPS: is the CPU or the network the bound? (CPU profile of our node alone)',
    '',
    networkProfileSection(r),
    '',
    '## Send: Message → Send (POST /messages/send) against HTTP Request',
    '',
    sendSection(r),
    '',
    `## Scale (real n8n, plain HTTP, ${r.config?.scaleServerMs ?? '–'} ms server time, limit 300/s, node defaults, one \`n8n execute\` per size)`,
    '',
    scaleSection(r),
    '',
    `## Concurrency sweep (real n8n, ${r.n8n?.sweep?.items ?? '–'} items, ${r.n8n?.sweep?.latencyMs ?? '–'} ms latency, one \`n8n execute\` run)`,
    '',
    sweepTable(r.n8n?.sweep, r.n8n?.comparison?.http?.executionTimeMs),
    '',
    r.n8n?.sweep ? `Load (1 min) ${load(r.n8n.sweep.machine)}, machine CPU busy ${busy(r.n8n.sweep.machine)} over the run.` : '',
    '',
    `## Engine harness at 0 ms latency: throughput by concurrency (${r.engine?.sweep?.items ?? '–'} items, options.maxRequestsPerSecond 0 = no cap)`,
    '',
    engineSweepTable(r.engine?.sweep),
    '',
    '## Where our node\'s time per item goes: real n8n (CPU profile of `n8n execute`)',
    '',
    profileSection(r.n8n?.profile, 'real n8n (`n8n execute` under `node --cpu-prof`, samples every 500 µs, only the span of the node\'s run)'),
    '',
    '## Where our node\'s time per item goes: engine harness (CPU profile)',
    '',
    profileSection(r.engine?.profile, 'engine harness (V8 profiler around the run only, samples every 250 µs)'),
    '',
    '## Reading the figures',
    '',
    ...readingNotes(r).map((note) => `- ${note}`),
    ...networkNotes(r).map((note) => `- ${note}`),
    '',
    '## How it was run',
    '',
    commandsSection(r),
    '',
    'What `npm run bench` does: builds the package, starts the sandbox on 127.0.0.1:4030 (in the bench process) and adds bench contacts (`POST /__sandbox/contacts`); compiles the engine harness with `tsc -p bench/tsconfig.json` into `.bench/harness/` and runs the engine measurements in a child process (bench/engine-worker.js); prepares the n8n user folder `.bench/n8n/` (packed package installed like n8n\'s community install, credentials imported), imports the workflows (`.bench/workflows/`) and runs each with `n8n execute --id=… --rawOutput`. Latency and rate limits are set with `POST /__sandbox/config` before each measurement, and the request log is cleared.',
    '',
  ].join('\n');
}

function renderConsole(r) {
  return [
    `Machine: nproc ${r.machine.nproc}, ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB; load ${r.loadStart.join('/')} → ${r.loadEnd.join('/')}`,
    '',
    mainTable(r),
    '',
    'Under network conditions (HTTPS through the RTT relay):',
    networkSection(r),
    '',
    'Send:',
    sendSection(r),
    '',
    'Scale:',
    scaleSection(r),
    '',
    'Concurrency sweep (real n8n):',
    sweepTable(r.n8n?.sweep, r.n8n?.comparison?.http?.executionTimeMs),
    '',
    'Engine harness, 0 ms latency, no requests-per-second cap:',
    engineSweepTable(r.engine?.sweep),
    '',
    'Profile, real n8n (self time by area):',
    r.n8n?.profile?.summary ? table(['Area', 'ms', '% of busy', 'µs per item'], r.n8n.profile.summary.areas.map((a) => [a.area, num(a.ms, 0), a.pctOfBusy === null ? '–' : `${a.pctOfBusy} %`, num(a.usPerItem)])) : '(not run)',
    '',
    'Profile, engine harness (self time by area):',
    r.engine?.profile ? table(['Area', 'ms', '% of busy', 'µs per item'], r.engine.profile.summary.areas.map((a) => [a.area, num(a.ms, 0), a.pctOfBusy === null ? '–' : `${a.pctOfBusy} %`, num(a.usPerItem)])) : '(not run)',
  ].join('\n');
}

module.exports = { renderMarkdown, renderConsole };
