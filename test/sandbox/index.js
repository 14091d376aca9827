'use strict';
// @ts-check

/**
 * Local Callbell API sandbox. See README.md in this folder.
 *   const { createSandbox, SEED } = require('./test/sandbox');
 */

const { createSandbox } = require('./server');
const { SEED } = require('./seed');

module.exports = { createSandbox, SEED };
