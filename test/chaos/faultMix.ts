// eslint-disable-next-line @typescript-eslint/no-require-imports
const scale = require('../support/chaosScale') as {
	CHAOS_ITEMS: number;
	CHAOS_MAX_RETRIES: number;
	CHAOS_CONCURRENCY: number;
};

/** How many items, retries and requests at once (small in `npm test`, 10,000 items in `npm run test:chaos`). */
export const { CHAOS_ITEMS, CHAOS_MAX_RETRIES, CHAOS_CONCURRENCY } = scale;

/**
 * The faults both chaos runs inject on their path: 10 % 429 (half with Retry-After, as seconds or
 * a date), 5 % 5xx, 2 % connection resets, 1 % answers slower than the node's Timeout.
 */
export function faultMix(paths: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		rate429: 0.1,
		rate429RetryAfter: 0.5,
		retryAfterFormat: 'mixed',
		rate5xx: 0.05,
		rateReset: 0.02,
		rateTimeout: 0.01,
		timeoutMs: 4000,
		paths,
		...extra,
	};
}

/**
 * The node's Timeout: far above an answer's normal time even on a loaded 2-core machine (where
 * 1.5 s once tripped on answers that were only slow), far below the injected 4 s, so only the
 * injected timeouts trip it.
 */
export const NODE_TIMEOUT_MS = 2500;
