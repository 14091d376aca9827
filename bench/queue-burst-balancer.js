'use strict';

/**
 * A tiny round-robin HTTP balancer for the queue-burst bench: every request goes to the next
 * backend in turn (per request, not per connection, so a sender that keeps connections alive is
 * still spread), body and headers passed through unchanged (the signature covers the raw body).
 * `setBackends([...ports])` switches between one and two webhook processes without a restart;
 * `served` counts the requests each backend answered; `failures` the requests it could not pass on, by reason.
 * Every request opens its own connection to the backend (as Callbell's deliveries arrive): a kept-alive
 * connection that the backend closes after its idle timeout (Node's 5 s) just as the balancer reuses
 * it fails that request with a reset, an artefact of the balancer, not of n8n.
 */

const http = require('http');

const HOST = '127.0.0.1';

function startBalancer(port, backends) {
  let targets = [...backends];
  let next = 0;
  const served = new Map();
  const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });
  const failures = new Map();
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    const upstream = http.request(
      { host: HOST, port: target, method: req.method, path: req.url, headers: { ...req.headers, host: `${HOST}:${target}` }, agent },
      (up) => {
        served.set(target, (served.get(target) || 0) + 1);
        res.writeHead(up.statusCode || 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      const reason = `${target}: ${err.code || err.message}`;
      failures.set(reason, (failures.get(reason) || 0) + 1);
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'upstream', backend: target, reason: err.message }));
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () =>
      resolve({
        url: `http://${HOST}:${port}`,
        setBackends(ports) {
          targets = [...ports];
          next = 0;
          served.clear();
          failures.clear();
        },
        failures: () => Object.fromEntries(failures),
        served: () => Object.fromEntries(served),
        close: () =>
          new Promise((r) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}

module.exports = { startBalancer };
