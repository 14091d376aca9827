'use strict';

/**
 * Small helpers for driving n8n 2.41's editor with Playwright. Selectors are n8n's own
 * `data-test-id`s (see the n8n node guide §7); every wait is bounded by WAIT_MS.
 */

const WAIT_MS = 60000;

function createEditor(page) {
  const ndv = () => page.getByTestId('ndv');
  /** The open Element Plus dropdown's options (n8n's selects render them in a popper). */
  const visibleOptions = () => page.locator('.el-select-dropdown__item:visible');

  /**
   * Clicks `trigger` until `expected` shows up (a select may ignore a click while its options
   * load, or while another popper closes), for at most WAIT_MS.
   */
  async function openUntilVisible(trigger, expected, what) {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      await trigger.click();
      try {
        await expected.first().waitFor({ state: 'visible', timeout: 5000 });
        return;
      } catch (err) {
        if (Date.now() > until) throw new Error(`${what} did not open within ${WAIT_MS / 1000} s: ${err.message.split('\n')[0]}`);
      }
    }
  }

  /** The visible option whose name (its first line; a description may follow) is `name`. */
  const optionNamed = (name) => visibleOptions().filter({ has: page.getByText(name, { exact: true }) }).first();

  /**
   * Opens the options select `parameter-input-<name>` (in the NDV) once `expectName` is among
   * its options; returns the options' names (first lines).
   */
  async function openOptions(name, expectName, scope = ndv()) {
    const input = scope.getByTestId(`parameter-input-${name}`).locator('input').first();
    await openUntilVisible(input, expectName ? optionNamed(expectName) : visibleOptions(), `the ${name} dropdown`);
    return (await visibleOptions().allInnerTexts()).map((t) => t.trim().split('\n')[0].trim());
  }

  /** Clicks the open dropdown's option named `optionName` and waits until the dropdown closes. */
  async function choose(optionName) {
    const option = optionNamed(optionName);
    await option.click();
    await option.waitFor({ state: 'hidden' });
  }

  /** Picks the option named `optionName` in the options select `name`. */
  async function pickOption(name, optionName, scope) {
    await openOptions(name, optionName, scope);
    await choose(optionName);
  }

  /** Types into a text parameter (input or textarea). */
  async function fillText(name, value) {
    const box = ndv().getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
    await box.fill(value);
    await box.blur();
  }

  async function selectCredential(id) {
    const select = ndv().getByTestId('node-credentials-select');
    const item = page.getByTestId(`node-credentials-select-item-${id}`);
    await openUntilVisible(select, item, 'the credential select');
    await item.click();
    await item.waitFor({ state: 'hidden' });
  }

  async function credentialName() {
    return ndv().getByTestId('node-credentials-select').locator('input').first().inputValue();
  }

  /** The NDV's collection parameter (e.g. "Update Fields", "Options") by its label. */
  function collection(title) {
    return ndv()
      .getByTestId('parameter-item')
      .filter({ has: page.locator('.multi-parameter') })
      .filter({ has: page.getByText(title, { exact: true }) })
      .first();
  }

  /** Adds the option `label` of the collection `title` and waits until it is added. */
  async function addCollectionField(title, label) {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const option = page.getByTestId('collection-parameter-option').filter({ hasText: exact });
    await openUntilVisible(collection(title).getByTestId('collection-parameter-add').first(), option, `${title} → Add`);
    await option.click();
    await option.waitFor({ state: 'hidden' });
  }

  async function closeNdv() {
    await ndv().getByTestId('ndv-close-button').click();
    await ndv().waitFor({ state: 'hidden' });
  }

  function canvasNode(type) {
    return page.locator(`[data-test-id="canvas-node"][data-node-type="${type}"]`);
  }

  async function openNode(type) {
    await canvasNode(type).dblclick();
    await ndv().waitFor({ state: 'visible' });
  }

  /**
   * On an empty canvas n8n opens "What triggers this workflow?", which lists only triggers (the
   * Callbell entry then offers the Callbell Trigger's events, not the node's actions). Adding a
   * Manual Trigger first makes the "+" open the regular nodes panel. Returns that panel.
   */
  async function openActionsPanel() {
    await page.getByTestId('canvas-add-button').click();
    const triggers = await searchNodes('Trigger manually');
    await triggers.getByTestId('node-creator-node-item').or(triggers.getByTestId('node-creator-action-item'))
      .filter({ hasText: 'Trigger manually' }).first().click();
    if (await ndv().isVisible()) await closeNdv();
    await page.getByTestId('node-creator').waitFor({ state: 'hidden' }).catch(() => {});
    await page.getByTestId('node-creator-plus-button').click();
    return page.getByTestId('node-creator');
  }

  /** The node creator (nodes panel) with `query` typed into its search bar. */
  async function searchNodes(query) {
    const search = page.getByTestId('node-creator-search-bar');
    await search.waitFor({ state: 'visible' });
    await search.fill(query);
    return page.getByTestId('node-creator');
  }

  /** `{ src, loaded }` of the first node icon image inside `scope`. */
  async function iconOf(scope) {
    const img = scope.locator('img').first();
    await img.waitFor({ state: 'visible' });
    await page.waitForFunction((el) => el.complete, await img.elementHandle(), { timeout: WAIT_MS });
    return img.evaluate((el) => ({ src: el.getAttribute('src'), loaded: el.complete && el.naturalWidth > 0 }));
  }

  return {
    ndv,
    visibleOptions,
    optionNamed,
    choose,
    openUntilVisible,
    openOptions,
    pickOption,
    fillText,
    selectCredential,
    credentialName,
    collection,
    addCollectionField,
    closeNdv,
    canvasNode,
    openActionsPanel,
    openNode,
    searchNodes,
    iconOf,
  };
}

/** Waits until `fn()` is truthy (polling every 250 ms), for at most `timeoutMs` (WAIT_MS). */
async function eventually(fn, what, timeoutMs = WAIT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The output panel's JSON view as one line, once it shows every text in `expected`. The view
 * renders after the JSON tab is chosen and may be empty for a moment: poll, never read once.
 */
async function outputJsonShowing(output, expected, timeoutMs = WAIT_MS) {
  let last = '';
  try {
    return await eventually(async () => {
      last = (await output.getByTestId('ndv-data-container').innerText().catch(() => '')).replace(/\s+/g, ' ');
      return last.trim() !== '' && expected.every((text) => (text instanceof RegExp ? text.test(last) : last.includes(text))) && last;
    }, `the output panel to show ${expected.join(', ')}`, timeoutMs);
  } catch (err) {
    throw new Error(`${err.message}; it shows:\n${last.slice(0, 800)}`);
  }
}

module.exports = { createEditor, eventually, outputJsonShowing, WAIT_MS };
