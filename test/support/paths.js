'use strict';
// Repository paths for tests (plain JS: n8n's lint rules ban __dirname in .ts files).
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');

module.exports = {
	repoRoot,
	distDir: path.join(repoRoot, 'dist'),
};
