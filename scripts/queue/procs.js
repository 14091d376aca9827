'use strict';

/**
 * Process bookkeeping for the queue-mode proof: background services started detached (own
 * process group, so Ctrl-C reaches only the launcher, which stops them in order), their output
 * going straight to a log file, stopped by PID; peak memory from /proc; a `ps` check that
 * nothing we started is left.
 */

const fs = require('fs');
const { spawn, execFileSync } = require('child_process');

/** Every process group we started (pgid = pid of the detached leader), for the final ps check. */
const startedGroups = new Map(); // pgid -> name

function rememberGroup(pid, name) {
  if (pid) startedGroups.set(pid, name);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Spawns `cmd args` detached with stdout+stderr appended to `logFile` (a file descriptor the
 * child owns: its output survives the launcher). Returns { name, pid, child, exited, stop() }.
 * stop() sends `stopSignal` to the process, waits up to `stopTimeoutMs`, then SIGKILLs the group.
 */
function spawnService(name, cmd, args, { logFile, env, cwd, uid, gid, stopSignal = 'SIGTERM', stopTimeoutMs = 15000 }) {
  const fd = fs.openSync(logFile, 'a');
  let child;
  try {
    child = spawn(cmd, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  rememberGroup(child.pid, name);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let stopping = null;
  const handle = {
    name,
    pid: child.pid,
    child,
    exited,
    stop() {
      if (stopping) return stopping;
      stopping = (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          try {
            process.kill(child.pid, stopSignal);
          } catch {
            /* gone */
          }
          const killer = setTimeout(() => killGroup(child.pid), stopTimeoutMs);
          await exited;
          clearTimeout(killer);
        }
        killGroup(child.pid); // whatever is left in its group (e.g. postgres' helpers)
        return exited;
      })();
      return stopping;
    },
  };
  liveServices.add(handle);
  exited.then(() => liveServices.delete(handle));
  return handle;
}

const liveServices = new Set();

function killGroup(pgid, signal = 'SIGKILL') {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* no such group */
  }
}

// Last resort (e.g. an exception escaping everything): nothing we started outlives us.
process.once('exit', () => {
  for (const h of liveServices) killGroup(h.pid);
});

/**
 * Stops a process we started in an earlier run that was killed before it could clean up (its
 * pid from a pid file), if it is still alive and looks like `expect` (e.g. "postgres").
 */
async function stopStale(pidFile, expect, log) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0].trim());
  } catch {
    return false;
  }
  if (!pid || !alive(pid)) return false;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return false;
  }
  if (!cmdline.includes(expect)) return false;
  log(`  stopping a leftover ${expect} (pid ${pid}) from an interrupted earlier run`);
  process.kill(pid, expect === 'postgres' ? 'SIGINT' : 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

// ---------------------------------------------------------------------------------------------
// Memory

/** `VmHWM` (peak resident set) and `VmRSS` of a process, in bytes; undefined when gone. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return undefined;
  }
}

/** Pids whose process group is `pgid` (from /proc/<pid>/stat). */
function groupPids(pgid) {
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) out.push(Number(entry)); // state, ppid, pgrp
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/**
 * Samples the total RSS of each watched process group every `intervalMs` and keeps the peak
 * (n8n's task runner is a child in the same group). `peak(pgid)` → bytes.
 */
function createMemorySampler(intervalMs = 250) {
  const watched = new Map(); // pgid -> { peak, leaderHwm }
  const sample = () => {
    for (const [pgid, rec] of watched) {
      let total = 0;
      for (const pid of groupPids(pgid)) {
        const m = memoryOf(pid);
        if (m && m.rss) total += m.rss;
      }
      if (total > rec.peak) rec.peak = total;
      const lead = memoryOf(pgid);
      if (lead && lead.hwm) rec.leaderHwm = Math.max(rec.leaderHwm, lead.hwm);
    }
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    watch(pgid) {
      if (!watched.has(pgid)) watched.set(pgid, { peak: 0, leaderHwm: 0 });
    },
    /** Reads once more (call just before stopping a process). */
    sample,
    get(pgid) {
      return watched.get(pgid);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Final check

function cwdOf(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

/**
 * Lines of `ps` for processes that belong to this run: in a process group we started, or
 * working in `dataDir` (n8n CLI commands run in their user folder, postgres in its data dir).
 * [] when nothing is left.
 */
function leftovers(dataDir) {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,args='], { encoding: 'utf8' });
  const left = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const pgid = Number(m[2]);
    if (pid === process.pid) continue;
    const ours = startedGroups.get(pgid) || startedGroups.get(pid) || (dataDir && cwdOf(pid).startsWith(dataDir + '/') ? 'works in .queue/' : '');
    if (ours) left.push(`${pid} (group ${pgid}, ${ours}): ${m[3]}`);
  }
  return left;
}

module.exports = {
  spawnService,
  rememberGroup,
  startedGroups,
  stopStale,
  alive,
  sleep,
  killGroup,
  memoryOf,
  groupPids,
  createMemorySampler,
  leftovers,
};
