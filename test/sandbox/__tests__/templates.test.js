'use strict';

const { useSandbox } = require('../test-support');
const { SEED } = require('..');

const t = useSandbox();
const missing = '0123456789abcdef0123456789abcdef';
const FIELDS = ['category', 'createdAt', 'status', 'templateType', 'text', 'title', 'uuid'];

describe('templates', () => {
  test('GET /templates pages through every template (5 per page) with meta', async () => {
    const p1 = await t.api('GET', '/templates');
    expect(p1.status).toBe(200);
    expect(p1.json.meta).toEqual({ page: 1, pages: 2 });
    expect(p1.json.templates).toHaveLength(5);
    const p2 = await t.api('GET', '/templates?page=2');
    expect(p2.json.meta).toEqual({ page: 2, pages: 2 });
    const all = [...p1.json.templates, ...p2.json.templates];
    expect(all.map((x) => x.uuid)).toEqual(Object.values(SEED.templates).map((x) => x.uuid));
    for (const x of all) expect(Object.keys(x).sort()).toEqual(FIELDS);
    expect((await t.api('GET', '/templates?page=3')).json).toEqual({ templates: [], meta: { page: 3, pages: 2 } });
    expect((await t.api('GET', '/templates?page=0')).status).toBe(400);
  });

  test('the seed covers approved, pending, rejected and paused; text, image, document and video; 0, 1, 2 and 3 variables', () => {
    const all = Object.values(SEED.templates);
    expect(new Set(all.map((x) => x.status))).toEqual(new Set(['approved', 'pending', 'rejected', 'paused']));
    expect(new Set(all.filter((x) => x.status === 'approved').map((x) => x.templateType))).toEqual(new Set(['text', 'image', 'document', 'video']));
    expect(new Set(all.map((x) => x.variables))).toEqual(new Set([0, 1, 2, 3]));
    expect(SEED.templates.orderShipped).toMatchObject({ status: 'approved', templateType: 'text', variables: 3 });
    expect(SEED.templates.welcome).toMatchObject({ status: 'approved', templateType: 'text', variables: 0 });
    expect(SEED.templates.appointment).toMatchObject({ status: 'approved', templateType: 'text', variables: 1 });
    expect(SEED.templates.brochure).toMatchObject({ status: 'approved', templateType: 'document', variables: 1 });
    expect(SEED.templates.promoPending.status).toBe('pending');
    expect(SEED.templates.rejected.status).toBe('rejected');
    for (const x of all) expect(['MARKETING', 'UTILITY']).toContain(x.category);
  });

  test('GET /templates/:uuid and 404', async () => {
    const r = await t.api('GET', `/templates/${SEED.templates.brochure.uuid}`);
    const { variables, ...expected } = SEED.templates.brochure;
    expect(r.json).toEqual({ template: expected });
    expect((await t.api('GET', `/templates/${missing}`))).toMatchObject({ status: 404, json: { error: 'Template not found' } });
  });

  test('PATCH /templates/:uuid {title} renames; the answer key is "templates" as in the docs', async () => {
    const r = await t.api('PATCH', `/templates/${SEED.templates.welcome.uuid}`, { title: 'Welcome v2' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ templates: expect.objectContaining({ uuid: SEED.templates.welcome.uuid, title: 'Welcome v2', text: SEED.templates.welcome.text }) });
    expect((await t.api('GET', `/templates/${SEED.templates.welcome.uuid}`)).json.template.title).toBe('Welcome v2');
  });

  test.each([[{}], [{ title: '' }], [{ title: '   ' }], [{ title: 5 }], [undefined]])('PATCH with %j → 422, unchanged', async (body) => {
    const r = await t.api('PATCH', `/templates/${SEED.templates.welcome.uuid}`, body);
    expect(r.status).toBe(422);
    expect(r.json.details).toHaveProperty('title');
    expect(t.sb.state.account.templates.find((x) => x.uuid === SEED.templates.welcome.uuid).title).toBe('Welcome');
  });

  test('PATCH unknown → 404; DELETE → 405; reset restores titles', async () => {
    expect((await t.api('PATCH', `/templates/${missing}`, { title: 'x' })).status).toBe(404);
    expect((await t.api('DELETE', `/templates/${SEED.templates.welcome.uuid}`)).status).toBe(405);
    await t.api('PATCH', `/templates/${SEED.templates.welcome.uuid}`, { title: 'Changed' });
    t.sb.reset();
    expect((await t.api('GET', `/templates/${SEED.templates.welcome.uuid}`)).json.template.title).toBe('Welcome');
  });
});

describe('channels for sending', () => {
  test('SEED.channels: main WhatsApp, a second WhatsApp line, Instagram, Messenger, Telegram, one inactive', () => {
    const c = SEED.channels;
    expect([c.whatsapp.type, c.whatsappSales.type, c.instagram.type, c.facebook.type, c.telegram.type, c.whatsappOld.type])
      .toEqual(['whatsapp', 'whatsapp', 'instagram', 'facebook', 'telegram', 'whatsapp']);
  });

  test('only the old number is inactive', async () => {
    const inactive = (await t.api('GET', '/channels?active=false')).json.channels;
    expect(inactive.map((x) => x.uuid)).toEqual([SEED.channels.whatsappOld.uuid]);
    expect((await t.api('GET', `/channels/${SEED.channels.whatsappSales.uuid}`)).json.channel).toEqual({
      uuid: SEED.channels.whatsappSales.uuid, title: 'WhatsApp · Sales line', type: 'whatsapp', main: false, discardedAt: false,
    });
  });
});
