'use strict';

/**
 * What `npm run test:ui` does in the editor, step by step, as a user would: every step asserts
 * what the user must see and ends with a screenshot.
 */
const assert = require('assert/strict');

const { DEMO_OWNER, SANDBOX_CREDENTIAL } = require('../lib/demo-setup');
const { setupOwner } = require('../lib/n8n-instance');
const { SEED } = require('../../test/sandbox');
const { eventually, outputJsonShowing } = require('./editor');

const NODE_TYPE = 'n8n-nodes-callbell.callbell';
/** The built node's actions in its Resource order, and the trigger's description (what n8n shows for both). */
const { NODE_ACTIONS, TRIGGER_DESCRIPTION } = (() => {
  const dist = require('path').resolve(__dirname, '..', '..', 'dist', 'nodes');
  const node = new (require(`${dist}/Callbell/Callbell.node.js`).Callbell)().description;
  const trigger = new (require(`${dist}/CallbellTrigger/CallbellTrigger.node.js`).CallbellTrigger)().description;
  const resources = node.properties.find((p) => p.name === 'resource').options.map((o) => o.value);
  const operationsOf = (resource) => node.properties.find((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource));
  return {
    NODE_ACTIONS: resources.flatMap((resource) => operationsOf(resource).options.map((o) => o.action)),
    TRIGGER_DESCRIPTION: trigger.description,
  };
})();
const WRONG_CREDENTIAL_NAME = 'Callbell (wrong token)';
const WRONG_TOKEN = 'not-the-sandbox-token-ui';
const CONTACT = SEED.contacts.alan;
const EDITS = {
  name: 'Alan M. Turing',
  note: 'Prefers calls after 10:00',
  team: 'Support',
  user: 'Cleo Agent',
  plan: 'Pro', // through Custom Fields (From Account)
  customField: { name: 'Order Count', typeLabel: 'Number', value: '43' }, // through Update Fields → Custom Fields
};
const UPDATE_FIELDS = [
  'Assigned User Name or ID',
  'Bot Status',
  'Clear Note',
  'Custom Fields',
  'Custom Fields (JSON)',
  'Name',
  'Note',
  'Tags',
  'Team Name or ID',
  'Unassign User',
];

function includesAll(actual, expected, what) {
  const missing = expected.filter((e) => !actual.some((a) => a.includes(e)));
  assert.deepEqual(missing, [], `${what}: missing ${JSON.stringify(missing)} in ${JSON.stringify(actual)}`);
}

async function sandboxContact(sandbox, uuid) {
  const res = await fetch(`${sandbox.origin}/__sandbox/contacts/${uuid}`);
  assert.equal(res.status, 200, `GET /__sandbox/contacts/${uuid} answered ${res.status}`);
  return (await res.json()).contact;
}

function authMeCalls(sandbox) {
  return sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/auth/me');
}

/**
 * n8n's REST API called from the signed-in page, as the editor calls it: n8n ties the auth cookie
 * to the `browser-id` header, whose value the editor keeps in localStorage.
 */
async function restFromPage(page, method, url) {
  return page.evaluate(
    async ([m, u]) => {
      const res = await fetch(u, { method: m, credentials: 'include', headers: { 'browser-id': localStorage.getItem('n8n-browserId') || '' } });
      const text = await res.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, ok: res.ok, json };
    },
    [method, url],
  );
}

async function runScenario({ page, editor, step, shot, sandbox, n8nUrl, log }) {
  const { ndv } = editor;
  let workflowUrl;

  await step('Sign in as the owner (created on first run)', async () => {
    const { created } = await setupOwner(n8nUrl, DEMO_OWNER);
    log(`  owner ${DEMO_OWNER.email} ${created ? 'created (POST /rest/owner/setup)' : 'already set up'}; signing in through the form`);
    await page.goto(`${n8nUrl}/signin`);
    const form = page.getByTestId('signin-form');
    await form.getByTestId('emailOrLdapLoginId').locator('input').fill(DEMO_OWNER.email);
    await form.getByTestId('password').locator('input').fill(DEMO_OWNER.password);
    await page.getByTestId('form-submit-button').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    // A wrong-token credential left by an earlier run would be offered first: remove it.
    const listed = await restFromPage(page, 'GET', '/rest/credentials');
    assert.ok(listed.ok, `GET /rest/credentials answered ${listed.status}`);
    for (const c of listed.json.data.filter((c) => c.name === WRONG_CREDENTIAL_NAME)) {
      const res = await restFromPage(page, 'DELETE', `/rest/credentials/${c.id}`);
      assert.ok(res.ok, `DELETE /rest/credentials/${c.id} answered ${res.status}`);
      log(`  removed "${c.name}" (${c.id}) left by an earlier run`);
    }
    await page.goto(`${n8nUrl}/workflow/new`);
    await page.getByTestId('canvas-add-button').waitFor({ state: 'visible' });
    workflowUrl = page.url().replace(/\?.*$/, '');
  });

  await step('Nodes panel after a trigger: "Callbell", "WhatsApp", "send message" and "template" find the node, described by what it does', async () => {
    // A Manual Trigger first: on an empty canvas n8n offers only triggers (the Callbell Trigger's events).
    await editor.openActionsPanel();
    // n8n lists the package's node and trigger as one "Callbell" entry, with the trigger's
    // description (generateMergedNodesAndActions in n8n's editor): it must read as the actions.
    const entry = (creator) => creator.getByTestId('node-creator-action-item')
      .filter({ has: page.getByTestId('node-creator-item-name').getByText('Callbell', { exact: true }) }).first();
    let creator;
    for (const query of ['WhatsApp', 'send message', 'template', 'Callbell']) {
      creator = await editor.searchNodes(query);
      await entry(creator).waitFor({ state: 'visible' });
      log(`  "${query}" → the Callbell entry`);
    }
    const item = entry(creator);
    const description = await item.getByTestId('node-creator-item-description').innerText();
    assert.equal(description.replace(/\s+/g, ' ').trim(), TRIGGER_DESCRIPTION);
    assert.match(description, /^Send WhatsApp messages and templates, update contacts/);
    const icon = await editor.iconOf(item);
    assert.match(icon.src, /\/icons\/n8n-nodes-callbell\/dist\/icons\/callbell\.svg$/, `icon src ${icon.src}`);
    assert.ok(icon.loaded, `the icon ${icon.src} did not load`);
    log(`  "${description.slice(0, 60)}…", icon ${icon.src}`);
    await shot('nodes panel', { locator: creator });
  });

  await step('Add the node: its actions start with the Message actions (Send a message among them), then the Contact actions; Contact → Update', async () => {
    const creator = page.getByTestId('node-creator');
    await creator.getByTestId('node-creator-action-item').filter({ hasText: 'Callbell' }).first().click();
    await creator.getByText('Send a message', { exact: true }).first().waitFor({ state: 'visible' });
    const actions = (await creator.getByTestId('item-iterator-item').allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
    // The actions n8n has rendered (it renders a long list in batches), in its order, against the
    // node's own list: the Message and the Contact actions at least, none left out or moved.
    const shown = actions.filter((text) => NODE_ACTIONS.includes(text));
    log(`  ${shown.length} of ${NODE_ACTIONS.length} actions rendered; first: ${shown.slice(0, 5).join(' | ')} …`);
    assert.ok(shown.length >= 17, `only ${shown.length} actions rendered`);
    assert.deepEqual(shown, NODE_ACTIONS.slice(0, shown.length), 'the node creator lists the actions in the Resource order');
    // Five Message operations: n8n-node lint wants them alphabetical, so Send is the fourth.
    assert.deepEqual(shown.slice(0, 5), ['Delete a message', 'Download a message attachment', 'Get the status of a message', 'Send a message', 'Send a message and wait for response']);
    await shot('actions', { locator: creator });
    await creator.getByText('Update a contact', { exact: true }).click();
    await ndv().waitFor({ state: 'visible' });
    const operations = await editor.openOptions('operation', 'Update');
    includesAll(operations, ['Update', 'Create', 'Get', 'Get Many', 'Delete', 'Add Note', 'Start Bot'], 'the Operation options');
    await shot('operations');
    await editor.choose('Update');
    assert.equal(await ndv().getByTestId('parameter-input-resource').locator('input').first().inputValue(), 'Contact');
    assert.equal(await ndv().getByTestId('parameter-input-operation').locator('input').first().inputValue(), 'Update');
    assert.equal(await editor.canvasNode(NODE_TYPE).count(), 1);
  });

  await step(`Credential "${SANDBOX_CREDENTIAL.name}": the dialog's test succeeds (GET /auth/me)`, async () => {
    if ((await editor.credentialName()) !== SANDBOX_CREDENTIAL.name) await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    assert.equal(await editor.credentialName(), SANDBOX_CREDENTIAL.name);
    const before = authMeCalls(sandbox).length;
    await ndv().getByTestId('credential-edit-button').click();
    const dialog = page.getByTestId('credential-edit-dialog');
    await dialog.waitFor({ state: 'visible' });
    // n8n tests a saved credential when its dialog opens; Retry is the dialog's Test button.
    const banner = dialog.getByTestId('credentials-config-container-test-success');
    await banner.getByText('Connection tested successfully').waitFor({ state: 'visible' });
    const afterOpen = authMeCalls(sandbox).length;
    await banner.getByRole('button', { name: 'Retry' }).click();
    await eventually(() => authMeCalls(sandbox).length > afterOpen, 'the Retry to call GET /auth/me');
    await banner.getByText('Connection tested successfully').waitFor({ state: 'visible' });
    const calls = authMeCalls(sandbox).slice(before);
    assert.ok(calls.length >= 2, `expected GET /auth/me on open and on Retry, saw ${calls.length}`);
    assert.ok(calls.every((c) => c.status === 200 && c.authorized), 'every GET /auth/me was authorised');
    log(`  GET /auth/me ×${calls.length}, all 200`);
    await shot('credential dialog success', { locator: page.locator('.el-dialog').filter({ has: dialog }) });
    await page.getByRole('button', { name: 'Close this dialog' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  await step(`Credential "${WRONG_CREDENTIAL_NAME}": the dialog's test fails`, async () => {
    const select = ndv().getByTestId('node-credentials-select');
    const createNew = page.getByTestId('node-credentials-select-item-new');
    await editor.openUntilVisible(select, createNew, 'the credential select');
    await createNew.click();
    const dialog = page.getByTestId('credential-edit-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.getByTestId('credential-name').click();
    const nameInput = page.getByTestId('credential-name').getByTestId('inline-edit-input');
    await nameInput.fill(WRONG_CREDENTIAL_NAME);
    await nameInput.press('Enter');
    await dialog.getByTestId('parameter-input-apiToken').locator('input').fill(WRONG_TOKEN);
    await dialog.getByTestId('parameter-input-baseUrl').locator('input').fill(sandbox.url);
    const before = authMeCalls(sandbox).length;
    await page.getByTestId('credential-save-button').click();
    const failure = dialog.getByText('Couldn’t connect with these settings');
    await failure.waitFor({ state: 'visible' });
    // The banner's text (after "More details"): between its title and the first field (API Token).
    const details = dialog.getByText('More details');
    const bannerText = async () => {
      if (await details.isVisible()) await details.click();
      const all = await dialog.innerText();
      const from = all.indexOf('Couldn’t connect with these settings');
      const to = all.indexOf('API Token', from);
      return all.slice(from, to < 0 ? undefined : to).replace(/Couldn’t connect with these settings|More details|Retry/g, ' ').replace(/\s+/g, ' ').trim();
    };
    const text = await eventually(bannerText, 'the failure details');
    assert.match(text, /^Callbell refused the API token \(401 Unauthorized\)/, `the failure banner: ${text}`);
    assert.ok(!text.includes(WRONG_TOKEN), 'the banner must not show the token');
    const calls = authMeCalls(sandbox).slice(before);
    assert.ok(calls.length >= 1 && calls.every((c) => c.status === 401), `expected GET /auth/me → 401, saw ${JSON.stringify(calls.map((c) => c.status))}`);
    log(`  banner: ${text.replace(/\s+/g, ' ').trim()}`);
    await shot('credential dialog failure', { locator: page.locator('.el-dialog').filter({ has: dialog }) });
    await page.getByRole('button', { name: 'Close this dialog' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Back to the working credential; reopening the node makes its pickers load with it.
    await editor.selectCredential(SANDBOX_CREDENTIAL.id);
    assert.equal(await editor.credentialName(), SANDBOX_CREDENTIAL.name);
    await editor.closeNdv();
    await editor.openNode(NODE_TYPE);
  });

  let before;
  await step('Contact: From list / By ID / By Phone / By BSUID; From list shows the sandbox contacts', async () => {
    before = await sandboxContact(sandbox, CONTACT.uuid);
    const modeSelector = ndv().getByTestId('rlc-mode-selector');
    await editor.openUntilVisible(modeSelector, page.getByTestId('mode-id'), 'the Contact mode selector');
    const modes = (await editor.visibleOptions().allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(modes, ['From list', 'By ID', 'By Phone', 'By BSUID']);
    await shot('contact modes');
    await page.getByTestId('mode-list').click();
    await editor.openUntilVisible(ndv().getByTestId('rlc-input'), page.getByTestId('rlc-item'), 'the contact list');
    const listed = await page.getByTestId('rlc-item').allInnerTexts();
    includesAll(listed, ['Ada Lovelace', 'Grace Hopper', CONTACT.name], 'the contact list');
    log(`  ${listed.length} contacts listed, e.g. ${listed.slice(0, 2).join(' | ')}`);
    await shot('contact list');
    await page.getByTestId('rlc-search').fill('Alan');
    const alan = page.getByTestId('rlc-item').filter({ hasText: CONTACT.name });
    await eventually(async () => (await page.getByTestId('rlc-item').count()) === 1 && (await alan.count()) === 1, 'the search to narrow the list to Alan');
    await alan.click();
    const rlcInput = ndv().getByTestId('rlc-input').first();
    await eventually(async () => /Alan Turing/.test(await rlcInput.evaluate((el) => el.value ?? el.textContent)), 'the Contact to show Alan Turing');
  });

  await step('Update Fields: add each field', async () => {
    await page.setViewportSize({ width: 1440, height: 1900 });
    // n8n drops an empty Custom Fields list when another field changes: add it last, with an entry.
    for (const label of UPDATE_FIELDS.filter((l) => l !== 'Custom Fields')) await editor.addCollectionField('Update Fields', label);
    await editor.fillText('name', EDITS.name);
    await editor.fillText('note', EDITS.note);
    await editor.addCollectionField('Update Fields', 'Custom Fields');
    const customFields = ndv().getByTestId('fixed-collection-customFields');
    await customFields.getByTestId('fixed-collection-add').click();
    await customFields.getByTestId('parameter-input-name').locator('input').fill(EDITS.customField.name);
    await editor.pickOption('type', EDITS.customField.typeLabel, customFields);
    await customFields.getByTestId('parameter-input-value').locator('input').fill(EDITS.customField.value);
    await customFields.getByTestId('parameter-input-value').locator('input').blur();
    for (const name of ['assignedUser', 'botStatus', 'clearNote', 'customFieldsJson', 'name', 'note', 'tags', 'teamUuid', 'unassignUser']) {
      assert.ok((await ndv().getByTestId(`parameter-input-${name}`).count()) >= 1, `Update Fields → ${name} is shown`);
    }
    assert.equal(await ndv().getByTestId('fixed-collection-customFields').count(), 1, 'Update Fields → Custom Fields is shown');
    // Clear Note and Unassign User stay off: they cannot be combined with Note and Assigned User.
    await shot('update fields', { locator: ndv().getByTestId('node-parameters') });
  });

  await step('Team and Assigned User pickers show the sandbox values', async () => {
    const teams = await editor.openOptions('teamUuid', EDITS.team);
    includesAll(teams, Object.values(SEED.teams).map((t) => t.name), 'the Team options');
    await shot('team picker');
    await editor.choose(EDITS.team);
    const users = await editor.openOptions('assignedUser', `${EDITS.user} (cleo.agent@example.com)`);
    includesAll(users, Object.values(SEED.users).map((u) => `${u.name} (${u.email})`), 'the Assigned User options');
    await shot('user picker');
    await editor.choose(`${EDITS.user} (cleo.agent@example.com)`);
    log(`  teams: ${teams.join(', ')}; users: ${users.join(', ')}`);
  });

  await step('Custom fields mapper: the account’s fields and dropdown options', async () => {
    const mapper = ndv().getByTestId('resource-mapper-container');
    await mapper.scrollIntoViewIfNeeded();
    const heading = (await mapper.innerText()).split('\n')[0].trim();
    assert.equal(heading, 'Custom Fields (From Account)', 'the mapper is titled by what it holds');
    const addField = mapper.getByTestId('add-fields-select');
    const menuItems = page.getByRole('menuitem');
    await editor.openUntilVisible(addField, menuItems.filter({ hasText: 'Plan' }), 'the custom field menu');
    const fields = (await menuItems.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    includesAll(fields, SEED.customFields.map((f) => f.name), 'the custom fields');
    includesAll(fields, ['Plan (Dropdown)', 'Birthday (Date)'], 'the custom field types');
    log(`  fields: ${fields.join(', ')}`);
    await shot('custom fields menu');
    await menuItems.filter({ hasText: 'Plan (Dropdown)' }).click();
    const planInput = mapper.getByTestId('parameter-input-Plan').locator('input').first();
    const planOptions = editor.visibleOptions();
    await editor.openUntilVisible(planInput, planOptions.filter({ hasText: 'Enterprise' }), 'the Plan dropdown');
    const options = (await planOptions.allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(options, SEED.customFields.find((f) => f.name === 'Plan').options);
    await shot('plan options', { locator: ndv().getByTestId('node-parameters') });
    await planOptions.filter({ hasText: new RegExp(`^${EDITS.plan}$`) }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await step('Execute the node from the editor and read the output panel', async () => {
    await ndv().getByTestId('node-execute-button').click();
    const output = ndv().getByTestId('output-panel');
    await output.getByTestId('node-run-status-success').or(output.getByTestId('node-run-status-danger')).first().waitFor({ state: 'visible' });
    await output.getByTestId('radio-button-json').click();
    // The JSON view renders only the lines in view: make the page tall enough for the whole item.
    await page.setViewportSize({ width: 1440, height: 1900 });
    await outputJsonShowing(output, [EDITS.name, EDITS.note, 'cleo.agent@example.com', EDITS.team, `"Plan": "${EDITS.plan}"`, `"Order Count": "43"`]);
    assert.equal(await output.getByTestId('node-run-status-success').count(), 1, 'the run succeeded');
    log(`  output: ${(await output.getByTestId('ndv-items-count').innerText().catch(() => '1 item')).trim()}`);
    await shot('output panel', { locator: ndv() });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await step('Sandbox state: the contact changed as set in the editor', async () => {
    const after = await sandboxContact(sandbox, CONTACT.uuid);
    const changes = {
      name: [before.name, after.name],
      note: [before.note, after.note],
      team: [before.team && before.team.name, after.team && after.team.name],
      assignedUser: [before.assignedUser, after.assignedUser],
      Plan: [before.customFields.Plan, after.customFields.Plan],
      'Order Count': [before.customFields['Order Count'], after.customFields['Order Count']],
    };
    for (const [field, [was, now]] of Object.entries(changes)) log(`  ${field.padEnd(13)} ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
    assert.deepEqual(
      Object.fromEntries(Object.entries(changes).map(([k, [, now]]) => [k, now])),
      { name: EDITS.name, note: EDITS.note, team: EDITS.team, assignedUser: 'cleo.agent@example.com', Plan: EDITS.plan, 'Order Count': EDITS.customField.value },
    );
    assert.notEqual(before.name, after.name);
    const patches = sandbox.requests.filter((r) => r.method === 'PATCH' && r.path === `/contacts/${CONTACT.uuid}`);
    assert.equal(patches.length, 1, `one PATCH /contacts/${CONTACT.uuid}, saw ${patches.length}`);
    await editor.closeNdv();
  });

  await step('Icon in the light and the dark theme', async () => {
    // Save the workflow (Ctrl+S) so that it survives the reload; n8n's REST API must then have it.
    await page.getByTestId('canvas-wrapper').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+s');
    const id = workflowUrl.split('/').pop();
    await eventually(async () => {
      const res = await restFromPage(page, 'GET', `/rest/workflows/${id}`);
      const nodes = res.ok ? (res.json.data || {}).nodes || [] : [];
      return nodes.some((n) => n.type === NODE_TYPE);
    }, 'the saved workflow to contain the Callbell node');
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => localStorage.setItem('N8N_THEME', t), theme);
      await page.goto(workflowUrl);
      const node = editor.canvasNode(NODE_TYPE);
      await node.waitFor({ state: 'visible' });
      const shown = await page.evaluate(() => document.body.getAttribute('data-theme'));
      assert.ok(theme === 'dark' ? shown === 'dark' : shown !== 'dark', `${theme} theme asked, body data-theme=${shown}`);
      await page.getByTestId('zoom-to-fit').click();
      await page.waitForTimeout(600); // the zoom animation
      const icon = await editor.iconOf(node);
      const file = theme === 'dark' ? 'callbell.dark.svg' : 'callbell.svg';
      assert.ok(icon.src.endsWith(`/dist/icons/${file}`) && icon.loaded, `${theme}: icon ${icon.src} (loaded: ${icon.loaded})`);
      log(`  ${theme}: ${icon.src}`);
      await shot(`canvas ${theme}`, { locator: page.getByTestId('canvas-wrapper') });
      // Close up: the canvas zoomed in, so that the icon is drawn large enough to judge it.
      for (let i = 0; i < 4; i++) await page.getByTestId('zoom-in-button').click();
      await page.waitForTimeout(600);
      await shot(`icon ${theme} zoomed`, { locator: node });
      await page.getByTestId('node-creator-plus-button').click();
      const creator = await editor.searchNodes('Callbell');
      const item = creator.getByTestId('node-creator-action-item').filter({ hasText: 'Callbell' }).first();
      await item.waitFor({ state: 'visible' });
      const listed = await editor.iconOf(item);
      assert.ok(listed.src.endsWith(`/dist/icons/${file}`) && listed.loaded, `${theme}: nodes panel icon ${listed.src}`);
      await shot(`nodes panel ${theme}`, { locator: creator });
      await page.keyboard.press('Escape');
    }
    await page.evaluate(() => localStorage.removeItem('N8N_THEME'));
  });
}

module.exports = { runScenario };
