'use strict';

/**
 * The "Queue mode: a burst of webhook deliveries" section of bench/RESULTS.md, written from
 * .bench/queue-burst.json between two markers (the rest of the file is the main bench's).
 * A --quick run writes .bench/queue-burst.quick.md instead.
 */

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_MD = path.join(REPO_ROOT, 'bench', 'RESULTS.md');
const START = '<!-- queue-burst:start (bench/queue-burst-report.js) -->';
const END = '<!-- queue-burst:end -->';

const mib = (b) => (b ? `${Math.round(b / 1024 ** 2)} MiB` : 'n/a');
const s = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);

/** The section for every run in `runs` (one per burst size), largest burst first. */
function renderSection(runs) {
  const lines = [START, '## Queue mode: a burst of webhook deliveries (issue 24; `npm run bench -- --only-burst`)', ''];
  const rate = (r) => r.config.count / r.config.seconds;
  for (const r of [...runs].sort((a, b) => rate(b) - rate(a) || String(a.at).localeCompare(String(b.at)))) lines.push(...renderRun(r));
  lines.push(END);
  return lines.join('\n');
}

function renderRun(r) {
  const lines = [
    `### ${r.config.count} deliveries in ${r.config.seconds} s${r.label ? ` — ${r.label}` : ''}${r.quick ? ' (--quick)' : ''}${r.git ? ` (commit ${r.git})` : ''}`,
    '',
    `n8n ${r.n8n} in queue mode: main with \`N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true\` (it answered a production webhook POST with ${r.startup?.mainAnswersProductionWebhook}), 2 workers (concurrency 10 each), \`n8n webhook\` processes behind a round-robin HTTP balancer, Postgres + Redis, all on this one machine (${r.machine?.nproc ?? '?'} cores, **shared with other engineers' runs**: load average ${r.loadStart.join(' / ')} at the start, ${r.loadEnd.join(' / ')} at the end). Run at ${r.at}.`,
    `Each round: ${r.config.count} distinct signed \`message_created\` deliveries spread over ${r.config.seconds} s, plus ${Math.round(r.config.count * r.config.redeliverShare)} of them re-delivered 1–5 s later with a new \`t\` and signature (test/sandbox/webhooks/burst.js). Answer times are the sender's, through the balancer, against an assumed Callbell delivery timeout of ${r.config.timeoutMs / 1000} s (Callbell documents none).`,
    '',
    '| Round | Requests | 2xx | 2xx within the timeout | Max / p99 / p50 answer | Executions | Deliveries doubled (extra executions) | Lost | Downstream runs (doubled / lost) | All executions done after | CPU per request: webhook processes / workers | Load (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.rounds) {
    const a = x.answers;
    const c = x.counts;
    const cpu = x.cpuMsPerRequest ? `${x.cpuMsPerRequest.webhook} / ${x.cpuMsPerRequest.workers} ms` : 'n/a';
    lines.push(`| ${x.name} | ${a.requests} | ${a.ok2xx}${a.all2xx ? '' : ` ${JSON.stringify(a.byStatus)} ${JSON.stringify(a.errors)}`} | ${a.okWithinTimeout ?? a.ok2xx} | ${a.maxMs} / ${a.p99Ms} / ${a.p50Ms} ms | ${c.executions}${Object.keys(c.byStatus).some((k) => k !== 'success') ? ` ${JSON.stringify(c.byStatus)}` : ''} | ${c.doubled} (+${c.extraExecutions}) | ${c.lost} | ${c.downstreamRuns} (${c.downstreamDoubled} / ${c.downstreamLost}) | ${s(x.drainMs)} | ${cpu} | ${x.load[0]} |`);
  }
  lines.push('');
  const c = r.config;
  const settings = [
    `webhook processes: ${Object.entries(c.webhookEnv || {}).map(([k, v]) => `\`${k}=${v}\``).join(', ') || "n8n's defaults"}`,
    Object.keys(c.workerEnv || {}).length ? `workers: ${Object.entries(c.workerEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')}` : undefined,
    c.workerNice ? `workers at nice ${c.workerNice}` : undefined,
    c.webhookNice ? `**webhook processes at nice ${c.webhookNice}**` : undefined,
    c.pauseWorkers ? '**workers stopped (SIGSTOP) from the start of each burst until its last answer**, then resumed' : undefined,
    c.pinned ? '**webhook processes pinned to CPU 0; the bench, Postgres, Redis, the main and the workers to CPU 1** (taskset), the workers running during the burst' : undefined,
  ].filter(Boolean);
  lines.push(`Settings: ${settings.join('; ')}.`);
  if (r.staticDataKeys) lines.push(`Delivery keys in each workflow's static data at the end: ${Object.entries(r.staticDataKeys).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  if (r.idle) lines.push(`Idle for ${r.idle.seconds} s before the rounds (CPU-s): ${Object.entries(r.idle.cpuSeconds).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  lines.push('');
  // A remark written into the run's JSON by hand afterwards (e.g. what else ran on the machine).
  if (r.note) lines.push(r.note, '');
  if (r.memory) {
    lines.push(`Peak memory (process group incl. task runner): ${Object.entries(r.memory).map(([k, v]) => `${k} ${mib(v.groupPeak)}`).join(', ')}. Cluster start ${s(r.startup?.clusterMs)}; whole bench ${s(r.totalMs)}. Raw figures: \`.bench/queue-burst-${r.config.count}in${r.config.seconds}s${r.label ? `-${r.label}` : ''}.json\`.`);
    lines.push('');
  }
  return lines;
}

/** The heading of a run without its commit: what identifies the run's block in the section. */
function runTitle(r) {
  return `### ${r.config.count} deliveries in ${r.config.seconds} s${r.label ? ` — ${r.label}` : ''}`;
}

/**
 * Writes this run into the section: its block (from its heading to the next run's heading) is
 * replaced when a run of the same size and label is there, else added first. Every other block,
 * runs of earlier sessions whose raw figures are not on this machine and the notes written by
 * hand, stays as it is. A --quick run writes .bench/queue-burst.quick.md instead.
 */
function writeSection(result) {
  if (result.quick) {
    fs.writeFileSync(path.join(REPO_ROOT, '.bench', 'queue-burst.quick.md'), renderSection([result]) + '\n');
    return;
  }
  const md = fs.existsSync(RESULTS_MD) ? fs.readFileSync(RESULTS_MD, 'utf8') : '';
  const at = md.indexOf(START);
  const end = md.indexOf(END);
  if (at < 0 || end < at) {
    fs.writeFileSync(RESULTS_MD, `${md.trimEnd()}\n\n${renderSection([result])}\n`);
    return;
  }
  const lines = md.slice(at, end).split('\n');
  const title = runTitle(result);
  const block = renderRun(result);
  const from = lines.findIndex((l) => l === title || l.startsWith(`${title} (`));
  if (from >= 0) {
    let to = lines.findIndex((l, i) => i > from && l.startsWith('### '));
    if (to < 0) to = lines.length;
    lines.splice(from, to - from, ...block);
  } else {
    const firstRun = lines.findIndex((l) => l.startsWith('### '));
    lines.splice(firstRun < 0 ? lines.length : firstRun, 0, ...block);
  }
  fs.writeFileSync(RESULTS_MD, md.slice(0, at) + lines.join('\n') + md.slice(end));
}

module.exports = { renderSection, writeSection, START, END };
