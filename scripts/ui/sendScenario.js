'use strict';

/**
 * `npm run test:ui`, part 2: Message → Send with an approved template, as a user builds it in the
 * editor: the channel picker (active channels, the main one first), the template picker (approved
 * templates with media type, variables and the start of the text), Template Values' fields (one per
 * variable of the picked template, Media URL for a media template, replaced when another template
 * is picked), filled one by one, and the opt-in; then the node runs and the sandbox holds the
 * message. The filled form becomes docs/images/send-template.png (with UI_UPDATE_IMAGES=1).
 * Called by run.js after the contact scenario (scenario.js).
 */
const assert = require('assert/strict');

const { SANDBOX_CREDENTIAL } = require('../lib/demo-setup');
const { SEED } = require('../../test/sandbox');
const { eventually, outputJsonShowing } = require('./editor');
const { publishImage } = require('./images');

const NODE_TYPE = 'n8n-nodes-callbell.callbell';
const TEMPLATE = SEED.templates.orderShipped;
const MEDIA_TEMPLATE = SEED.templates.brochure;
const VALUES = ['Alan', 'A-2001', 'Friday'];
const PHONE = '+44 7700 900003';

async function runSendScenario({ page, editor, step, shot, sandbox, n8nUrl, log }) {
  const { ndv } = editor;
  /** The list mode of the resource locator `name`: opens it and returns the items' texts. */
  async function openList(name, expected) {
    const locator = ndv().getByTestId(`resource-locator-${name}`);
    await editor.openUntilVisible(locator.getByTestId('rlc-input').first(), page.getByTestId('rlc-item').filter({ hasText: expected }), `the ${name} list`);
    return (await page.getByTestId('rlc-item').allInnerTexts()).map((t) => t.trim());
  }
  async function chooseItem(name, text) {
    await page.getByTestId('rlc-item').filter({ hasText: text }).first().click();
    const input = ndv().getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').first();
    await eventually(async () => (await input.evaluate((el) => el.value ?? el.textContent)).includes(text), `the ${name} to show ${text}`);
  }

  await step('Message → Send: add the node, the never-twice notice', async () => {
    await page.goto(`${n8nUrl}/workflow/new`);
    await editor.openActionsPanel(); // a Manual Trigger first: an empty canvas offers only triggers
    const creator = await editor.searchNodes('Callbell');
    await creator.getByTestId('node-creator-action-item').filter({ hasText: 'Callbell' }).first().click();
    // n8n draws a long actions list a part at a time: scroll through it, collecting what it shows.
    const wanted = ['Send a message', 'Get the status of a message', 'Delete a message', 'Rename a channel'];
    const items = creator.getByTestId('item-iterator-item');
    const seen = new Set();
    await eventually(async () => {
      for (const text of await items.allInnerTexts()) seen.add(text.trim());
      if (wanted.every((action) => [...seen].some((a) => a.includes(action)))) return true;
      await items.last().hover().catch(() => {});
      await page.mouse.wheel(0, 600);
      return false;
    }, `the actions ${JSON.stringify(wanted)} in the node creator`);
    await creator.getByText('Send a message', { exact: true }).scrollIntoViewIfNeeded();
    await creator.getByText('Send a message', { exact: true }).click();
    await ndv().waitFor({ state: 'visible' });
    if ((await editor.credentialName()) !== SANDBOX_CREDENTIAL.name) await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    const notice = await ndv().getByText(/A message is never sent twice/).innerText();
    assert.match(notice, /may have been sent/);
    await editor.fillText('phoneNumber', PHONE);
  });

  await step('Channel picker: active channels as users know them, the main one first', async () => {
    await page.setViewportSize({ width: 1440, height: 1500 });
    const channels = await openList('channel', 'WhatsApp · Main line');
    assert.equal(channels[0], 'WhatsApp · Main line (main)', `first channel: ${channels[0]}`);
    assert.ok(channels.some((c) => c.includes('WhatsApp · Sales line')), `the Sales line is listed: ${channels}`);
    assert.ok(!channels.some((c) => c.includes('Old number')), 'the deactivated channel is not offered');
    log(`  channels: ${channels.join(' | ')}`);
    await shot('channel picker');
    await chooseItem('channel', 'WhatsApp · Main line');
  });

  /** The Template Values fields (the resource mapper): their labels once the picked template's fields loaded. */
  const mapper = () => ndv().getByTestId('resource-mapper-container');
  /** The inputs of the mapper's fields, in the order of their labels. */
  const fieldInputs = () => mapper().getByTestId('mapping-fields-container').locator('input:not([type="hidden"]), textarea');
  async function mapperLabels(expected) {
    return await eventually(async () => {
      const text = await mapper().innerText().catch(() => '');
      const labels = text.split('\n').map((t) => t.trim()).filter((t) => /^(\{\{\d+\}\} — |Media URL — )/.test(t));
      return expected.length === labels.length && expected.every((label) => labels.some((l) => l.startsWith(label))) && labels;
    }, `the Template Values fields ${JSON.stringify(expected)}`);
  }

  await step('Template picker: approved templates with media type, variables and text', async () => {
    await editor.pickOption('messageType', 'Template');
    const templates = await openList('template', TEMPLATE.title);
    const approved = Object.values(SEED.templates).filter((t) => t.status === 'approved');
    assert.equal(templates.length, approved.length, `only approved templates: ${JSON.stringify(templates)}`);
    assert.ok(templates.some((t) => t.startsWith(`${TEMPLATE.title} · text · 3 variables · “Hi {{1}}, your order`)), `labels: ${templates}`);
    assert.ok(!templates.some((t) => t.includes('Weekend promo')), 'a pending template is not offered');
    log(`  templates: ${templates.map((t) => t.split('\n')[0]).join(' | ')}`);
    await shot('template picker');
  });

  await step('Template Values: a media template shows its variable and Media URL; another template replaces them', async () => {
    await chooseItem('template', MEDIA_TEMPLATE.title);
    const media = await mapperLabels(['{{1}} — Hi {{1}}, here is the…', 'Media URL — the document sent with the template']);
    log(`  ${MEDIA_TEMPLATE.title}: ${media.join(' | ')}`);
    await shot('media template values', { locator: mapper() });
    await openList('template', TEMPLATE.title);
    await chooseItem('template', TEMPLATE.title);
    const labels = await mapperLabels(['{{1}} — Hi {{1}}, your order…', '{{2}} — …your order {{2}} has shipped…', '{{3}} — …should arrive by {{3}}.']);
    assert.ok(!labels.some((l) => l.startsWith('Media URL')), `a text template has no Media URL: ${labels}`);
    assert.equal(await ndv().getByText('Currently no items exist').count(), 0, 'no empty list of values');
    assert.equal(await ndv().getByTestId('fixed-collection-templateValues').count(), 0, 'the older list is not shown');
    log(`  ${TEMPLATE.title}: ${labels.join(' | ')}`);
  });

  await step('Fill one field per variable and the opt-in', async () => {
    assert.equal(await fieldInputs().count(), VALUES.length, 'one input per variable');
    for (let i = 0; i < VALUES.length; i++) {
      const input = fieldInputs().nth(i);
      await input.fill(VALUES[i]);
      await input.blur();
    }
    await ndv().getByTestId('parameter-input-optIn').locator('.el-switch').first().click();
    const file = await shot('send template form', { locator: ndv().getByTestId('node-parameters') });
    publishImage('send-template.png', file, log);
  });

  await step('Execute the node: the template is sent once, with its values', async () => {
    await ndv().getByTestId('node-execute-button').click();
    const output = ndv().getByTestId('output-panel');
    await output.getByTestId('node-run-status-success').or(output.getByTestId('node-run-status-danger')).first().waitFor({ state: 'visible' });
    await output.getByTestId('radio-button-json').click();
    const json = await outputJsonShowing(output, [/"status": "/]);
    assert.equal(await output.getByTestId('node-run-status-success').count(), 1, `the run succeeded; output: ${json.slice(0, 600)}`);
    assert.match(json, /"status": "enqueued"/);
    const posts = sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/messages/send');
    assert.equal(posts.length, 1, `one POST /messages/send, saw ${posts.length}`);
    assert.deepEqual(
      { to: posts[0].body.to, channel: posts[0].body.channel_uuid, template: posts[0].body.template_uuid, values: posts[0].body.template_values, optIn: posts[0].body.optin_contact },
      { to: '+447700900003', channel: SEED.channels.whatsapp.uuid, template: TEMPLATE.uuid, values: VALUES, optIn: true },
    );
    log(`  sent: ${JSON.stringify(posts[0].body)}`);
    await shot('send output', { locator: ndv() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.closeNdv();
    assert.equal(await editor.canvasNode(NODE_TYPE).count(), 1);
  });

  await step('AI Agent tools: the nodes panel offers "Callbell Tool"', async () => {
    await page.goto(`${n8nUrl}/workflow/new`);
    await page.getByTestId('canvas-add-button').click();
    const creator = await editor.searchNodes('AI Agent');
    await creator.getByTestId('node-creator-item-name').getByText('AI Agent', { exact: true }).first().click();
    await ndv().waitFor({ state: 'visible' });
    await editor.closeNdv();
    const toolInput = page.locator('[data-test-id="canvas-node-input-handle"][data-connection-type="ai_tool"]');
    await toolInput.getByTestId('canvas-handle-plus').click();
    const tools = await editor.searchNodes('Callbell');
    const item = tools.getByTestId('node-creator-item-name').getByText('Callbell Tool', { exact: true });
    await item.waitFor({ state: 'visible' });
    const header = await tools.getByTestId('nodes-list-header').innerText().catch(() => '');
    assert.match(header, /Tools/, `the panel is the Tools panel: ${header}`);
    const icon = await editor.iconOf(tools.getByTestId('node-creator-node-item').or(tools.getByTestId('node-creator-action-item')).first());
    assert.ok(icon.src.includes('/icons/n8n-nodes-callbell/') && icon.loaded, `tool icon ${icon.src}`);
    await shot('tools panel', { locator: tools });
  });

  await step('Callbell Tool form: Message → Send with a template shows one field per variable, each one the model can fill', async () => {
    await page.getByTestId('node-creator').getByTestId('node-creator-item-name').getByText('Callbell Tool', { exact: true }).click();
    // A community node may first show its details with an "Add to workflow" button.
    const add = page.getByRole('button', { name: /Add to workflow/i });
    await eventually(async () => (await ndv().isVisible()) || ((await add.isVisible()) && (await add.click(), false)), 'the tool’s panel');
    await page.setViewportSize({ width: 1440, height: 1500 });
    if ((await editor.credentialName()) !== SANDBOX_CREDENTIAL.name) await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    await editor.pickOption('resource', 'Message');
    await editor.pickOption('operation', 'Send');
    await editor.pickOption('messageType', 'Template');
    await openList('template', TEMPLATE.title);
    await chooseItem('template', TEMPLATE.title);
    const labels = await mapperLabels(['{{1}} — Hi {{1}}, your order…', '{{2}} — …your order {{2}} has shipped…', '{{3}} — …should arrive by {{3}}.']);
    // n8n offers "Let the model define this parameter" on a field of a tool's form when hovered.
    await fieldInputs().first().hover();
    await ndv().getByTestId('from-ai-override-button').first().waitFor({ state: 'visible' });
    log(`  Callbell Tool, ${TEMPLATE.title}: ${labels.join(' | ')}; the first field offers the model override`);
    await shot('tool form template values', { locator: ndv().getByTestId('node-parameters') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.closeNdv();
  });
}

module.exports = { runSendScenario };
