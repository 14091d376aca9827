'use strict';

/**
 * Numbered, timed steps with a screenshot after each one. A failing step takes a screenshot
 * named `…-FAILED.png` and throws a StepError that names the step.
 */
const fs = require('fs');
const path = require('path');

class StepError extends Error {
  constructor(step, cause, screenshot) {
    super(`step "${step}" failed: ${cause && cause.message ? cause.message : cause}`);
    this.step = step;
    this.cause = cause;
    this.screenshot = screenshot;
  }
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * @param {{ page: () => import('playwright-core').Page, dir: string, log?: (line: string) => void }} options
 *   `page` is a getter, so the runner follows the page the test is on.
 */
function createStepRunner({ page, dir, log = console.log }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let number = 0;
  const done = [];

  function fileFor(name) {
    return path.join(dir, `${String(number).padStart(2, '0')}-${slug(name)}.png`);
  }

  /** A screenshot of the page (or of one element, or a clip) under the current step's number. */
  async function shot(name, { locator, clip, fullPage = false } = {}) {
    const file = fileFor(name);
    if (locator) await locator.screenshot({ path: file, timeout: 15000 });
    else await page().screenshot({ path: file, clip, fullPage, timeout: 15000 });
    return file;
  }

  async function step(title, fn) {
    number += 1;
    log(`\n▶ [${number}] ${title}`);
    const started = Date.now();
    try {
      await fn();
      await shot(title);
    } catch (err) {
      let screenshot;
      try {
        screenshot = await shot(`${title} FAILED`, { fullPage: true });
      } catch (shotErr) {
        log(`  (no failure screenshot: ${shotErr.message})`);
      }
      log(`✖ [${number}] ${title} failed after ${secs(Date.now() - started)}`);
      throw new StepError(title, err, screenshot);
    }
    const ms = Date.now() - started;
    done.push({ number, title, ms });
    log(`✔ [${number}] ${title} (${secs(ms)})`);
  }

  return { step, shot, done, secs };
}

module.exports = { createStepRunner, StepError, secs };
