'use strict';

/**
 * The README's screenshots in docs/images. A run of the editor suite rewrites them only when
 * asked (`UI_UPDATE_IMAGES=1 npm run test:ui`): the pixels differ a little from run to run, and a
 * test run must not leave a clone with changed files. Every step's screenshot stays in
 * `.screenshots/ui/` either way.
 */
const fs = require('fs');
const path = require('path');

const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

/** Writes `docs/images/<name>` from a screenshot file or its bytes, when UI_UPDATE_IMAGES=1. */
function publishImage(name, fileOrBytes, log = console.log) {
  const target = path.join(IMAGES, name);
  const shown = path.relative(process.cwd(), target);
  if (process.env.UI_UPDATE_IMAGES !== '1') {
    log(`  ${shown} kept (UI_UPDATE_IMAGES=1 rewrites it)`);
    return;
  }
  fs.mkdirSync(IMAGES, { recursive: true });
  if (Buffer.isBuffer(fileOrBytes)) fs.writeFileSync(target, fileOrBytes);
  else fs.copyFileSync(fileOrBytes, target);
  log(`  ${shown} updated`);
}

module.exports = { publishImage };
