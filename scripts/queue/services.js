'use strict';

/**
 * Redis and Postgres for the queue-mode proof, private to `.queue/`, on loopback ports:
 *   ensurePackages()   apt-get install redis-server / postgresql when missing (idempotent)
 *   startPostgres()    initdb once (as the postgres user, trust auth on loopback), then run it
 *   recreateDatabase() a fresh n8n database (and role) for every run
 *   startRedis()       private config: no persistence, bind 127.0.0.1
 *   psql(sql)          query helper (tab-separated rows)
 */

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const { HOST, PORTS, DIRS, DB } = require('./config');
const { spawnService, stopStale, sleep } = require('./procs');

// ---------------------------------------------------------------------------------------------
// Debian packages

function findOnPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
    if (!dir) continue;
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The newest installed Debian PostgreSQL server's bin dir (/usr/lib/postgresql/<major>/bin). */
function findPgBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const majors = fs
    .readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(base, v, 'bin', 'postgres')) && fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(base, majors[0], 'bin') : undefined;
}

function run(cmd, args, { log, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (d) => {
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        tail = (tail + line + '\n').slice(-4000);
        if (log && !/^\(Reading database \.\.\. +\d*%?/.test(line.trim())) log(`    ${path.basename(cmd)} | ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${tail}`))));
  });
}

/** Installs redis-server and postgresql with apt-get when they are missing; prints what it does. */
async function ensurePackages(log) {
  const missing = [];
  const redis = findOnPath('redis-server');
  const pg = findPgBinDir();
  if (!redis) missing.push('redis-server');
  if (!pg) missing.push('postgresql');
  if (missing.length === 0) {
    log(`  apt: nothing to do (redis-server: ${redis}; postgres: ${pg})`);
    return { installed: [] };
  }
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`  apt: missing ${missing.join(', ')} → apt-get update`);
  await run('apt-get', ['update', '-q'], { log, env });
  log(`  apt: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { log, env });
  if (!findOnPath('redis-server') || !findPgBinDir()) throw new Error('apt-get install finished but redis-server/postgres is still missing');
  return { installed: missing };
}

// ---------------------------------------------------------------------------------------------
// Postgres

function postgresUser() {
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('the "postgres" system user is missing (it comes with the postgresql package)');
  }
}

/**
 * Starts a private Postgres cluster in .queue/pg on 127.0.0.1:<PORTS.postgres> (initdb on first
 * use). Postgres refuses to run as root: initdb and the server run as the postgres user.
 * Durability is switched off (fsync, synchronous_commit, full_page_writes): it is a throw-away
 * test database and n8n's migrations run much faster without it.
 */
async function startPostgres(log) {
  const bin = findPgBinDir();
  const { uid, gid } = postgresUser();
  fs.mkdirSync(DIRS.logs, { recursive: true });
  await stopStale(path.join(DIRS.pg, 'postmaster.pid'), 'postgres', log);

  let initMs = 0;
  if (!fs.existsSync(path.join(DIRS.pg, 'PG_VERSION'))) {
    const t = Date.now();
    fs.rmSync(DIRS.pg, { recursive: true, force: true });
    fs.mkdirSync(DIRS.pg, { recursive: true, mode: 0o700 });
    fs.chownSync(DIRS.pg, uid, gid);
    log(`  initdb (as the postgres user) → ${path.relative(process.cwd(), DIRS.pg)}`);
    await new Promise((resolve, reject) => {
      const child = spawn(
        path.join(bin, 'initdb'),
        ['-D', DIRS.pg, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'],
        { uid, gid, cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited ${code}:\n${out}`))));
    });
    initMs = Date.now() - t;
    log(`  initdb done in ${(initMs / 1000).toFixed(1)} s`);
  } else {
    log(`  cluster ${path.relative(process.cwd(), DIRS.pg)} exists (PostgreSQL ${fs.readFileSync(path.join(DIRS.pg, 'PG_VERSION'), 'utf8').trim()})`);
  }

  const t = Date.now();
  const logFile = path.join(DIRS.logs, 'postgres.log');
  fs.writeFileSync(logFile, '');
  fs.chownSync(logFile, uid, gid);
  const handle = spawnService(
    'postgres',
    path.join(bin, 'postgres'),
    [
      '-D', DIRS.pg,
      '-p', String(PORTS.postgres),
      '-c', `listen_addresses=${HOST}`,
      '-c', 'unix_socket_directories=', // TCP on loopback only
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=50',
    ],
    { logFile, uid, gid, cwd: os.tmpdir(), stopSignal: 'SIGINT' /* fast shutdown */ },
  );
  await waitFor(`postgres on ${HOST}:${PORTS.postgres}`, async () => {
    if (handle.child.exitCode !== null) throw new Error(`postgres exited (${handle.child.exitCode}); see ${logFile}`);
    return pgIsReady(bin);
  });
  return { handle, bin, readyMs: Date.now() - t, initMs, logFile };
}

function pgIsReady(bin) {
  try {
    execFileSync(path.join(bin, 'pg_isready'), ['-q', '-h', HOST, '-p', String(PORTS.postgres), '-U', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs SQL with psql over TCP (trust auth); returns the rows as arrays of strings. */
function psql(sql, { database = DB.name, user = 'postgres' } = {}) {
  const bin = findPgBinDir();
  const out = execFileSync(
    path.join(bin, 'psql'),
    ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', HOST, '-p', String(PORTS.postgres), '-U', user, '-d', database, '-c', sql],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

/** Drops and re-creates the n8n database (owned by its own login role) so every run starts clean. */
function recreateDatabase() {
  const t = Date.now();
  const admin = { database: 'postgres' };
  psql(`DROP DATABASE IF EXISTS ${DB.name} WITH (FORCE)`, admin);
  psql(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB.user}') THEN CREATE ROLE ${DB.user} LOGIN; END IF; END $$`, admin);
  psql(`CREATE DATABASE ${DB.name} OWNER ${DB.user}`, admin);
  return Date.now() - t;
}

// ---------------------------------------------------------------------------------------------
// Redis

/** Starts redis-server with a private config: 127.0.0.1:<PORTS.redis>, no RDB/AOF persistence. */
async function startRedis(log) {
  const bin = findOnPath('redis-server');
  fs.mkdirSync(DIRS.redis, { recursive: true });
  fs.mkdirSync(DIRS.logs, { recursive: true });
  const pidFile = path.join(DIRS.redis, 'redis.pid');
  await stopStale(pidFile, 'redis-server', log);
  const conf = path.join(DIRS.redis, 'redis.conf');
  fs.writeFileSync(
    conf,
    [
      '# Generated by scripts/queue/services.js for the queue-mode proof; safe to delete.',
      `bind ${HOST}`,
      `port ${PORTS.redis}`,
      'protected-mode yes',
      'daemonize no',
      'save ""',
      'appendonly no',
      `dir ${DIRS.redis}`,
      `pidfile ${pidFile}`,
      'logfile ""',
      'databases 4',
      '',
    ].join('\n'),
  );
  const t = Date.now();
  const logFile = path.join(DIRS.logs, 'redis.log');
  fs.writeFileSync(logFile, '');
  const handle = spawnService('redis-server', bin, [conf], { logFile, cwd: DIRS.redis, stopSignal: 'SIGTERM' });
  await waitFor(`redis on ${HOST}:${PORTS.redis}`, async () => {
    if (handle.child.exitCode !== null) throw new Error(`redis-server exited (${handle.child.exitCode}); see ${logFile}`);
    return (await redisCommand('PING')) === '+PONG';
  });
  const version = (execFileSync(bin, ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/) || [])[1];
  return { handle, readyMs: Date.now() - t, version, logFile };
}

/** Sends one inline command to Redis and resolves with the first reply line (or '' on error). */
function redisCommand(command) {
  return new Promise((resolve) => {
    const socket = net.connect(PORTS.redis, HOST);
    let data = '';
    const done = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(''));
    socket.on('error', () => done(''));
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (d) => {
      data += d;
      if (data.includes('\r\n')) done(data.split('\r\n')[0]);
    });
  });
}

/**
 * Postgres and Redis left running by an earlier run that was killed (SIGKILL) before it could
 * stop them: stopped by the PID in their pid files, and only if the process is still theirs.
 */
async function stopLeftoverServices(log) {
  const a = await stopStale(path.join(DIRS.pg, 'postmaster.pid'), 'postgres', log);
  const b = await stopStale(path.join(DIRS.redis, 'redis.pid'), 'redis-server', log);
  return a || b;
}

// ---------------------------------------------------------------------------------------------

async function waitFor(what, check, { timeoutMs = 60000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

module.exports = {
  ensurePackages,
  stopLeftoverServices,
  startPostgres,
  recreateDatabase,
  startRedis,
  psql,
  redisCommand,
  waitFor,
  findPgBinDir,
};
