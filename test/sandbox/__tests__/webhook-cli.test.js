'use strict';
// cli.js: --webhook-secret signs deliveries; --inbound sends a customer message to a running sandbox.

const crypto = require('crypto');
const http = require('http');
const path = require('path');
const { spawn, execFile } = require('child_process');

const CLI = path.join(__dirname, '..', 'cli.js');
const SECRET = 'whsec_example_cli_0123456789';

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test('--webhook-secret signs deliveries; --inbound reaches the running sandbox and its webhook', async () => {
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-callbell-signature'] });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const child = spawn(process.execPath, [CLI, '--port', '0', '--webhook-secret', SECRET], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    const url = /listening on (\S+)/.exec(line)[1];
    const port = new URL(url).port;
    await fetch(`${url}/webhooks/subscribe`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${receiver.address().port}/hook`, subscriptions: ['message_created'] }),
    });
    const out = await run(['--inbound', 'Hello from the CLI', '--port', port]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Ada Lovelace wrote "Hello from the CLI" \(message [0-9a-f]+\)\.\nmessage_created is being delivered to http/);
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    const { body, signature } = received[0];
    expect(JSON.parse(body)).toMatchObject({ event: 'message_created', payload: { text: 'Hello from the CLI', status: 'received' } });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
    expect(v1).toBe(crypto.createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex'));
    expect((await run(['--inbound', 'x', '--contact', 'nope', '--port', port])).code).toBe(1);
  } finally {
    child.kill('SIGTERM');
    receiver.close();
  }
});

test('--inbound without a running sandbox says so and exits 1', async () => {
  const out = await run(['--inbound', 'Hi', '--port', '1']);
  expect(out.code).toBe(1);
  expect(out.stderr).toMatch(/No sandbox on port 1/);
});
