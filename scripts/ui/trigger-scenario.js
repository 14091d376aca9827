'use strict';

/**
 * The Callbell Trigger in n8n's editor (npm run test:ui, after the Callbell node's steps): added
 * from the nodes panel, its Registration notice, Events, Direction; then "Listen for test event"
 * with a customer message from the sandbox, whose item shows in the output panel. The screenshot of
 * the node's panel becomes docs/images/trigger.png (with UI_UPDATE_IMAGES=1, images.js).
 */
const assert = require('assert/strict');

const { SEED } = require('../../test/sandbox');
const { SANDBOX_CREDENTIAL } = require('../lib/demo-setup');
const { WAIT_MS } = require('./editor');
const { publishImage } = require('./images');

const TRIGGER_TYPE = 'n8n-nodes-callbell.callbellTrigger';
const EVENTS = [
  'Agent Session Updated', 'Agent Status Updated', 'Contact Created', 'Contact Deleted', 'Contact Updated',
  'Conversation Closed', 'Conversation Opened', 'Message Created', 'Message Status Updated', 'Team Membership Updated',
];

async function eventually(fn, what, timeoutMs = WAIT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runTriggerScenario({ page, editor, step, shot, sandbox, n8nUrl, log }) {
  const { ndv } = editor;

  await step('Callbell Trigger: found in the nodes panel and added to a new workflow', async () => {
    await page.goto(`${n8nUrl}/workflow/new`);
    await page.getByTestId('canvas-add-button').waitFor({ state: 'visible' });
    await page.getByTestId('canvas-add-button').click();
    const creator = await editor.searchNodes('Callbell Trigger');
    // n8n lists it as "Callbell" (without " Trigger") with the trigger's description.
    const item = creator.getByTestId('node-creator-node-item').or(creator.getByTestId('node-creator-action-item'))
      .filter({ hasText: 'start workflows on incoming messages and other Callbell events' }).first();
    await item.waitFor({ state: 'visible' });
    await shot('nodes panel: Callbell Trigger', { locator: creator });
    await item.click();
    // The app entry opens its trigger and its actions: pick the trigger.
    const entries = creator.getByTestId('item-iterator-item');
    await entries.first().waitFor({ state: 'visible' });
    const texts = (await entries.allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
    log(`  the Callbell entry offers: ${texts.slice(0, 6).join(' | ')}${texts.length > 6 ? ' | …' : ''}`);
    await shot('Callbell entry: trigger and actions', { locator: creator });
    for (const event of ['On message created', 'On contact updated', 'On team membership updated']) {
      assert.ok(texts.includes(event), `the Callbell entry offers "${event}"`);
    }
    await entries.filter({ hasText: 'On message created' }).first().click();
    // A community node may first show its details with an "Add to workflow" button.
    const add = page.getByRole('button', { name: /Add to workflow/i });
    await eventually(async () => (await ndv().isVisible()) || ((await add.isVisible()) && (await add.click(), false)), 'the node panel');
    assert.equal(await editor.canvasNode(TRIGGER_TYPE).count(), 1);
  });

  await step('Callbell Trigger: Registration notice, Events (all ten), Direction', async () => {
    await page.setViewportSize({ width: 1440, height: 1200 });
    if ((await editor.credentialName()) !== SANDBOX_CREDENTIAL.name) await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    assert.equal(await editor.credentialName(), SANDBOX_CREDENTIAL.name);
    const registration = await editor.openOptions('registration', 'Manual');
    assert.deepEqual(registration, ['Automatic', 'Manual']);
    await editor.choose('Automatic');
    const notice = ndv().getByText(/Callbell keeps one webhook per account\. Publishing this workflow REPLACES any webhook/);
    await notice.waitFor({ state: 'visible' });
    await ndv().getByText(/Recommended: set a Webhook Signing Secret/).waitFor({ state: 'visible' });
    const events = await editor.openOptions('events', 'Message Created');
    const missing = EVENTS.filter((e) => !events.includes(e));
    assert.deepEqual(missing, [], `the Events options lack ${missing.join(', ')}`);
    await shot('events');
    await page.keyboard.press('Escape');
    await ndv().getByText('Registration', { exact: true }).first().click(); // closes the Events dropdown
    const directions = await editor.openOptions('direction', 'Incoming Only');
    for (const d of ['Incoming Only', 'Outgoing Only', 'Both']) assert.ok(directions.includes(d), `Direction offers ${d}: ${JSON.stringify(directions)}`);
    await editor.choose('Incoming Only');
    const file = await shot('Callbell Trigger panel', { locator: ndv() });
    log('  notice, 10 events, 3 directions');
    publishImage('trigger.png', file, log);
  });

  await step('Listen for test event: the sandbox delivers a customer message to the test URL; the item shows in the output', async () => {
    const before = sandbox.webhooks.attempts.length;
    await ndv().getByTestId('node-execute-button').first().click();
    const webhook = await eventually(() => sandbox.webhook && sandbox.webhook.url.includes('/webhook-test/') && sandbox.webhook, 'the test URL subscription');
    log(`  the node subscribed ${webhook.url} (${webhook.subscriptions.join(', ')})`);
    await shot('listening');
    sandbox.inbound({ contact_uuid: SEED.contacts.grace.uuid, text: 'Hello from the editor test' });
    const output = ndv().getByTestId('ndv-output-panel').or(ndv().getByTestId('output-panel')).first();
    await output.getByText('Hello from the editor test').first().waitFor({ state: 'visible' });
    await eventually(() => sandbox.webhook === null, 'the test listen to unsubscribe');
    const delivered = sandbox.webhooks.attempts.slice(before).filter((a) => a.event === 'message_created');
    assert.ok(delivered.some((a) => a.status === 200 && a.url.includes('/webhook-test/')), 'a delivery to the test URL answered 200');
    log('  the item is in the output panel; the test listen then unsubscribed the test URL');
  });
}

module.exports = { runTriggerScenario };
