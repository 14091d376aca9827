'use strict';
// @ts-check

/**
 * The sandbox's webhook events, as Callbell's API produces them: routes call `ctx.emit(event,
 * payload)` when something happens that Callbell documents an event for (contact created, message
 * sent, …). Every event is kept in `sb.events.emitted` (cleared by reset) and handed to every
 * listener, e.g. the webhook deliverer. Emitting never fails a request: a listener's error is
 * logged and swallowed.
 */

/** @typedef {{ seq: number, at: string, event: string, payload: unknown }} EmittedEvent */

function createEventBus() {
  /** @type {Set<(e: EmittedEvent) => void>} */
  const listeners = new Set();
  /** @type {EmittedEvent[]} */
  const emitted = [];
  let seq = 0;
  return {
    emitted,
    /** @param {string} event @param {unknown} payload */
    emit(event, payload) {
      const entry = { seq: ++seq, at: new Date().toISOString(), event, payload };
      emitted.push(entry);
      for (const listener of listeners) {
        try {
          listener(entry);
        } catch (err) {
          console.error('[callbell-sandbox] event listener error:', err);
        }
      }
      return entry;
    },
    /** @param {(e: EmittedEvent) => void} listener @returns {() => void} unsubscribe */
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      emitted.length = 0;
      seq = 0;
    },
  };
}

module.exports = { createEventBus };
