'use strict';
// @ts-check
// Captures everything a run could log, for the token-hygiene tests (plain JS: n8n's lint rules
// ban console, process and node: imports in .ts files): n8n's LoggerProxy, n8n-core's logger
// (what a node's `this.logger` is), console.* and writes to process.stdout / process.stderr.
const util = require('node:util');
const { LoggerProxy } = require('n8n-workflow');

const LEVELS = ['error', 'warn', 'info', 'debug'];
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'];

/** n8n-core's logger, from the copy of @n8n/di and @n8n/backend-common that n8n-core itself uses. */
function n8nCoreLogger() {
	const from = { paths: [require.resolve('n8n-core')] };
	const { Container } = require(require.resolve('@n8n/di', from));
	const { Logger } = require(require.resolve('@n8n/backend-common', from));
	return Container.get(Logger);
}

/**
 * @typedef {{ source: string, args: unknown[] }} LogRecord
 * @returns {{ records: LogRecord[], stop: () => void }}
 */
function startLogCapture() {
	/** @type {LogRecord[]} */
	const records = [];
	/** @type {Array<() => void>} */
	const restores = [];
	/** Replaces `target[method]` with a recorder; the original is not called. @param {any} target @param {string} method @param {string} source @param {unknown} returns */
	function tap(target, method, source, returns = undefined) {
		const own = Object.getOwnPropertyDescriptor(target, method);
		// n8n-core's logger fixes levels below its own to a no-op: they cannot log anything.
		if (own && !own.writable && !own.configurable) return;
		const original = target[method];
		target[method] = (/** @type {unknown[]} */ ...args) => {
			records.push({ source, args: args.map((arg) => (Buffer.isBuffer(arg) || arg instanceof Uint8Array ? Buffer.from(arg).toString('utf8') : arg)) });
			return returns;
		};
		restores.push(() => {
			target[method] = original;
		});
	}

	// Getting n8n-core's logger first: creating it points LoggerProxy at it, which must not
	// replace the capture below.
	const coreLogger = n8nCoreLogger();
	for (const level of LEVELS) tap(coreLogger, level, `n8n-core logger.${level}`);
	LoggerProxy.init(
		Object.fromEntries(LEVELS.map((level) => [level, (/** @type {unknown[]} */ ...args) => records.push({ source: `LoggerProxy.${level}`, args })])),
	);
	restores.push(() => LoggerProxy.init(coreLogger));
	for (const method of CONSOLE_METHODS) tap(console, method, `console.${method}`);
	tap(process.stdout, 'write', 'process.stdout', true);
	tap(process.stderr, 'write', 'process.stderr', true);

	return {
		records,
		stop() {
			for (const restore of restores.reverse()) restore();
		},
	};
}

/**
 * Sends `text` through every channel the capture listens to, to prove that it listens.
 * Returns the sources that must then hold it. @param {string} text
 */
function logThroughEveryChannel(text) {
	LoggerProxy.debug(`probe ${text}`);
	n8nCoreLogger().error('probe', { error: new Error(text) });
	console.log('probe', { nested: [text] });
	console.warn(new Error(`probe ${text}`));
	process.stdout.write(`probe ${text}\n`);
	process.stderr.write(Buffer.from(`probe ${text}\n`));
	return ['LoggerProxy.debug', 'n8n-core logger.error', 'console.log', 'console.warn', 'process.stdout', 'process.stderr'];
}

/** Everything util.inspect can see of a value: hidden properties, getters, symbols, any depth. @param {unknown} value */
function inspectEverything(value) {
	return util.inspect(value, { showHidden: true, getters: true, depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity, breakLength: Infinity });
}

module.exports = { startLogCapture, logThroughEveryChannel, inspectEverything };
