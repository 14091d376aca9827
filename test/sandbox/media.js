'use strict';
// @ts-check

/**
 * Attachment files, as Callbell's storage serves them (Callbell's docs: `message_created.attachments`
 * is a string[] of URLs; the files live outside the API, so the API token is not needed to read them).
 *
 * Small, real files generated in code (nothing binary in git):
 *   photo.png        image/png        a valid 2×2 PNG
 *   voice-note.ogg   audio/ogg        a valid Ogg Opus stream (OpusHead, OpusTags and one silent frame)
 *   invoice.pdf      application/pdf  a valid one-page PDF; sent with Content-Disposition
 *                                     `attachment; filename="invoice-1042.pdf"` (a document keeps its name)
 *   video.mp4        video/mp4        `?bytes=N` bytes (default 2 MiB) of filler, for size limits
 * Every answer has its real Content-Type and Content-Length. Controls, on any file's URL:
 *   ?status=404 (or any 4xx/5xx)     answers that status instead
 *   ?delayMs=N                       waits N ms (at most 60 s) before answering
 *   ?chunked=1                       sends no Content-Length (chunked), as some storage does
 * Unknown names → 404. Every request is logged with `hasAuthorization` (never the header's value).
 *
 * Served under /media/ by a separate "storage" server (sb.storage.url, another port: another host
 * for the node, as third-party storage is) and also by the API server itself (sb.origin + /media/).
 */

const zlib = require('node:zlib');

/** @type {number[]} */
const CRC32_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC32_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG (red, green / blue, white). */
function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Ogg's CRC (polynomial 0x04c11db7, no reflection, initial 0). */
const OGG_TABLE = Array.from({ length: 256 }, (_, n) => {
  let r = n << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});
/** @param {Buffer} buf */
function oggCrc(buf) {
  let c = 0;
  for (const b of buf) c = ((c << 8) ^ OGG_TABLE[((c >>> 24) & 0xff) ^ b]) >>> 0;
  return c;
}

/** One Ogg page holding one packet (< 255 × 255 bytes). @param {Buffer} packet @param {number} flags @param {number} granule @param {number} seq */
function oggPage(packet, flags, granule, seq) {
  const segments = [];
  let left = packet.length;
  while (left >= 255) {
    segments.push(255);
    left -= 255;
  }
  segments.push(left);
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'ascii');
  header[4] = 0;
  header[5] = flags;
  header.writeBigUInt64LE(BigInt(granule), 6);
  header.writeUInt32LE(0x43424c4c, 14); // stream serial "CBLL"
  header.writeUInt32LE(seq, 18);
  header.writeUInt32LE(0, 22);
  header[26] = segments.length;
  const page = Buffer.concat([header, Buffer.from(segments), packet]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** A voice note as WhatsApp records them: Ogg Opus, mono, 48 kHz, one 20 ms silent frame. */
function ogg() {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48000, 12);
  head.writeInt16LE(0, 16);
  head[18] = 0;
  const vendor = Buffer.from('callbell-sandbox', 'ascii');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  const silence = Buffer.from([0xf8, 0xff, 0xfe]); // TOC: CELT FB 20 ms, one frame; then a silent frame
  return Buffer.concat([oggPage(head, 0x02, 0, 0), oggPage(tags, 0x00, 0, 1), oggPage(silence, 0x04, 960, 2)]);
}

/** A one-page PDF with a correct cross-reference table. */
function pdf() {
  const stream = 'BT /F1 18 Tf 72 720 Td (Invoice 1042) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) text += `${String(at).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

const DEFAULT_FILLER_BYTES = 2 * 1024 * 1024;
const MAX_FILLER_BYTES = 64 * 1024 * 1024;

/** @typedef {{ name: string, kind: string, contentType: string, bytes: () => Buffer, disposition?: string }} MediaFile */
/** @type {MediaFile[]} */
const FILES = [
  { name: 'photo.png', kind: 'image', contentType: 'image/png', bytes: png },
  { name: 'voice-note.ogg', kind: 'voice', contentType: 'audio/ogg', bytes: ogg },
  { name: 'invoice.pdf', kind: 'document', contentType: 'application/pdf', bytes: pdf, disposition: 'attachment; filename="invoice-1042.pdf"' },
  { name: 'video.mp4', kind: 'large', contentType: 'video/mp4', bytes: () => Buffer.alloc(DEFAULT_FILLER_BYTES, 0x2e) },
];
/** The files by kind: `image`, `voice`, `document`, `large`. */
const MEDIA = Object.fromEntries(FILES.map((f) => [f.kind, { name: f.name, contentType: f.contentType, bytes: f.bytes(), disposition: f.disposition }]));

/**
 * The storage: logs requests and answers GET/HEAD /media/<name>.
 * @param {{ delay: (ms: number) => Promise<void> }} timers
 */
function createMediaStore(timers) {
  /** @type {{ at: string, method: string, path: string, query: Record<string, string>, hasAuthorization: boolean, status: number }[]} */
  const requests = [];
  /**
   * @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res
   * @param {string} rawPath path without query, starting with /media/ @param {string} search
   */
  async function handle(req, res, rawPath, search) {
    req.resume();
    const method = (req.method || 'GET').toUpperCase();
    const query = Object.fromEntries(new URLSearchParams(search));
    const entry = { at: new Date().toISOString(), method, path: rawPath, query, hasAuthorization: typeof req.headers.authorization === 'string', status: 0 };
    requests.push(entry);
    const delayMs = Math.min(Math.max(Number(query.delayMs) || 0, 0), 60_000);
    if (delayMs > 0) await timers.delay(delayMs);
    if (res.destroyed) return;
    const chunked = query.chunked === '1';
    const answer = (/** @type {number} */ status, /** @type {Record<string, string>} */ headers, /** @type {Buffer} */ body) => {
      entry.status = status;
      if (!chunked) {
        res.writeHead(status, { 'Content-Length': String(body.length), 'Cache-Control': 'no-store', ...headers });
        return res.end(method === 'HEAD' ? undefined : body);
      }
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers }); // Transfer-Encoding: chunked, no length
      if (method === 'HEAD') return res.end();
      for (let at = 0; at < body.length; at += 64 * 1024) res.write(body.subarray(at, at + 64 * 1024));
      res.end();
    };
    const notFound = () => answer(404, { 'Content-Type': 'application/xml' }, Buffer.from('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>'));
    if (method !== 'GET' && method !== 'HEAD') return answer(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, Buffer.from('Method Not Allowed'));
    const forced = Number(query.status);
    if (Number.isInteger(forced) && forced >= 400 && forced <= 599) {
      return forced === 404 ? notFound() : answer(forced, { 'Content-Type': 'text/plain' }, Buffer.from(`Storage answered ${forced}`));
    }
    let name;
    try {
      name = decodeURIComponent(rawPath.slice('/media/'.length));
    } catch {
      return notFound();
    }
    const file = FILES.find((f) => f.name === name);
    if (!file) return notFound();
    let body = MEDIA[file.kind].bytes;
    if (file.kind === 'large' && query.bytes !== undefined) {
      const size = Number(query.bytes);
      if (!Number.isInteger(size) || size < 1 || size > MAX_FILLER_BYTES) return answer(400, { 'Content-Type': 'text/plain' }, Buffer.from('bytes must be 1…64 MiB'));
      body = Buffer.alloc(size, 0x2e);
    }
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': file.contentType };
    if (file.disposition) headers['Content-Disposition'] = file.disposition;
    return answer(200, headers, body);
  }
  return { requests, handle, clear: () => (requests.length = 0) };
}

module.exports = { MEDIA, createMediaStore, png, ogg, pdf, crc32 };
