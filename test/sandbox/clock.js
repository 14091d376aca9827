'use strict';
// @ts-check

/**
 * The sandbox clock: real time plus an offset, or frozen. Everything time-based in the API uses
 * it: createdAt stamps, WhatsApp's 24-hour window and the message-status clock. Tests freeze it
 * and advance() it to move messages through their statuses or let a window expire.
 */

function createClock() {
  let offset = 0;
  /** @type {number|null} the frozen reading, or null while running */
  let frozenAt = null;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  const notify = () => {
    for (const l of listeners) l();
  };
  const clock = {
    /** @returns {number} epoch ms */
    now: () => (frozenAt ?? Date.now() + offset),
    isFrozen: () => frozenAt !== null,
    /** Stop time at its current reading. */
    freeze() {
      if (frozenAt === null) frozenAt = clock.now();
      notify();
    },
    /** Let time run again from the frozen reading. */
    resume() {
      if (frozenAt !== null) offset = frozenAt - Date.now();
      frozenAt = null;
      notify();
    },
    /** Move time forward by `ms` (frozen or not). @param {number} ms */
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError('advance needs a non-negative number of milliseconds');
      if (frozenAt !== null) frozenAt += ms;
      else offset += ms;
      notify();
    },
    /** Back to real time, running. */
    reset() {
      offset = 0;
      frozenAt = null;
      notify();
    },
    /** Called after every freeze/resume/advance/reset. @param {() => void} fn */
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    describe: () => ({ now: new Date(clock.now()).toISOString(), frozen: frozenAt !== null }),
  };
  return clock;
}

module.exports = { createClock };
