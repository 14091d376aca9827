'use strict';
// @ts-check

/**
 * Control endpoints of the webhook sender (no auth, never logged):
 *   GET  /__sandbox/webhooks/deliveries  {attempts, health, secretSet, options} every delivery attempt and connection check
 *   POST /__sandbox/webhooks/secret      {secret: "whsec_…"|null} or {generate: true} → {secretSet, secret?} signing on/off
 *   POST /__sandbox/webhooks/config      {retryDelaysMs?, disableAfterFailures?, disableAfterMs?, healthIntervalMs?, timeoutMs?}
 *   POST /__sandbox/webhooks/check       one connection check now → the check
 *   POST /__sandbox/webhooks/resend      {seq} deliver emitted event `seq` again, as Callbell's retry does (new signature time)
 *   POST /__sandbox/events               {event: agent_status_updated|agent_session_updated|team_membership_updated, …}
 *                                        a dashboard-side change; emits the event → {event, payload, seq}
 */

const { normalizeSecret, generateSecret } = require('./signing');
const { normalizeDeliveryOptions } = require('./deliverer');
const { dashboardEvent, DashboardEventError } = require('./dashboard-events');

/**
 * @param {any} sb @param {string} method @param {string} path @param {() => Record<string, any>|null} jsonBody
 * @param {(body: unknown) => void} ok @param {(status: number, error: string) => void} fail
 * @returns {Promise<boolean>|boolean} whether the path was one of these
 */
function handleWebhookControl(sb, method, path, jsonBody, ok, fail) {
  const only = (/** @type {string} */ m) => method === m || (fail(405, 'Method Not Allowed'), false);
  const hooks = sb.webhooks;
  switch (path) {
    case '/webhooks/deliveries':
      if (only('GET')) ok({ attempts: hooks.attempts, health: hooks.health, secretSet: hooks.hasSecret(), options: hooks.options() });
      return true;
    case '/webhooks/secret': {
      if (!only('POST')) return true;
      const body = jsonBody();
      if (!body) return true;
      try {
        const secret = body.generate === true ? generateSecret() : normalizeSecret(body.secret);
        hooks.setSecret(secret);
        // The generated secret is shown once, as the dashboard does; a given one is not echoed.
        ok(body.generate === true ? { secretSet: true, secret } : { secretSet: secret !== null });
      } catch (err) {
        fail(400, /** @type {Error} */ (err).message);
      }
      return true;
    }
    case '/webhooks/config': {
      if (!only('POST')) return true;
      const body = jsonBody();
      if (!body) return true;
      const known = ['retryDelaysMs', 'disableAfterFailures', 'disableAfterMs', 'healthIntervalMs', 'timeoutMs'];
      const unknown = Object.keys(body).filter((k) => !known.includes(k));
      if (unknown.length) return (fail(400, `Unknown webhook option(s): ${unknown.join(', ')}`), true);
      try {
        normalizeDeliveryOptions({ ...hooks.options(), ...body });
      } catch (err) {
        return (fail(400, /** @type {Error} */ (err).message), true);
      }
      hooks.configure(body);
      ok(hooks.options());
      return true;
    }
    case '/webhooks/check':
      if (!only('POST')) return true;
      return hooks.checkConnection().then((/** @type {unknown} */ check) => (check ? ok(check) : fail(409, 'No enabled webhook to check'))).then(() => true);
    case '/webhooks/resend': {
      if (!only('POST')) return true;
      const body = jsonBody();
      if (!body) return true;
      const id = hooks.resend(body.seq);
      if (id === undefined) fail(404, 'No emitted event with that seq');
      else if (id === null) fail(409, 'The webhook does not subscribe to that event (or is missing or disabled)');
      else ok({ deliveryId: id });
      return true;
    }
    case '/events': {
      if (!only('POST')) return true;
      const body = jsonBody();
      if (!body) return true;
      try {
        const { event, payload } = dashboardEvent(sb.state, body, new Date());
        const emitted = sb.events.emit(event, payload);
        ok({ event, payload, seq: emitted.seq });
      } catch (err) {
        if (!(err instanceof DashboardEventError)) throw err;
        fail(400, err.message);
      }
      return true;
    }
    default:
      return false;
  }
}

module.exports = { handleWebhookControl };
