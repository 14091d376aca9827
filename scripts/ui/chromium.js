'use strict';

/**
 * Debian's Chromium for the UI test (Playwright's own browser downloads are not used).
 * When /usr/bin/chromium is missing, `apt-get update && apt-get install -y chromium` installs it
 * (as root, non-interactive; the only network traffic is to the Debian mirrors).
 */
const fs = require('fs');
const { spawnSync } = require('child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function aptGet(args, log) {
  log(`  apt-get ${args.join(' ')}`);
  const res = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.error) throw new Error(`apt-get ${args[0]} could not run: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${res.status})`);
}

/** The Chromium executable, installed with apt-get first when missing. */
function ensureChromium({ log = console.log } = {}) {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM} is missing; install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  log(`  ${CHROMIUM} is missing: installing Debian's chromium package`);
  aptGet(['update'], log);
  aptGet(['install', '-y', '--no-install-recommends', 'chromium'], log);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

/** Launch arguments for headless Chromium on a loopback-only machine (see the n8n node guide §7). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // The editor fetches a community package's npm page when its node is clicked: keep it local.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Headless Chromium with a fresh profile in `profileDir`, its close pushed onto `cleanups`, and
 * its first page. Our own signal handlers stop everything in order (the browser first).
 */
async function launchHeadless({ executablePath, profileDir, viewport, timeoutMs, cleanups }) {
  const { chromium, selectors } = require('playwright-core');
  selectors.setTestIdAttribute('data-test-id');
  fs.rmSync(profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => context.close());
  context.setDefaultTimeout(timeoutMs);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

module.exports = { ensureChromium, launchHeadless, CHROMIUM_ARGS };
