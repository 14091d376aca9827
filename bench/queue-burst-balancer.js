'use strict';

/**
 * A tiny round-robin HTTP balancer for the queue-burst bench: every request goes to the next
 * backend in turn (per request, not per connection, so a sender that keeps connections alive is
 * still spread), body and headers passed through unchanged (the signature covers the raw body).
 * `setBackends([...ports])` switches between one and two webhook processes without a restart;
 * `served` counts the requests each backend answered.
 */

const http = require('http');

const HOST = '127.0.0.1';

function startBalancer(port, backends) {
  let targets = [...backends];
  let next = 0;
  const served = new Map();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
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
        },
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
