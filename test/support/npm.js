'use strict';
// npm helpers for tests (plain JS: n8n's lint rules ban node: imports in .ts files).
const { execFileSync } = require('node:child_process');
const { repoRoot } = require('./paths');

/** The file list `npm pack` would publish, from `npm pack --dry-run --json`. */
function packedFiles() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: repoRoot,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [pack] = JSON.parse(out);
	return pack.files.map((file) => file.path).sort();
}

module.exports = { packedFiles };
