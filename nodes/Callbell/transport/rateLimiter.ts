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

/**
 * Hands out send times `1000 / perSecond` ms apart, in the order asked, so any one-second window
 * holds at most `perSecond` sends. A slot is never in the past: after a pause, sending resumes at
 * the cap instead of catching up in a burst. `perSecond` 0 means no cap.
 */
export function createRateLimiter(perSecond: number, clock: Clock = realClock): RateLimiter {
	if (!(perSecond > 0)) return { take: async () => {} };
	const intervalMs = 1000 / perSecond;
	let nextSlot = -Infinity;
	return {
		async take() {
			const now = clock.now();
			const slot = Math.max(now, nextSlot);
			nextSlot = slot + intervalMs;
			if (slot > now) await clock.pause(slot - now);
		},
	};
}
