'use strict';

/**
 * Network conditions for the benchmark (this machine's kernel has no netem):
 *
 *   makeCertificate(dir)   a self-signed ECDSA P-256 certificate for 127.0.0.1 and localhost, made
 *                          with /usr/bin/openssl; n8n trusts it through NODE_EXTRA_CA_CERTS
 *   startTlsFront(...)     terminates TLS and hands the plain bytes to the sandbox's HTTP port
 *   startRelay(...)        a userland TCP relay that delays every flight by RTT/2 each way and a new
 *                          connection's first bytes by one more RTT (the TCP handshake), and counts
 *                          the connections it accepted
 *
 * Chain: n8n → relay (https://127.0.0.1:<relay port>) → TLS front → sandbox (http).
 * Each request over a new connection then costs about 3 RTT (TCP, TLS 1.3, request) plus the
 * sandbox's own latency, as a request to Callbell across the internet does.
 */

const fs = require('fs');
const net = require('net');
const path = require('path');
const tls = require('tls');
const { execFileSync } = require('child_process');

const OPENSSL = fs.existsSync('/usr/bin/openssl') ? '/usr/bin/openssl' : 'openssl';

/** Writes key.pem and cert.pem into `dir` (made anew each time); returns their paths and contents. */
function makeCertificate(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(OPENSSL, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-addext', 'basicConstraints=critical,CA:TRUE',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { keyFile, certFile, key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
}

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });

function closer(server, sockets) {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** TLS on `port` (0 = free), plain TCP to 127.0.0.1:`targetPort`. */
async function startTlsFront({ key, cert, targetPort, port = 0 }) {
  const sockets = new Set();
  const server = tls.createServer({ key, cert }, (secure) => {
    const plain = net.connect(targetPort, '127.0.0.1');
    for (const socket of [secure, plain]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        secure.destroy();
        plain.destroy();
      });
    }
    secure.pipe(plain).pipe(secure);
  });
  server.on('tlsClientError', () => {});
  const boundPort = await listen(server, port);
  return { port: boundPort, close: closer(server, sockets) };
}

/**
 * Forwards `from` → `to`, each chunk `delayMs` late (order kept); the very first chunk another
 * `firstExtraMs` later. The end of the stream follows the last chunk.
 * One queue and one timer per direction release the chunks: timers of different lengths set at
 * different moments may fire out of order under load, which once wrote a chunk after the end.
 */
function delayedPipe(from, to, { delayMs, firstExtraMs = () => 0 }) {
  /** [release time, action] in release order */
  const queue = [];
  let timer = null;
  let first = true;
  const release = () => {
    timer = null;
    while (queue.length > 0 && queue[0][0] - performance.now() < 0.5) queue.shift()[1]();
    if (queue.length > 0) timer = setTimeout(release, queue[0][0] - performance.now());
  };
  const schedule = (action) => {
    const last = queue.length > 0 ? queue[queue.length - 1][0] : 0;
    queue.push([Math.max(performance.now() + delayMs() + (first ? firstExtraMs() : 0), last), action]);
    first = false;
    if (timer === null) release();
  };
  from.on('data', (chunk) =>
    schedule(() => {
      if (!to.destroyed) to.write(chunk);
    }),
  );
  from.on('end', () =>
    schedule(() => {
      if (!to.destroyed) to.end();
    }),
  );
}

/**
 * A TCP relay on `port` (0 = free) to 127.0.0.1:`targetPort` with an emulated round-trip time.
 * `setRtt(ms)` changes it for new and open connections; `connections()` lists accept times (ms
 * since the epoch), `clear()` forgets them.
 */
async function startRelay({ targetPort, rttMs = 0, port = 0 }) {
  let rtt = rttMs;
  let accepted = [];
  /** [time, +1 | -1] for every connection opened and closed (client side), in time order. */
  let openings = [];
  const sockets = new Set();
  // Half-open sockets: an end travels through the delayed pipe like data, so a server's FIN after
  // its answer does not cut off the answer's delayed bytes.
  const server = net.createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
    accepted.push(Date.now());
    openings.push([Date.now(), 1]);
    client.once('close', () => openings.push([Date.now(), -1]));
    const upstream = net.connect({ port: targetPort, host: '127.0.0.1', noDelay: true, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // client → server: half an RTT per flight, plus the TCP handshake's RTT before the first bytes
    delayedPipe(client, upstream, { delayMs: () => rtt / 2, firstExtraMs: () => rtt });
    delayedPipe(upstream, client, { delayMs: () => rtt / 2 });
  });
  const boundPort = await listen(server, port);
  return {
    port: boundPort,
    setRtt(ms) {
      rtt = ms;
    },
    get rttMs() {
      return rtt;
    },
    connections: () => accepted.slice(),
    /** Connections accepted from `fromMs` to `toMs` (inclusive, ms since the epoch). */
    countBetween: (fromMs, toMs) => accepted.filter((at) => at >= fromMs && at <= toMs).length,
    /** The most connections open at once from `fromMs` to `toMs`: the requests in flight then. */
    peakOpenBetween(fromMs, toMs) {
      let open = 0;
      let peak = 0;
      for (const [at, delta] of openings) {
        if (at > toMs) break;
        open += delta;
        if (at >= fromMs) peak = Math.max(peak, open);
      }
      return peak;
    },
    clear() {
      accepted = [];
      openings = [];
    },
    close: closer(server, sockets),
  };
}

module.exports = { makeCertificate, startTlsFront, startRelay };
