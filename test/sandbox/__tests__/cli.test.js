'use strict';

const { spawn } = require('child_process');
const path = require('path');

const CLI = path.join(__dirname, '..', 'cli.js');

/** Start the CLI and resolve with the child and its first stdout line. */
function startCli(args, env = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0] });
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`cli exited early (${code}): ${err}`)));
  });
}

const exited = (child) => new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

describe('cli.js', () => {
  test('prints the listening line, serves the API and stops on SIGTERM', async () => {
    const { child, line } = await startCli(['--port', '0', '--token', 'cli-token', '--latency', '0']);
    try {
      const m = /^Callbell sandbox listening on (http:\/\/127\.0\.0\.1:\d+\/v1) \(token: cli-token\)$/.exec(line);
      expect(m).not.toBeNull();
      const res = await fetch(`${m[1]}/auth/me`, { headers: { Authorization: 'Bearer cli-token' } });
      expect(res.status).toBe(200);
      const health = await fetch(`${m[1].slice(0, -3)}/__sandbox/health`);
      expect(await health.json()).toEqual({ ok: true });
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      expect(await done).toEqual({ code: 0, signal: null });
    }
  });

  test('SANDBOX_PORT and --rps are honoured; SIGINT stops it', async () => {
    const { child, line } = await startCli(['--rps', '2', '--port', '0'], { SANDBOX_PORT: '1' });
    try {
      const url = /(http:\S+\/v1)/.exec(line)[1];
      const codes = await Promise.all([1, 2, 3].map(() => fetch(`${url}/auth/me`, { headers: { Authorization: 'Bearer sandbox-token' } }).then((r) => r.status)));
      expect(codes.sort()).toEqual([200, 200, 429]);
    } finally {
      const done = exited(child);
      child.kill('SIGINT');
      expect((await done).code).toBe(0);
    }
  });

  test('rejects unknown options', async () => {
    const child = spawn(process.execPath, [CLI, '--bogus', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const { code } = await exited(child);
    expect(code).toBe(2);
    expect(err).toContain('Unknown option --bogus');
  });

  test('--clock sets the message-status clock; a bad --clock is refused', async () => {
    const { child, line } = await startCli(['--port', '0', '--clock', '10,20,']);
    try {
      const url = /listening on (\S+)\/v1/.exec(line)[1];
      const config = await (await fetch(`${url}/__sandbox/config`)).json();
      expect(config.messageClock).toEqual({ sentMs: 10, deliveredMs: 20, readMs: null });
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    }
    const bad = spawn(process.execPath, [CLI, '--clock', 'fast'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d) => (err += d));
    expect((await exited(bad)).code).toBe(2);
    expect(err).toContain('--clock must be');
  });
});
