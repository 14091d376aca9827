'use strict';

/**
 * `npm run test:ui`, the AI support agent: the shipped example examples/ai-support-agent.json (which
 * every run imports) opened in the editor as a user opens it. The canvas: the trigger, Wait for
 * Customer to Finish, Conversation so far, the AI Agent with its model and four Callbell tools, the
 * set-up notes; the model has no credential yet (the workflow stays unpublished until it has one).
 * A Callbell Tool's form: its `$fromAI` fields shown as "Defined automatically by the model". Then
 * the steps before the agent run as a user tries them: "Listen for test event" on the trigger with a
 * customer message from the sandbox, "Execute step" on Wait for Customer to Finish (the burst, after
 * the Quiet Period) and on Conversation so far (the text a model reads). The canvas becomes
 * docs/images/ai-agent.png, the tool's form docs/images/ai-agent-tool.png (with UI_UPDATE_IMAGES=1,
 * images.js). Called by run.js last.
 */
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

const { SEED } = require('../../test/sandbox');
const { eventually, outputJsonShowing, WAIT_MS } = require('./editor');
const { publishImage } = require('./images');

const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'ai-support-agent.json'), 'utf8'));
const TOOL_TYPE = 'n8n-nodes-callbell.callbellTool';
const CUSTOMER = SEED.contacts.donald; // a WhatsApp contact no other UI scenario writes as
const INBOUND = 'Hi! Where is my lamp? I ordered it on Monday.';

async function runAiScenario({ page, editor, step, shot, sandbox, n8nUrl, log }) {
  const { ndv } = editor;
  const node = (name) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
  const named = (type) => EXAMPLE.nodes.filter((n) => n.type === type).map((n) => n.name);
  const waitNode = EXAMPLE.nodes.find((n) => n.parameters.operation === 'waitForCustomer');
  const historyNode = EXAMPLE.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbell' && n.parameters.operation === 'getMessages');

  async function open(name) {
    await node(name).dblclick();
    await ndv().waitFor({ state: 'visible' });
  }
  /** The output panel's JSON after the node's run, once it shows `expected`. */
  async function outputJson(expected) {
    const output = ndv().getByTestId('output-panel');
    await output.getByTestId('node-run-status-success').or(output.getByTestId('node-run-status-danger')).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await output.getByTestId('radio-button-json').click();
    const json = await outputJsonShowing(output, [expected]);
    assert.equal(await output.getByTestId('node-run-status-success').count(), 1, `the run succeeded; output: ${json.slice(0, 600)}`);
    return json;
  }

  await step('AI support agent example: the canvas shows the trigger, the burst wait, the history, the agent with its model and four Callbell tools', async () => {
    await page.setViewportSize({ width: 1440, height: 820 });
    await page.goto(`${n8nUrl}/workflow/${EXAMPLE.id}`);
    await node('AI Agent').waitFor({ state: 'visible' });
    await page.getByTestId('zoom-to-fit').click();
    await page.waitForTimeout(600); // the zoom animation
    const tools = named(TOOL_TYPE);
    assert.equal(tools.length, 4);
    for (const name of ['Callbell Trigger', waitNode.name, historyNode.name, 'AI Agent', 'OpenAI Chat Model', ...tools]) {
      assert.equal(await node(name).count(), 1, `the canvas shows "${name}"`);
    }
    assert.equal(await editor.canvasNode(TOOL_TYPE).count(), 4, 'four Callbell Tool nodes');
    const notes = await page.locator('[data-test-id="canvas-sticky-note-node"], [data-test-id="sticky"]').count();
    log(`  ${EXAMPLE.nodes.length} nodes (${notes} sticky notes rendered); tools: ${tools.join(', ')}`);
    const file = await shot('ai agent canvas', { locator: page.getByTestId('canvas-wrapper') });
    publishImage('ai-agent.png', file, log);
  });

  await step('OpenAI Chat Model: no credential yet, the editor offers "Connect to OpenAI"', async () => {
    await open('OpenAI Chat Model');
    // Without an OpenAI credential in the instance, n8n offers to create one instead of a select.
    await ndv().getByRole('button', { name: 'Connect to OpenAI' }).waitFor({ state: 'visible' });
    assert.equal(await ndv().getByTestId('node-credentials-select').count(), 0, 'no model credential to pick');
    await shot('model without credential', { locator: ndv() });
    await editor.closeNdv();
  });

  await step('Callbell Tool "Reply to customer": Message → Send, its Text defined automatically by the model', async () => {
    await page.setViewportSize({ width: 1440, height: 1300 });
    await open('Reply to customer');
    assert.equal(await ndv().getByTestId('parameter-input-resource').locator('input').first().inputValue(), 'Message');
    assert.equal(await ndv().getByTestId('parameter-input-operation').locator('input').first().inputValue(), 'Send');
    const auto = ndv().getByText('Defined automatically by the', { exact: false });
    await auto.first().waitFor({ state: 'visible' });
    assert.equal(await auto.count(), 1, 'one field (Text) is defined by the model');
    // The other fields the model could define carry n8n's ✨ button ("Let the model define this parameter").
    const offered = await ndv().getByTestId('from-ai-override-button').count();
    assert.ok(offered >= 1, 'the ✨ button is offered');
    log(`  Text: "Defined automatically by the model" ($fromAI); ✨ on ${offered} other field(s)`);
    const file = await shot('reply tool form', { locator: ndv() });
    publishImage('ai-agent-tool.png', file, log);
    await editor.closeNdv();
  });

  await step('Callbell Tool "Tag contact": Update Fields → Tags defined by the model, Tag Mode Add', async () => {
    await open('Tag contact');
    await ndv().getByText('Defined automatically by the', { exact: false }).first().waitFor({ state: 'visible' });
    assert.equal(await ndv().getByTestId('parameter-input-tagMode').locator('input').first().inputValue(), 'Add');
    await shot('tag tool form', { locator: ndv() });
    await editor.closeNdv();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await step('Callbell Trigger: Listen for test event; a customer message from the sandbox arrives', async () => {
    await open('Callbell Trigger');
    await ndv().getByTestId('node-execute-button').first().click();
    await eventually(() => sandbox.webhook && sandbox.webhook.url.includes('/webhook-test/'), 'the test URL subscription');
    sandbox.inbound({ contact_uuid: CUSTOMER.uuid, text: INBOUND });
    const output = ndv().getByTestId('ndv-output-panel').or(ndv().getByTestId('output-panel')).first();
    await output.getByText(INBOUND).first().waitFor({ state: 'visible' });
    await eventually(() => sandbox.webhook === null, 'the test listen to unsubscribe');
    log(`  ${CUSTOMER.name}: "${INBOUND}"`);
    await editor.closeNdv();
  });

  await step(`${waitNode.name}: its form, then Execute step: after the Quiet Period one item with the burst`, async () => {
    await page.setViewportSize({ width: 1440, height: 1300 });
    await open(waitNode.name);
    await ndv().getByText(/Of the executions started by a burst of customer messages, only the one for the last message continues/).waitFor({ state: 'visible' });
    for (const name of ['messageId', 'quietPeriod', 'maxWait']) assert.equal(await ndv().getByTestId(`parameter-input-${name}`).count(), 1, `the form shows ${name}`);
    await ndv().getByTestId('node-execute-button').first().click();
    const json = await outputJson('"endedBy": "quiet"');
    // The burst: every customer message since the team's last answer, this one last.
    const burst = /"text": "((?:[^"\\]|\\.)*)", "messageCount": (\d+)/.exec(json);
    assert.ok(burst && JSON.parse(`"${burst[1]}"`).endsWith(INBOUND), `the burst item: ${json.slice(0, 600)}`);
    log(`  ${burst[2]} message(s) in the burst: ${burst[1]}`);
    await shot('wait for customer output', { locator: ndv() });
    await editor.closeNdv();
  });

  await step(`${historyNode.name}: Get Messages, Output "Conversation as Text"; Execute step shows the text a model reads`, async () => {
    await open(historyNode.name);
    const output = await ndv().getByTestId('parameter-input-output').locator('input').first().inputValue();
    assert.equal(output, 'Conversation as Text');
    await ndv().getByTestId('node-execute-button').first().click();
    const json = await outputJson(`Customer: ${INBOUND}`);
    assert.match(json, /"text": "(Customer|Agent): /);
    log(`  ${json.slice(0, 200)}…`);
    await shot('conversation so far output', { locator: ndv() });
    await editor.closeNdv();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
}

module.exports = { runAiScenario };
