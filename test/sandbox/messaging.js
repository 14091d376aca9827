'use strict';
// @ts-check

/**
 * The message side of a sandbox: the status clock, the WhatsApp-wallet switch and the `sb.*`
 * methods for messages (inbound customer messages, forced failures, clock options).
 * server.js spreads `api` into the sandbox object and hands `messageClock`/`walletDepleted` to routes.
 */

const { createMessageClock } = require('./message-clock');
const { receive } = require('./inbound');

/**
 * @param {{ state: import('./types').State, clock: ReturnType<typeof import('./clock').createClock>,
 *   events: ReturnType<typeof import('./events').createEventBus>, initialClock: import('./message-clock').MessageClockConfig }} deps
 */
function createMessaging({ state, clock, events, initialClock }) {
  const messageClock = createMessageClock({ state, clock, emit: events.emit, config: initialClock });
  /** WhatsApp wallet out of credit: template sends answer 402 (docs, "WhatsApp Credit and Template Messages"). */
  let walletDepleted = false;

  const api = {
    /**
     * A customer's message arrives: {contact_uuid | phone | bsuid, text?, attachments?, channel_uuid?, name?}.
     * Opens the 24-hour window; creates an unknown sender. Returns {message, contact, created}.
     * @param {unknown} spec
     */
    inbound(spec) {
      return receive(state, spec, clock.now(), events.emit);
    },
    /** The next `count` sends end `failed` (reason: string or {code, reason}). @param {number} count @param {unknown} [reason] */
    failNextMessages(count, reason) {
      messageClock.failNext(count, reason);
    },
    /** Make a sent message `failed` now. @param {string} uuid @param {unknown} [reason] */
    failMessage(uuid, reason) {
      const m = state.sent.get(uuid);
      if (!m) throw new TypeError(`no sent message ${uuid}`);
      messageClock.fail(m, reason);
    },
    /** Template sends on WhatsApp answer 402 while true. @param {boolean} on */
    setWalletDepleted(on) {
      if (typeof on !== 'boolean') throw new TypeError('walletDepleted must be a boolean');
      walletDepleted = on;
    },
    /** Status timings for later sends. @param {Partial<import('./message-clock').MessageClockConfig>} spec */
    setMessageClock(spec) {
      messageClock.setConfig(spec);
    },
  };

  return {
    api,
    messageClock,
    walletDepleted: () => walletDepleted,
    config: () => ({
      messageClock: messageClock.getConfig(), pendingMessageFailures: messageClock.pendingFailures(), clockFrozen: clock.isFrozen(), walletDepleted,
    }),
    /** Before the clock and the state reset: pending messages must not move when the clock jumps. */
    reset() {
      messageClock.reset(initialClock);
      walletDepleted = false;
    },
    close: () => messageClock.close(),
  };
}

module.exports = { createMessaging };
