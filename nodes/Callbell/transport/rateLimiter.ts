import { sleep } from 'n8n-workflow';

/** Spaces requests evenly so that one execution stays under a requests-per-second cap. */
export interface RateLimiter {
	/** Resolves when the next request may be sent. */
	take(): Promise<void>;
}

export interface Clock {
	now(): number;
	pause(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), pause: async (ms) => await sleep(ms) };

/** Lateness (timer overshoot) up to this is made up; after a longer stall the spacing restarts from now. */
const CATCH_UP_MS = 20;

/**
 * Hands out send times `1000 / perSecond` ms apart, in the order asked, so any one-second window
 * holds at most `perSecond` sends (plus what CATCH_UP_MS allows). Waiters take their turn one after
 * another and each slot is computed when its turn comes: after the event loop was blocked, or after
 * a pause, sending resumes at the cap instead of catching up in a burst (a burst there would meet
 * Callbell's own per-second limit as 429s). `perSecond` 0 means no cap. A function is read at every
 * turn: Concurrency Auto lowers the rate for a while after Callbell answered 429.
 */
export function createRateLimiter(perSecond: number | (() => number), clock: Clock = realClock): RateLimiter {
	const rate = typeof perSecond === 'number' ? () => perSecond : perSecond;
	if (!(rate() > 0)) return { take: async () => {} };
	let nextSlot = -Infinity;
	let queue: Promise<void> = Promise.resolve();
	const turn = async (): Promise<void> => {
		const intervalMs = 1000 / Math.max(0.001, rate());
		let now = clock.now();
		const slot = nextSlot >= now - CATCH_UP_MS ? nextSlot : now;
		nextSlot = slot + intervalMs;
		if (slot > now) {
			await clock.pause(slot - now);
			now = clock.now();
		}
		// Woken much later than asked (a blocked event loop): space the next send from this one.
		if (now - slot > CATCH_UP_MS) nextSlot = now + intervalMs;
	};
	return {
		async take() {
			const mine = queue.then(turn);
			queue = mine.catch(() => {});
			await mine;
		},
	};
}
