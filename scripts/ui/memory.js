'use strict';

/**
 * Peak memory of this process and everything it started (n8n, its task runner, Chromium and
 * the in-process sandbox): every 500 ms the RSS of the process tree is read from /proc and summed.
 */
const fs = require('fs');

function readProcesses() {
  const list = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces, so split after the last ')'.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      const status = fs.readFileSync(`/proc/${name}/status`, 'utf8');
      const rssKb = Number((status.match(/^VmRSS:\s+(\d+)/m) || [])[1] || 0);
      list.push({ pid: Number(name), ppid, comm, rssKb });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return list;
}

/** RSS (bytes) of `rootPid` and its descendants, grouped by a short kind (n8n, chromium, …). */
function treeRss(rootPid) {
  const procs = readProcesses();
  const children = new Map();
  for (const p of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(p);
  }
  const byKind = {};
  let total = 0;
  const root = procs.find((p) => p.pid === rootPid);
  const queue = root ? [{ p: root, kind: 'test runner + sandbox' }] : [];
  while (queue.length) {
    const { p, kind } = queue.shift();
    byKind[kind] = (byKind[kind] || 0) + p.rssKb * 1024;
    total += p.rssKb * 1024;
    for (const c of children.get(p.pid) || []) {
      const childKind = p.pid === rootPid ? kindOf(c.pid, c.comm) : kind;
      queue.push({ p: c, kind: childKind });
    }
  }
  return { total, byKind };
}

/** A direct child's kind, from its command line (n8n's process is named "MainThread"). */
function kindOf(pid, comm) {
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    /* gone */
  }
  if (/chrom/i.test(cmdline) || /chrom/i.test(comm)) return 'chromium';
  if (/n8n/i.test(cmdline)) return 'n8n';
  return comm;
}

/** Starts sampling; `stop()` returns `{ peak, peakByKind, samples }` (bytes). */
function startMemorySampler({ rootPid = process.pid, intervalMs = 500 } = {}) {
  let peak = 0;
  let peakByKind = {};
  let samples = 0;
  const sample = () => {
    const { total, byKind } = treeRss(rootPid);
    samples += 1;
    if (total > peak) {
      peak = total;
      peakByKind = byKind;
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peak, peakByKind, samples };
    },
  };
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

module.exports = { startMemorySampler, treeRss, mib };
