'use strict';
// File-system checks for tests (plain JS: n8n's lint rules ban node: imports in .ts files).
const fs = require('node:fs');

/** @param {string} file */
function fileExists(file) {
	return fs.existsSync(file) && fs.statSync(file).isFile();
}

/** @param {string} file @returns {string} */
function readText(file) {
	return fs.readFileSync(file, 'utf8');
}

module.exports = { fileExists, readText };
