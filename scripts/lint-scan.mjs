#!/usr/bin/env node
// The lint step of n8n's community-package scanner (@n8n/scan-community-package), run locally with
// the scanner's own code: its rule sets, inline eslint comments ignored. It lints what the scanner
// lints: package.json, nodes/ and credentials/ of the source, then the packed tarball's dist.
// (The scanner's provenance and download steps need the public registry and are not reproduced.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function packToTemp() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-scan-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(out);
	const extracted = path.join(dir, 'package');
	fs.mkdirSync(extracted);
	execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', extracted, '--strip-components=1']);
	return { dir, extracted };
}

function report(label, result) {
	console.log(`${result.passed ? 'passed' : 'FAILED'}: ${label}${result.message ? ` (${result.message})` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const source = await analyzePackage(repoRoot, SOURCE_FILE_PATTERNS);
const { dir, extracted } = packToTemp();
let dist;
try {
	dist = await analyzePackage(extracted, ['**/*.js', 'package.json']);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
const ok = [report('source (package.json, nodes/, credentials/)', source), report('packed package (dist, package.json)', dist)];
process.exit(ok.every(Boolean) ? 0 : 1);
