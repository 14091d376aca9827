#!/usr/bin/env node
'use strict';

/**
 * The Callbell node in the OLDEST supported n8n's editor (n8n 1.123.81, whose editor bundle carries
 * the old displayOptions rule), in headless Chromium; called by `npm run test:compat`.
 *
 * For every resource of the BUILT node's description (so resources added later are covered), a
 * workflow holding one Callbell node set to that resource and its default operation is imported;
 * the editor opens it, the node's form opens with that resource and operation, and every picker
 * the form shows (loadOptions and listSearch fields, the resource mapper) loads values from the
 * sandbox. Screenshots in .screenshots/compat-<version>/.
 *
 * Env: CALLBELL_N8N_RUNTIME (1.123.81), UI_SANDBOX_PORT (4020), UI_N8N_PORT (5690), CHROMIUM_PATH.
 */

const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

process.env.CALLBELL_N8N_RUNTIME = process.env.CALLBELL_N8N_RUNTIME || '1.123.81';

const { ensureN8n, runtimeSpec } = require('../lib/n8n-runtime');
const { killAllNow, setupOwner, importWorkflow } = require('../lib/n8n-instance');
const { startSandbox, prepareUserFolder, startEditorN8n, DEMO_OWNER, SANDBOX_CREDENTIAL } = require('../lib/demo-setup');
const { ensureChromium, launchHeadless } = require('./chromium');
const { createStepRunner, StepError, secs } = require('./steps');
const { createEditor, WAIT_MS } = require('./editor');
const { shownPickers, shownProperties } = require('./form');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME = runtimeSpec();
const UI_DIR = path.join(ROOT, '.ui');
const USER_FOLDER = path.join(UI_DIR, `n8n-user-${RUNTIME.name}`);
const PROFILE_DIR = path.join(UI_DIR, `chromium-${RUNTIME.name}`);
const SCREENSHOTS = path.join(ROOT, '.screenshots', `compat-${RUNTIME.name}`);
const SANDBOX_PORT = Number(process.env.UI_SANDBOX_PORT || 4020);
const N8N_PORT = Number(process.env.UI_N8N_PORT || 5690);
const NODE_FILE = path.join(ROOT, 'dist', 'nodes', 'Callbell', 'Callbell.node.js');
const NODE_TYPE = 'n8n-nodes-callbell.callbell';

const t0 = Date.now();
const say = (line = '') => console.log(line);
const rel = (p) => path.relative(ROOT, p);

const cleanups = [];
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`  (cleanup: ${err.message})`);
    }
  }
  say(`\nrun time ${secs(Date.now() - t0)}`);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (finishing) {
      killAllNow();
      process.exit(130);
    }
    finish(signal === 'SIGINT' ? 130 : 143);
  });
}

/** The built node's description: its resources, each with its default operation. */
function resourcesOfBuiltNode() {
  if (!fs.existsSync(NODE_FILE)) throw new Error(`${rel(NODE_FILE)} is missing: run npm run build`);
  const { Callbell } = require(NODE_FILE);
  const { description } = new Callbell();
  const resource = description.properties.find((p) => p.name === 'resource');
  return {
    description,
    resources: resource.options.map((option) => {
      const operation = description.properties.find(
        (p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(option.value),
      );
      return { name: option.name, value: option.value, operation: operation?.default, operationName: operation?.options.find((o) => o.value === operation.default)?.name };
    }),
  };
}

/** One workflow per resource: a Callbell node at that resource's default operation. */
function writeWorkflows(resources) {
  const dir = path.join(USER_FOLDER, 'compat-workflows');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const r of resources) {
    r.workflowId = `cbCompatForm${r.value.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 21);
    const workflow = {
      id: r.workflowId,
      name: `Compat form: ${r.name}`,
      active: false,
      settings: {},
      connections: {},
      nodes: [
        {
          id: `node-${r.value}`,
          name: 'Callbell',
          type: NODE_TYPE,
          typeVersion: 1,
          position: [400, 300],
          parameters: { resource: r.value, operation: r.operation },
          credentials: { callbellApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
        },
      ],
    };
    fs.writeFileSync(path.join(dir, `${r.workflowId}.json`), JSON.stringify(workflow, null, 2));
  }
  return dir;
}

async function main() {
  say(`n8n-nodes-callbell on n8n ${RUNTIME.n8n}'s editor (Node ${RUNTIME.node}) — every resource's form and pickers`);
  const { description, resources } = resourcesOfBuiltNode();
  say(`  resources of the built node: ${resources.map((r) => `${r.name} (default ${r.operationName})`).join(', ')}`);
  let t = Date.now();
  await ensureN8n({ log: (line) => say(`  ${line}`) });
  const executablePath = ensureChromium({ log: say });
  say(`  n8n ${RUNTIME.n8n} and ${executablePath} ready (${secs(Date.now() - t)})`);

  t = Date.now();
  const sandbox = await startSandbox(SANDBOX_PORT, { portEnvName: 'UI_SANDBOX_PORT' });
  cleanups.push(() => sandbox.close());
  fs.rmSync(USER_FOLDER, { recursive: true, force: true });
  await prepareUserFolder(USER_FOLDER, { sandboxUrl: sandbox.url });
  await importWorkflow(USER_FOLDER, writeWorkflows(resources), ['--separate']);
  say(`  sandbox ${sandbox.url}; ${rel(USER_FOLDER)}/ with the packed package, credential, examples and ${resources.length} form workflow(s) (${secs(Date.now() - t)})`);

  t = Date.now();
  const n8n = startEditorN8n(USER_FOLDER, { port: N8N_PORT, portEnvName: 'UI_N8N_PORT' });
  cleanups.push(() => n8n.stop());
  await n8n.ready;
  const n8nUrl = `http://localhost:${N8N_PORT}`;
  say(`  n8n ${RUNTIME.n8n} ready on ${n8nUrl} (${secs(Date.now() - t)})`);

  const { page } = await launchHeadless({ executablePath, profileDir: PROFILE_DIR, viewport: { width: 1440, height: 1600 }, timeoutMs: WAIT_MS, cleanups });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const editor = createEditor(page);
  const { ndv } = editor;
  const runner = createStepRunner({ page: () => page, dir: SCREENSHOTS, log: say });

  await runner.step('Sign in as the owner', async () => {
    await setupOwner(n8nUrl, DEMO_OWNER);
    await page.goto(`${n8nUrl}/signin`);
    await page.getByTestId('emailOrLdapLoginId').locator('input').fill(DEMO_OWNER.email);
    await page.getByTestId('password').locator('input').fill(DEMO_OWNER.password);
    await page.getByTestId('form-submit-button').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  });

  for (const r of resources) {
    await runner.step(`${r.name} → ${r.operationName}: the form opens and its pickers load from the sandbox`, async () => {
      await page.goto(`${n8nUrl}/workflow/${r.workflowId}`);
      await editor.canvasNode(NODE_TYPE).first().waitFor({ state: 'visible' });
      await editor.openNode(NODE_TYPE);
      const value = async (name) => ndv().getByTestId(`parameter-input-${name}`).locator('input').first().inputValue();
      assert.equal(await value('resource'), r.name);
      assert.equal(await value('operation'), r.operationName);
      assert.equal(await editor.credentialName(), SANDBOX_CREDENTIAL.name);
      const pickers = shownPickers(description, { resource: r.value, operation: r.operation });
      const seen = [];
      // Closes an open list or dropdown: Escape, then (1.x keeps a resource locator's list open on
      // Escape) a click on an empty spot of the form.
      const dismiss = async () => {
        await page.keyboard.press('Escape');
        const open = page.getByTestId('rlc-item').or(editor.visibleOptions()).or(page.getByRole('menuitem'));
        if (await open.first().isVisible().catch(() => false)) {
          await ndv().getByTestId('node-parameters').click({ position: { x: 3, y: 3 } });
          await open.first().waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
        }
      };
      for (const picker of pickers) {
        const before = sandbox.requests.length;
        if (picker.kind === 'listSearch') {
          const field = ndv().getByTestId(`resource-locator-${picker.name}`);
          await editor.openUntilVisible(field.getByTestId('rlc-input'), page.getByTestId('rlc-item'), `${picker.displayName} (From list)`);
          const items = await page.getByTestId('rlc-item').allInnerTexts();
          assert.ok(items.length > 0, `${picker.displayName}: no list items`);
          seen.push(`${picker.displayName}: ${items.length} items, e.g. ${items[0].trim()}`);
          await dismiss();
        } else if (picker.kind === 'loadOptions') {
          const options = await editor.openOptions(picker.name);
          assert.ok(options.length > 0, `${picker.displayName}: no options`);
          seen.push(`${picker.displayName}: ${options.length} options, e.g. ${options[0]}`);
          await dismiss();
        } else if (picker.kind === 'resourceMapper') {
          const mapper = ndv().getByTestId('resource-mapper-container');
          await mapper.scrollIntoViewIfNeeded();
          const heading = (await mapper.innerText()).split('\n')[0].trim();
          const label = description.properties.find((p) => p.name === picker.name).typeOptions?.resourceMapper?.valuesLabel;
          if (label) assert.equal(heading, label, `${picker.displayName}: the mapper's heading`);
          const items = page.getByRole('menuitem').or(editor.visibleOptions());
          await editor.openUntilVisible(mapper.getByTestId('add-fields-select'), items, `${picker.displayName} → Add`);
          // The menu opens before the account's fields have arrived: wait for them (20 s at most).
          let fields = [];
          for (const until = Date.now() + 20000; fields.length === 0 && Date.now() < until; ) {
            fields = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
            if (fields.length === 0) await page.waitForTimeout(250);
          }
          assert.ok(fields.length > 0, `${picker.displayName}: no fields to add`);
          seen.push(`${picker.displayName}: ${fields.length} fields, e.g. ${fields[0]}`);
          await dismiss();
        }
        const calls = sandbox.requests.slice(before).map((req) => `${req.method} ${req.path} ${req.status}`);
        if (picker.kind !== 'resourceMapper') {
          assert.ok(calls.length > 0 || seen.length > 0, `${picker.displayName}: no request reached the sandbox`);
        }
      }
      say(`  ${pickers.length} picker(s): ${seen.join('; ') || 'none shown by default'}`);
      // Fields that a locator's mode shows ('/contact.mode' conditions): each mode shows exactly
      // its own, in this old editor too (the rule the 0.1.0 bug broke).
      const locators = shownProperties(description, { resource: r.value, operation: r.operation }).filter(
        (p) => p.type === 'resourceLocator' && pickers.some((q) => q.name === p.name),
      );
      for (const locator of locators) {
        const modeFields = [];
        for (const mode of locator.modes) {
          const chosen = { resource: r.value, operation: r.operation, [locator.name]: { __rl: true, mode: mode.name, value: '' } };
          const extra = shownPickers(description, chosen).filter((p) => p.kind === 'loadOptions' && !pickers.some((q) => q.name === p.name));
          const field = ndv().getByTestId(`resource-locator-${locator.name}`);
          await editor.openUntilVisible(field.getByTestId('rlc-mode-selector'), page.getByTestId(`mode-${mode.name}`), `${locator.displayName} mode`);
          await page.getByTestId(`mode-${mode.name}`).click();
          for (const p of extra) {
            const options = await editor.openOptions(p.name);
            assert.ok(options.length > 0, `${p.displayName} (mode ${mode.name}): no options`);
            await dismiss();
            modeFields.push(`${mode.displayName} shows ${p.displayName} (${options.length} options)`);
          }
          const hidden = shownPickers(description, { resource: r.value, operation: r.operation })
            .concat(description.properties.filter((p) => p.typeOptions?.loadOptionsMethod).map((p) => ({ name: p.name })))
            .filter((p) => !extra.some((q) => q.name === p.name) && !pickers.some((q) => q.name === p.name) &&
              !shownPickers(description, chosen).some((q) => q.name === p.name));
          for (const p of hidden) {
            assert.equal(await ndv().getByTestId(`parameter-input-${p.name}`).count(), 0, `${p.name} must be hidden in mode ${mode.name}`);
          }
          await runner.shot(`${r.value} ${locator.name} ${mode.name}`, { locator: ndv() });
        }
        say(`  ${locator.displayName} modes ${locator.modes.map((m) => m.displayName).join(', ')}: ${modeFields.join('; ') || 'no mode-specific fields'}, hidden in the other modes`);
      }
      await runner.shot(`${r.value} form`, { locator: ndv() });
    });
  }

  await runner.step('No script error on the page', async () => {
    assert.deepEqual(pageErrors.filter((message) => /parameter dependencies|Max iterations/i.test(message)), []);
    if (pageErrors.length) say(`  (other page errors: ${pageErrors.slice(0, 3).join(' | ')})`);
  });

  say(`\n✔ all ${runner.done.length} steps passed on n8n ${RUNTIME.n8n}; screenshots in ${rel(SCREENSHOTS)}/`);
  await finish(0);
}

main().catch(async (err) => {
  if (finishing) return;
  if (err instanceof StepError) {
    console.error(`\n✖ ${err.message}`);
    if (err.screenshot) console.error(`  screenshot: ${rel(err.screenshot)}`);
  } else {
    console.error(`\n✖ ${err && err.stack ? err.stack : err}`);
  }
  await finish(1);
});
