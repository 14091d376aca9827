'use strict';

/**
 * The queue-share rows (bench/queue-share.js) as a section of bench/RESULTS.md, between markers so
 * that a later run replaces it and the rest of the file stays as it is; raw JSON in .bench/.
 */

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_MD = path.join(REPO_ROOT, 'bench', 'RESULTS.md');
const RAW_JSON = path.join(REPO_ROOT, '.bench', 'queue-share.json');
const START = '<!-- queue-share:start -->';
const END = '<!-- queue-share:end -->';

const pct = (v) => `${(100 * v).toFixed(2)} %`;
const num = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '–');

function renderSection(result) {
  const rows = result.rows;
  const lines = [
    START,
    '## Executions sharing the account in queue mode (issue 24)',
    '',
    `Written by \`node bench/run.js --only-queue${result.quick ? ' --quick' : ''}\` on ${result.at}. Raw figures: \`.bench/queue-share.json\` (git-ignored).`,
    '',
    `Queue mode on this machine (${result.machine}): Redis + Postgres + an n8n ${result.n8nVersion} main + 2 workers (n8n's default 10 jobs each), started by the queue modules in \`${result.queueDir}/\` with the ports shifted by ${process.env.QUEUE_PORT_OFFSET}; the sandbox in the bench process with Callbell's limit (300 requests in any sliding second, 429 without Retry-After above it) and 50 ms server time. Each execution starts by a production webhook (so it runs on a worker) and runs the Callbell node with its defaults (Concurrency Auto, Max Requests Per Second 290) and On Error → Continue; in the rows \"split by hand\" Max Requests Per Second is 145, so the two workers together stay under the account's 300/s and no 429 can come: those rows show what this machine allows without any sharing. Executions of a row are started together (concurrent webhook calls); the time is from the first call to the last answer. Failed items: contacts not holding the new name / recipients without an accepted send. Sent twice: recipients (contacts) with more than one accepted POST (PATCH). CPU: user + system seconds of each n8n process group (with its task runner) and of the bench process (the sandbox and the webhook calls) during the row, as % of one core over the row's time; the machine's busy share counts all its cores (from \`/proc/stat\`: 100 % means no core was idle). Executions per worker: how many of the row's executions each worker started (from its log). **The machine is shared with other engineers' test runs**: the load average is given per row.`,
    '',
    '| Row | Items | Time | Items/s (aggregate) | Accepted/s in the sandbox | Requests | 429s (share) | Failed items | Sent twice | Time vs one execution of the same total | CPU % of one core: main / worker-1 / worker-2 / bench | Machine busy | Executions per worker | Load (1 min) before → after |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const one = rows.find((r) => r.kind === row.kind && r.role === 'one') ?? row;
    const cpu = row.cpuPercentOfOneCore;
    const ratio = one === row ? '1' : `**${num(row.wallMs / one.wallMs, 2)}**`;
    lines.push(
      `| ${row.name} | ${row.items} | ${num(row.wallMs / 1000)} s | ${num(row.itemsPerSecond)} | ${num(row.sandboxOkPerSecond)} | ${row.requests} | ${row.throttled} (${pct(row.throttledShare)}) | ${row.failed} | ${row.twice} | ${ratio} | ${cpu.main} / ${cpu['worker-1']} / ${cpu['worker-2']} / ${row.benchCpuPercentOfOneCore ?? '–'} | ${row.machineBusyPct === undefined ? '–' : `${Math.round(row.machineBusyPct)} %`} | ${row.executionsPerWorker ? Object.values(row.executionsPerWorker).join(' + ') : '–'} | ${row.loadBefore[0]} → ${row.loadAfter[0]} |`,
    );
  }
  lines.push('');
  const statuses = result.executions ? [...new Set(result.executions.map((e) => e.status))].join(', ') : 'not read';
  lines.push(
    `Executions table: ${result.executions?.length ?? 0} executions, status ${statuses}; executions started per worker: ${(result.workers ?? []).map((w) => `${w.name} ${w.started}`).join(', ')}. Processes left after the run: ${result.leftovers?.length ?? 'not checked'}. Whole run ${num(result.totalMs / 1000, 0)} s.`,
  );
  lines.push('', '<!-- queue-share:notes -->', END);
  return lines.join('\n');
}

/** Writes the raw JSON and puts the section into RESULTS.md (replacing an earlier one, keeping hand-written notes). */
function writeQueueShare(result) {
  fs.mkdirSync(path.dirname(RAW_JSON), { recursive: true });
  fs.writeFileSync(RAW_JSON, JSON.stringify(result, null, 2));
  const md = fs.existsSync(RESULTS_MD) ? fs.readFileSync(RESULTS_MD, 'utf8') : '';
  const section = renderSection(result);
  const start = md.indexOf(START);
  const end = md.indexOf(END);
  if (start === -1 || end === -1) {
    fs.writeFileSync(RESULTS_MD, `${md.trimEnd()}\n\n${section}\n`);
    return;
  }
  const old = md.slice(start, end);
  const notesAt = old.indexOf('<!-- queue-share:notes -->');
  const notes = notesAt === -1 ? '' : old.slice(notesAt + '<!-- queue-share:notes -->'.length).trim();
  const withNotes = notes ? section.replace('<!-- queue-share:notes -->', `<!-- queue-share:notes -->\n\n${notes}\n`) : section;
  fs.writeFileSync(RESULTS_MD, md.slice(0, start) + withNotes + md.slice(end + END.length));
}

module.exports = { writeQueueShare, renderSection, RESULTS_MD, RAW_JSON };
