'use strict';

/**
 * What the benchmark ran on, and how busy the machine was while it ran.
 *
 *   machineInfo()            nproc, CPU model, memory, OS, Node / n8n / n8n-core versions
 *   loadNow()                the 1/5/15-minute load averages (uptime), rounded
 *   startCpuSampler()        system-wide CPU use from /proc/stat until stop() → { busyPct, stealPct, loadStart, loadEnd }
 *   busyBefore(ms)           system-wide CPU use over the next `ms` while we do nothing: other
 *                            agents' load on this shared machine
 */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..');

function readVersion(packageJsonFile) {
  try {
    return JSON.parse(fs.readFileSync(packageJsonFile, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function nproc() {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.cpus().length;
  }
}

function loadNow() {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

function machineInfo({ n8nNodeVersion } = {}) {
  const runtime = path.join(REPO_ROOT, '.n8n-runtime', 'node_modules');
  return {
    nproc: nproc(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    hostname: os.hostname(),
    benchNode: process.version,
    versions: {
      // the engine harness (Node 20, the project's dev dependencies)
      harnessN8nCore: readVersion(path.join(REPO_ROOT, 'node_modules', 'n8n-core', 'package.json')),
      harnessN8nWorkflow: readVersion(path.join(REPO_ROOT, 'node_modules', 'n8n-workflow', 'package.json')),
      // real n8n (Node 24 from .n8n-runtime)
      n8n: readVersion(path.join(runtime, 'n8n', 'package.json')),
      n8nCore: readVersion(path.join(runtime, 'n8n-core', 'package.json')),
      n8nNode: n8nNodeVersion ?? readVersion(path.join(runtime, 'node', 'package.json')),
      package: readVersion(path.join(REPO_ROOT, 'package.json')),
    },
  };
}

/** Busy and total jiffies over all CPUs, from the first line of /proc/stat. */
function cpuTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] || 0); // idle + iowait
  const total = values.reduce((sum, value) => sum + value, 0);
  // steal: time the hypervisor gave this VM's CPUs to other machines (counted as busy, not ours)
  return { busy: total - idle, total, steal: values[7] || 0 };
}

/**
 * Samples system-wide CPU use (all processes, ours included) between start and stop().
 * busyPct is of the whole machine: 100 % = every core busy.
 */
function startCpuSampler() {
  const first = cpuTicks();
  const load = loadNow();
  return {
    loadStart: load,
    stop() {
      const last = cpuTicks();
      const total = last.total - first.total;
      const share = (part) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);
      return { busyPct: share(last.busy - first.busy), stealPct: share(last.steal - first.steal), loadStart: load, loadEnd: loadNow() };
    },
  };
}

async function busyBefore(ms = 1000) {
  const sampler = startCpuSampler();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return sampler.stop().busyPct;
}

module.exports = { machineInfo, loadNow, startCpuSampler, busyBefore, nproc, REPO_ROOT };
