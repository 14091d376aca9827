'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const ada = SEED.contacts.ada.uuid;

/** [label, method, path, body, docs shape] */
const ENDPOINTS = [
  ['GET /contacts/:uuid', 'GET', `/contacts/${ada}`, undefined, 'array'],
  ['POST /contacts', 'POST', '/contacts', { identifier: '+44 7700 900444', source: 'whatsapp', name: 'Shape' }, 'array'],
  ['PATCH /contacts/:uuid', 'PATCH', `/contacts/${ada}`, { name: 'Ada' }, 'array'],
  ['conversation/open', 'POST', `/contacts/${ada}/conversation/open`, undefined, 'array'],
  ['GET /contacts/phone/:phone', 'GET', '/contacts/phone/447700900001', undefined, 'object'],
  ['conversation/close', 'POST', `/contacts/${ada}/conversation/close`, undefined, 'object'],
  ['update_funnel (PUT)', 'PUT', `/contacts/${ada}/conversation/update_funnel`, { funnel_id: SEED.funnels.interest.uuid }, 'object'],
  ['update_funnel (POST)', 'POST', `/contacts/${ada}/messages/update_funnel`, { funnel_id: SEED.funnels.interest.uuid }, 'object'],
];

const shapeOf = (json) => (Array.isArray(json.contact) ? 'array' : typeof json.contact === 'object' && json.contact ? 'object' : 'other');

describe.each(['docs', 'object', 'array'])('contactShape %s', (mode) => {
  beforeEach(() => t.sb.setContactShape(mode));

  test.each(ENDPOINTS)('%s', async (_label, method, path, body, docsShape) => {
    const r = await t.api(method, path, body);
    expect(r.status).toBe(200);
    expect(shapeOf(r.json)).toBe(mode === 'docs' ? docsShape : mode);
    if (Array.isArray(r.json.contact)) expect(r.json.contact).toHaveLength(1);
  });
});

describe('contactShape configuration', () => {
  test('reset() restores the creation option', async () => {
    t.sb.setContactShape('object');
    t.sb.reset();
    expect(t.sb.config().contactShape).toBe('docs');
  });

  test('invalid values are refused', async () => {
    expect(() => t.sb.setContactShape('list')).toThrow(TypeError);
    const { createSandbox } = require('..');
    await expect(createSandbox({ contactShape: 'nope' })).rejects.toThrow(TypeError);
  });

  test('lists are never wrapped', async () => {
    t.sb.setContactShape('array');
    const r = await t.api('GET', '/contacts');
    expect(Array.isArray(r.json.contacts)).toBe(true);
    expect(Array.isArray(r.json.contacts[0])).toBe(false);
  });
});
