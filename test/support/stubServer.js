'use strict';
// @ts-check
// A tiny HTTP stand-in for Callbell in tests that need answers the sandbox does not give
// (plain JS: n8n's lint rules ban node: imports in .ts files). Each request goes to
// `handle`; when it returns undefined and `target` is set, the request is forwarded there.
const http = require('node:http');

/**
 * @typedef {{ method: string, path: string, query: Record<string, string>, body: unknown, headers: Record<string, string | string[] | undefined> }} StubRequest
 * @typedef {{ status?: number, body?: unknown }} StubAnswer
 * @typedef {(request: StubRequest) => StubAnswer | undefined} StubHandler
 */

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/**
 * @param {string} target e.g. http://127.0.0.1:4010/v1
 * @param {http.IncomingMessage} req @param {string} pathAndQuery below /v1 @param {string} text
 * @returns {Promise<{ status: number, text: string }>}
 */
async function forward(target, req, pathAndQuery, text) {
	const headers = /** @type {Record<string, string>} */ ({});
	for (const name of ['authorization', 'content-type', 'accept']) {
		const value = req.headers[name];
		if (typeof value === 'string') headers[name] = value;
	}
	const response = await fetch(`${target}${pathAndQuery}`, {
		method: req.method,
		headers,
		body: text === '' ? undefined : text,
	});
	return { status: response.status, text: await response.text() };
}

/**
 * Start a stub on a free loopback port. Its base URL ends in /v1, like Callbell's.
 * @param {{ handle?: StubHandler, target?: string }} options
 */
async function startStubServer(options) {
	/** @type {StubRequest[]} */
	const requests = [];
	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url || '/', 'http://stub.local');
			const path = url.pathname.replace(/^\/v1/, '') || '/';
			const text = await readBody(req);
			/** @type {unknown} */
			let body;
			try {
				body = text === '' ? undefined : JSON.parse(text);
			} catch {
				body = text;
			}
			const request = { method: req.method || 'GET', path, query: Object.fromEntries(url.searchParams), body, headers: req.headers };
			requests.push(request);
			const answer = options.handle?.(request);
			if (answer === undefined && options.target) {
				const forwarded = await forward(options.target, req, `${path}${url.search}`, text);
				res.writeHead(forwarded.status, { 'Content-Type': 'application/json' });
				res.end(forwarded.text);
				return;
			}
			const status = answer?.status ?? (answer ? 200 : 404);
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer ? (answer.body ?? {}) : { error: 'Not Found' }));
		} catch (error) {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: String(error) }));
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}/v1`,
		requests,
		/** @returns {Promise<void>} */
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { startStubServer };
