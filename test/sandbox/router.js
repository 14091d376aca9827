'use strict';
// @ts-check

/**
 * Minimal router: patterns like `/contacts/:uuid` matched against the decoded
 * path segments. A path that matches with another method yields 405.
 */

/** @typedef {import('./types').State} State @typedef {import('./types').ContactRecord} ContactRecord */

/**
 * What a handler gets. Handlers return the JSON body (status 200), NO_CONTENT (204) or
 * throw an ApiError.
 * @typedef {{ method: string, params: Record<string, string>, query: Record<string, string>, body: unknown,
 *   state: State, now: () => Date, token: string, emit: (event: string, payload: unknown) => unknown,
 *   messageClock: ReturnType<typeof import('./message-clock').createMessageClock>, walletDepleted: boolean,
 *   contactResponse: (c: ContactRecord, docsShape: 'array'|'object', opts?: { fieldTypes?: boolean }) => { contact: unknown } }} Ctx
 * @typedef {{ method: string, path: string, handler: (ctx: Ctx) => unknown }} Route
 */

/** A handler returns this to answer 204 No Content. */
const NO_CONTENT = Symbol('204 No Content');

/**
 * @param {Route[]} routes
 * @param {string} method
 * @param {string[]} segments decoded path segments after /v1
 * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | null}
 */
function matchRoute(routes, method, segments) {
  /** @type {string[]} */
  const allowed = [];
  for (const route of routes) {
    const parts = route.path.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    /** @type {Record<string, string>} */
    const params = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      if (parts[i].startsWith(':')) {
        if (segments[i] === '') ok = false;
        else params[parts[i].slice(1)] = segments[i];
      } else if (parts[i] !== segments[i]) ok = false;
    }
    if (!ok) continue;
    if (route.method === method) return { route, params };
    if (!allowed.includes(route.method)) allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}

module.exports = { matchRoute, NO_CONTENT };
