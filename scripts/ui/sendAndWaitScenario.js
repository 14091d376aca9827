'use strict';

/**
 * `npm run test:ui`, Message → Send and Wait for Response as a user builds and runs it in the
 * editor: the action in the node creator, the form (the 24-hour notice, Send As, Response Type,
 * the Custom Form's fields), then "Execute step": the sandbox receives the message with its
 * signed link, the browser opens the link (this package's approval page), presses Approve, and the
 * node's output in the editor is `{ data: { approved: true } }`. Screenshots for the README (with
 * UI_UPDATE_IMAGES=1, images.js): docs/images/send-and-wait-form.png, send-and-wait-message.png,
 * send-and-wait-approval-page.png.
 * Called by run.js after the Send scenario.
 */
const assert = require('assert/strict');

const { SANDBOX_CREDENTIAL } = require('../lib/demo-setup');
const { eventually, outputJsonShowing } = require('./editor');
const { publishImage } = require('./images');

const PHONE = '+44 7700 900001'; // Ada wrote 30 minutes before the seed: the 24-hour window is open
const MESSAGE = 'Refund of 40 EUR for order A-1042: do you approve?';

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

async function runSendAndWaitScenario({ page, editor, step, shot, sandbox, n8nUrl, log }) {
  const { ndv } = editor;
  let link;
  let sentText;

  await step('Send and Wait for Response: the action in the node creator, the 24-hour notice', async () => {
    await page.goto(`${n8nUrl}/workflow/new`);
    await editor.openActionsPanel();
    const creator = await editor.searchNodes('Callbell');
    await creator.getByTestId('node-creator-action-item').filter({ hasText: 'Callbell' }).first().click();
    const action = creator.getByText('Send a message and wait for response', { exact: true });
    const items = creator.getByTestId('item-iterator-item');
    await eventually(async () => {
      if (await action.isVisible()) return true;
      await items.last().hover().catch(() => {});
      await page.mouse.wheel(0, 600);
      return false;
    }, 'the action "Send a message and wait for response"');
    await action.click();
    await ndv().waitFor({ state: 'visible' });
    if ((await editor.credentialName()) !== SANDBOX_CREDENTIAL.name) await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    const notice = await ndv().getByText(/pauses the execution until the recipient answers/).innerText();
    assert.match(notice, /24 hours/);
  });

  await step('The form: Send As (the 24-hour rule), the response types, the Custom Form’s fields', async () => {
    await page.setViewportSize({ width: 1440, height: 1500 });
    await editor.fillText('phoneNumber', PHONE);
    await editor.fillText('message', MESSAGE);
    const sendAs = await editor.openOptions('sendAs', 'Text Only');
    assert.deepEqual(sendAs, ['Text, or Template Outside the 24-Hour Window', 'Text Only', 'Template Only']);
    await editor.choose('Text, or Template Outside the 24-Hour Window');
    assert.equal(await ndv().getByTestId('resource-locator-template').count(), 1, 'the template picker is shown for the default Send As');
    const types = await editor.openOptions('responseType', 'Custom Form');
    assert.deepEqual(types, ['Approval', 'Free Text', 'Custom Form']);
    await editor.choose('Custom Form');
    await ndv().getByTestId('parameter-input-defineForm').waitFor({ state: 'visible' });
    await shot('custom form fields', { locator: ndv().getByTestId('node-parameters') });
    await editor.pickOption('responseType', 'Approval');
    await editor.pickOption('sendAs', 'Text Only');
    assert.equal(await ndv().getByTestId('resource-locator-template').count(), 0, 'no template for Text Only');
    const file = await shot('send and wait form', { locator: ndv().getByTestId('node-parameters') });
    publishImage('send-and-wait-form.png', file, log);
  });

  await step('Execute step: the message with its signed link reaches the sandbox, the node waits', async () => {
    await ndv().getByTestId('node-execute-button').click();
    const post = await eventually(
      () => sandbox.requests.find((r) => r.method === 'POST' && r.path === '/messages/send' && String(r.body?.content?.text ?? '').startsWith(MESSAGE)),
      'the message in the sandbox',
    );
    sentText = post.body.content.text;
    link = (sentText.match(/http:\/\/\S+/) ?? [])[0];
    assert.match(link ?? '', /\/webhook-waiting\/\d+\/[\w-]+\?approved=true&signature=\w+$/, `the link: ${sentText}`);
    log(`  sent: ${JSON.stringify(sentText)}`);
  });

  await step('The recipient opens the link: the approval page; Approve resumes the execution', async () => {
    const other = await page.context().newPage();
    try {
      await other.setViewportSize({ width: 480, height: 560 });
      // The message as the sandbox holds it, drawn as a chat bubble.
      await other.setContent(
        `<!doctype html><html><body style="margin:0;background:#efeae2;font:15px/1.45 system-ui,sans-serif"><div style="max-width:400px;margin:24px;background:#d9fdd3;border-radius:8px;padding:10px 12px;white-space:pre-wrap;word-break:break-all;box-shadow:0 1px 1px rgba(0,0,0,.15)">${escape(sentText)}</div></body></html>`,
      );
      publishImage('send-and-wait-message.png', await other.screenshot(), log);
      let response;
      await eventually(async () => {
        response = await other.goto(link);
        return response.status() !== 409; // n8n may still be saving the execution as waiting
      }, 'the waiting execution');
      assert.equal(response.status(), 200);
      await other.getByRole('heading', { name: 'Confirm your approval' }).waitFor({ state: 'visible' });
      publishImage('send-and-wait-approval-page.png', await other.screenshot(), log);
      await other.getByRole('button', { name: 'Approve' }).click();
      await other.getByRole('heading', { name: /your answer was recorded/ }).waitFor({ state: 'visible' });
    } finally {
      await other.close();
    }
    const output = ndv().getByTestId('output-panel');
    await output.getByTestId('node-run-status-success').waitFor({ state: 'visible' });
    await output.getByTestId('radio-button-json').click();
    const json = await outputJsonShowing(output, [/"approved": true/]);
    log(`  output: ${json.slice(0, 200)}`);
    await shot('send and wait output', { locator: ndv() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.closeNdv();
  });
}

module.exports = { runSendAndWaitScenario };
