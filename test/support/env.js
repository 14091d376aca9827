'use strict';
// Jest setup (plain JS: n8n's lint rules ban `process` in .ts files).
// n8n-core writes its config (an encryption key) into N8N_USER_FOLDER: keep it in a temp dir.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-n8n-'));
}
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
