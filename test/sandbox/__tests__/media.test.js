'use strict';

const zlib = require('node:zlib');

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const get = async (url, headers = {}) => {
  const started = Date.now();
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()), ms: Date.now() - started };
};

/** Every PNG chunk's CRC is right, and the pixels inflate to 2 rows of 2 RGB pixels with filter bytes. */
function checkPng(bytes) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const types = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const body = bytes.subarray(at + 4, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(body));
    types.push(body.subarray(0, 4).toString('ascii'));
    if (types.at(-1) === 'IDAT') expect(zlib.inflateSync(body.subarray(4))).toHaveLength(14);
    at += 12 + length;
  }
  expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
}

describe('attachment files (media.js)', () => {
  test('the image, voice note and PDF are real files with their Content-Type and Content-Length; the PDF has a file name', async () => {
    const image = await get(t.sb.mediaUrl('image'));
    expect([image.status, image.headers.get('content-type'), Number(image.headers.get('content-length'))]).toEqual([200, 'image/png', image.bytes.length]);
    expect(image.headers.get('content-disposition')).toBeNull();
    checkPng(image.bytes);

    const voice = await get(t.sb.mediaUrl('voice'));
    expect([voice.status, voice.headers.get('content-type'), Number(voice.headers.get('content-length'))]).toEqual([200, 'audio/ogg', voice.bytes.length]);
    expect(voice.bytes.subarray(0, 4).toString()).toBe('OggS');
    expect(voice.bytes.subarray(28, 36).toString()).toBe('OpusHead');

    const pdf = await get(t.sb.mediaUrl('document'));
    expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('content-disposition')]).toEqual([200, 'application/pdf', 'attachment; filename="invoice-1042.pdf"']);
    const text = pdf.bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(text)[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    expect(text.slice(Number(/0000000000 65535 f \n(\d{10})/.exec(text)[1])).startsWith('1 0 obj')).toBe(true);
  });

  test('controls: ?status=404, ?delayMs, and a large file of ?bytes', async () => {
    const missing = await get(t.sb.mediaUrl('image', { status: 404 }));
    expect(missing.status).toBe(404);
    expect((await get(`${t.sb.storage.url}/nothing-here.jpg`)).status).toBe(404);
    expect((await get(t.sb.mediaUrl('document', { status: 503 }))).status).toBe(503);
    const slow = await get(t.sb.mediaUrl('voice', { delayMs: 300 }));
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(290);
    const large = await get(t.sb.mediaUrl('large', { bytes: 3_000_000 }));
    expect([large.status, large.headers.get('content-type'), large.headers.get('content-length'), large.bytes.length]).toEqual([200, 'video/mp4', '3000000', 3_000_000]);
    const chunked = await get(t.sb.mediaUrl('document', { chunked: true }));
    expect([chunked.status, chunked.headers.get('content-length'), chunked.headers.get('transfer-encoding')]).toEqual([200, null, 'chunked']);
    expect(chunked.bytes).toEqual(t.sb.media.document.bytes);
  });

  test('the storage is another host than the API; the API host serves the same files; requests are logged without the token', async () => {
    expect(new URL(t.sb.storage.url).host).not.toBe(new URL(t.sb.url).host);
    const onApi = t.sb.mediaUrl('image', { onApiHost: true });
    expect(onApi.startsWith(`${t.sb.origin}/media/`)).toBe(true);
    expect((await get(onApi, { Authorization: 'Bearer sandbox-token' })).status).toBe(200);
    await get(t.sb.mediaUrl('voice'));
    expect(t.sb.storage.requests.map((r) => [r.path, r.hasAuthorization, r.status])).toEqual([['/media/photo.png', true, 200], ['/media/voice-note.ogg', false, 200]]);
    expect(JSON.stringify(t.sb.storage.requests)).not.toContain('sandbox-token');
    const control = await (await fetch(`${t.sb.origin}/__sandbox/storage`)).json();
    expect(control.files.document).toEqual({ name: 'invoice.pdf', contentType: 'application/pdf', size: t.sb.media.document.bytes.length, url: t.sb.mediaUrl('document') });
  });

  test('an inbound message may name file kinds: its message_created and Get Messages carry the storage URLs', async () => {
    const ada = SEED.contacts.ada.uuid;
    const r = t.sb.inbound({ contact_uuid: ada, text: 'Photo, voice note and invoice', attachments: ['image', 'voice', 'document'] });
    const urls = ['image', 'voice', 'document'].map((kind) => t.sb.mediaUrl(kind));
    expect(r.message.attachments).toEqual(urls);
    expect(t.sb.events.emitted.at(-1).payload.attachments).toEqual(urls);
    const history = (await t.api('GET', `/contacts/${ada}/messages`)).json.messages;
    expect(history[0]).toMatchObject({ uuid: r.message.uuid, attachments: urls });
  });
});
