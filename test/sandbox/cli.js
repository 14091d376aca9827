#!/usr/bin/env node
'use strict';
// @ts-check

/**
 * Standalone sandbox:
 *   node test/sandbox/cli.js [--port 4010] [--token sandbox-token] [--latency 0] [--rps 300] [--seed 42] [--shape docs]
 *     [--clock 200,600,1200]   message statuses: ms after a send until sent, delivered, read
 * Defaults: port from SANDBOX_PORT or 4010; no rate limit unless --rps is given.
 * Webhooks: --webhook-secret whsec_… signs deliveries; --health-interval <ms> sends connection
 * checks every <ms> (0 = off, the default).
 *
 * A customer message to a RUNNING sandbox (e.g. the one `npm start` runs), then exit:
 *   node test/sandbox/cli.js --inbound "Hello, do you ship to Lisbon?" [--contact <uuid>] [--attachments image,voice,document] [--port 4010]
 * The contact defaults to Ada Lovelace (SEED.contacts.ada); the sandbox stores the message and
 * delivers message_created to the subscribed webhook (e.g. a published Callbell Trigger).
 */

const { createSandbox } = require('./server');
const { SEED } = require('./seed');

const USAGE = 'Usage: node test/sandbox/cli.js [--port 4010] [--token sandbox-token] [--latency 0] [--rps 300] [--seed 42] [--shape docs|object|array]'
  + ' [--clock sentMs,deliveredMs,readMs] [--webhook-secret whsec_…] [--health-interval 60000]\n       node test/sandbox/cli.js --inbound "text" [--contact <uuid>] [--attachments image,voice,document] [--port 4010]';

/** `--clock 200,600,1200` → messageClock (a missing/empty part, e.g. `200,600,`, means never reached). @param {string|undefined} v */
function messageClockArg(v) {
  if (v === undefined) return undefined;
  const parts = v.split(',').map((x) => (x.trim() === '' ? null : Number(x)));
  if (parts.length !== 3 || parts.some((x) => x !== null && !(Number.isFinite(x) && x >= 0)) || parts[0] === null) {
    throw new Error('--clock must be sentMs,deliveredMs,readMs, e.g. 200,600,1200');
  }
  return { sentMs: /** @type {number} */ (parts[0]), deliveredMs: parts[1], readMs: parts[2] };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`Unexpected argument: ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`Missing value for --${m[1]}`);
    out[m[1]] = value;
  }
  return out;
}

/** @param {string|undefined} v @param {string} name */
function num(v, name) {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (!args) {
      console.log(USAGE);
      return;
    }
    const known = ['port', 'token', 'latency', 'rps', 'seed', 'shape', 'clock', 'webhook-secret', 'health-interval', 'inbound', 'contact', 'attachments'];
    for (const k of Object.keys(args)) if (!known.includes(k)) throw new Error(`Unknown option --${k}`);
    messageClockArg(args.clock);
  } catch (err) {
    console.error(`${/** @type {Error} */ (err).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.inbound !== undefined) return sendInbound(args);
  if (args.contact !== undefined || args.attachments !== undefined) {
    console.error(`--contact and --attachments go with --inbound\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const token = args.token ?? 'sandbox-token';
  const healthIntervalMs = num(args['health-interval'], 'health-interval');
  const rps = num(args.rps, 'rps');
  const sb = await createSandbox({
    port: num(args.port ?? process.env.SANDBOX_PORT, 'port') ?? 4010,
    token,
    latencyMs: num(args.latency, 'latency') ?? 0,
    rateLimit: rps ? { rps, retryAfter: false } : null,
    seed: num(args.seed, 'seed') ?? 42,
    contactShape: /** @type {any} */ (args.shape ?? 'docs'),
    messageClock: messageClockArg(args.clock),
    webhookSecret: args['webhook-secret'] ?? null,
    webhookDelivery: healthIntervalMs ? { healthIntervalMs } : undefined,
  });
  // The token is the sandbox's own fake credential, so printing it is fine.
  console.log(`Callbell sandbox listening on ${sb.url} (token: ${token})`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    sb.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Client mode: POST /__sandbox/inbound on the running sandbox and print what happened.
 * @param {Record<string, string>} args
 */
async function sendInbound(args) {
  const port = num(args.port ?? process.env.SANDBOX_PORT, 'port') ?? 4010;
  const contact = args.contact ?? SEED.contacts.ada.uuid;
  let res;
  try {
    res = await fetch(`http://127.0.0.1:${port}/__sandbox/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ contact_uuid: contact, text: args.inbound, ...(args.attachments ? { attachments: args.attachments.split(',').map((a) => a.trim()) } : {}) }),
    });
  } catch (err) {
    console.error(`No sandbox on port ${port} (${/** @type {any} */ (err).cause?.code || /** @type {Error} */ (err).message}). Start one (npm start or npm run sandbox), or pass --port.`);
    process.exitCode = 1;
    return;
  }
  const body = await res.json();
  if (!res.ok) {
    console.error(`The sandbox refused the message (${res.status}): ${body.error}`);
    process.exitCode = 1;
    return;
  }
  const hook = await (await fetch(`http://127.0.0.1:${port}/__sandbox/webhook`)).json();
  console.log(`${body.contact.name} wrote "${body.message.text}" (message ${body.message.uuid}).`);
  for (const url of body.message.attachments || []) console.log(`  attachment: ${url}`);
  console.log(hook.webhook && hook.webhook.enabled && hook.webhook.subscriptions.includes('message_created')
    ? `message_created is being delivered to ${hook.webhook.url}`
    : 'No webhook subscribes to message_created, so nothing is delivered (publish a Callbell Trigger workflow first).');
}

main().catch((err) => {
  console.error(`Callbell sandbox failed to start: ${err && err.code === 'EADDRINUSE' ? 'port already in use' : err.message}`);
  process.exit(1);
});
