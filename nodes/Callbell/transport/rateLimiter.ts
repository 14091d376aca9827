import { sleep } from 'n8n-workflow';

/** Spaces requests evenly so that one execution stays under a requests-per-second cap. */
export interface RateLimiter {
	/** Resolves when the next request may be sent, with its send time, now (hand it to `refused`). */
	take(): Promise<number>;
	/** Callbell refused (429) the request sent at `sentAt`: it does not count against the last second. */
	refused(sentAt: number): void;
}

export interface Clock {
	now(): number;
	pause(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), pause: async (ms) => await sleep(ms) };

/** Lateness (timer overshoot) up to this is made up; after a longer stall the spacing restarts from now. */
const CATCH_UP_MS = 20;
/** Callbell counts requests per second. */
const WINDOW_MS = 1000;

/**
 * Hands out send times `1000 / perSecond` ms apart, in the order asked, and never more than
 * `perSecond` sends (at least 1) within any 1000 ms, refused ones not counted. Waiters take their
 * turn one after another and each slot is computed when its turn comes: after the event loop was
 * blocked, or after a pause, sending resumes at the cap instead of catching up in a burst (a burst
 * there would meet Callbell's own per-second limit as 429s). `perSecond` 0 means no cap. A function
 * is read at every turn (the execution's share of the account, transport/rateShare.ts): when it
 * drops, sending pauses until the last second's sends fit the new rate, so the account's second
 * frees up at once rather than a second later. `notBefore` (read at every turn too) holds all
 * sending until a time: the share's pause after a 429.
 */
export function createRateLimiter(
	perSecond: number | (() => number),
	clock: Clock = realClock,
	notBefore: () => number = () => -Infinity,
): RateLimiter {
	const rate = typeof perSecond === 'number' ? () => perSecond : perSecond;
	if (!(rate() > 0)) return { take: async () => clock.now(), refused: () => {} };
	let nextSlot = -Infinity;
	/** When the sends within the last WINDOW_MS of the latest slot left (not their slots), oldest first. */
	const sent: number[] = [];
	let queue: Promise<unknown> = Promise.resolve();

	const forgetBefore = (time: number): void => {
		let old = 0;
		while (old < sent.length && sent[old] <= time) old++;
		if (old > 0) sent.splice(0, old);
	};

	const turn = async (): Promise<number> => {
		let at = clock.now();
		let slot = nextSlot >= at - CATCH_UP_MS ? nextSlot : at;
		for (;;) {
			const allowed = Math.max(1, Math.floor(rate()));
			forgetBefore(slot - WINDOW_MS);
			if (sent.length >= allowed) slot = Math.max(slot, sent[sent.length - allowed] + WINDOW_MS);
			slot = Math.max(slot, notBefore());
			if (slot <= at) break;
			await clock.pause(slot - at);
			// The slot is reached (a clock that does not move, as in tests, counts as on time).
			at = Math.max(clock.now(), slot);
		}
		// Woken much later than asked (a blocked event loop): space the next send from this one.
		if (at - slot > CATCH_UP_MS) slot = at;
		nextSlot = slot + 1000 / Math.max(0.001, rate());
		// The second counts it when it leaves: a late send made up for must not let the next second's sends in early.
		sent.push(at);
		return at;
	};

	return {
		async take() {
			const mine = queue.then(turn);
			queue = mine.catch(() => {});
			return await mine;
		},
		refused(sentAt) {
			const at = sent.lastIndexOf(sentAt);
			if (at !== -1) sent.splice(at, 1);
		},
	};
}
