'use strict';
// @ts-check

/** Helpers for the sandbox's own jest tests (plain fetch, no dependencies). */

const { createSandbox } = require('./server');

/**
 * @typedef {{ status: number, headers: Headers, json: any, text: string, ms: number }} ApiResult
 * @typedef {(method: string, path: string, body?: unknown, opts?: { token?: string|null, headers?: Record<string, string> }) => Promise<ApiResult>} Api
 */

/**
 * Call the sandbox. `body` objects are JSON-encoded; strings are sent as is.
 * `token: null` sends no Authorization header.
 * @param {string} baseUrl @param {string} defaultToken @returns {Api}
 */
function apiClient(baseUrl, defaultToken) {
  return async (method, path, body, opts = {}) => {
    const token = opts.token === undefined ? defaultToken : opts.token;
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json', ...(opts.headers || {}) };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const started = Date.now();
    const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text, ms: Date.now() - started };
  };
}

/**
 * Start a sandbox for a test file: returns getters filled in beforeAll and
 * closes it in afterAll; reset() before each test keeps tests independent.
 * @param {Parameters<typeof createSandbox>[0]} [options]
 */
function useSandbox(options) {
  /** @type {{ sb: Awaited<ReturnType<typeof createSandbox>>, api: Api }} */
  const ctx = /** @type {any} */ ({});
  beforeAll(async () => {
    ctx.sb = await createSandbox(options);
    ctx.api = apiClient(ctx.sb.url, ctx.sb.token);
  });
  beforeEach(() => ctx.sb.reset());
  afterAll(() => ctx.sb.close());
  return ctx;
}

/** The contact object whatever the wrapping (`{}` or `[{}]`). @param {any} json */
const unwrapContact = (json) => (Array.isArray(json.contact) ? json.contact[0] : json.contact);

module.exports = { apiClient, useSandbox, unwrapContact };
