'use strict';

/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time by package
 * (and by n8n's own folder), grouped into the parts of the webhook path named in docs/queue-mode.md
 * §9, plus the functions with the most self and total time. Only the samples inside a window on the
 * monotonic clock are counted when one is given (the queue-burst bench keeps each round's window).
 *
 *   node bench/cpu-profile-summary.js <file.cpuprofile> [fromUs toUs] [--requests N] [--json]
 */

const fs = require('fs');

/** The part of the webhook path a package or file belongs to. */
const GROUPS = [
  ['ours (n8n-nodes-callbell)', /n8n-nodes-callbell/],
  ['TypeORM / pg (database)', /^(typeorm|pg|pg-protocol|pg-pool|pg-types|postgres-.*|pgpass|reflect-metadata|@n8n\/db|@n8n\/typeorm)$/],
  ['Bull / ioredis (queue)', /^(bull|ioredis|redis-parser|cluster-key-slot|denque|standard-as-callback|msgpackr.*)$/],
  ['express / HTTP / body parsing', /^(express|body-parser|raw-body|iconv-lite|router|finalhandler|send|qs|cookie.*|content-type|type-is|on-finished|compression|helmet|cors|formidable|isbot|ua-parser-js|node:_http_.*|node:http|node:net|node:stream.*|node:internal\/streams.*|node:zlib)$/],
  ['logging / events / metrics', /^(winston.*|logform|triple-beam|@colors\/colors|fecha|safe-stable-stringify|prom-client|@sentry\/.*|@opentelemetry\/.*|@n8n\/backend-common)$/],
  ['n8n-workflow (Workflow, expressions)', /^(n8n-workflow|@n8n\/expression-runtime|isolated-vm|@n8n\/tournament|esprima-next|recast|ast-types)$/],
  ['n8n-core (node helpers, credentials)', /^(n8n-core|@n8n\/backend-network|axios|follow-redirects|node:crypto|node:internal\/crypto.*)$/],
  ['n8n (cli: webhook path, runner, services)', /^n8n\//],
  ['@n8n/* other (config, di, …)', /^@n8n\//],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
  ['(program) (V8/native outside JS)', /^\(program\)$/],
];

/** A short name for where a frame's code lives: a package, `n8n/<folder>`, `node:<module>` or a V8 pseudo-frame. */
function placeOf(frame) {
  const url = frame.url || '';
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return url.replace(/\/(lib|internal)\/.*$/, '');
  const parts = url.replace(/^file:\/\//, '').split('/node_modules/');
  if (parts.length < 2) return '(other file)';
  const tail = parts[parts.length - 1].split('/');
  const pkg = tail[0].startsWith('@') ? `${tail[0]}/${tail[1]}` : tail[0];
  if (pkg === 'n8n') return `n8n/${tail[1] === 'dist' ? tail[2] : tail[1]}`.replace(/\.js$/, '');
  return pkg;
}

function groupOf(place) {
  for (const [name, re] of GROUPS) if (re.test(place)) return name;
  if (place.startsWith('node:')) return 'node.js internals (other)';
  return 'other packages';
}

function summarize(profile, { fromUs = -Infinity, toUs = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(); // node id -> µs
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    // A sample's time is the gap to the next one (the usual way to weigh V8 samples).
    const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) || 0) + dt);
    total += dt;
  }
  const add = (map, key, us) => map.set(key, (map.get(key) || 0) + us);
  const byPlace = new Map();
  const byGroup = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const place = placeOf(frame);
    add(byPlace, place, us);
    add(byGroup, groupOf(place), us);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${place}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, us);
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p).callFrame;
      const key = `${f.functionName || '(anonymous)'} ${placeOf(f)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, us);
    }
  }
  const sorted = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ name: k, ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 10 }));
  return { windowMs: Math.round(total / 1000), byGroup: sorted(byGroup, 50), byPlace: sorted(byPlace, 30), selfTop: sorted(byFunction, 30), totalTop: sorted(inclusive, 60).filter((x) => !/^\(root\)/.test(x.name)) };
}

function render(s, requests) {
  const busy = s.byGroup.filter((g) => g.name !== 'idle').reduce((a, g) => a + g.ms, 0);
  const per = (ms) => (requests ? ` ${(ms / requests).toFixed(1)} ms/req` : '');
  const lines = [`window ${s.windowMs} ms sampled, ${busy} ms not idle${requests ? ` (${(busy / requests).toFixed(1)} ms per request over ${requests})` : ''}`, '', 'self time by part:'];
  for (const g of s.byGroup) lines.push(`  ${String(g.ms).padStart(7)} ms ${String(g.share).padStart(5)} %${per(g.ms).padEnd(16)} ${g.name}`);
  lines.push('', 'self time by package / n8n folder:');
  for (const g of s.byPlace) lines.push(`  ${String(g.ms).padStart(7)} ms ${String(g.share).padStart(5)} %  ${g.name}`);
  lines.push('', 'functions, self time:');
  for (const g of s.selfTop) lines.push(`  ${String(g.ms).padStart(7)} ms ${String(g.share).padStart(5)} %  ${g.name}`);
  lines.push('', 'functions, total time (self + callees):');
  for (const g of s.totalTop) lines.push(`  ${String(g.ms).padStart(7)} ms ${String(g.share).padStart(5)} %  ${g.name}`);
  return lines.join('\n');
}

module.exports = { summarize, render, placeOf, groupOf };

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, v] = args.splice(i, 2);
    return v;
  };
  const json = args.includes('--json') ? (args.splice(args.indexOf('--json'), 1), true) : false;
  const requests = Number(flag('--requests') || 0);
  const [file, fromUs, toUs] = args;
  const s = summarize(JSON.parse(fs.readFileSync(file, 'utf8')), { fromUs: fromUs ? Number(fromUs) : undefined, toUs: toUs ? Number(toUs) : undefined });
  console.log(json ? JSON.stringify(s, null, 2) : render(s, requests));
}
