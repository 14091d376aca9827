/**
 * Concurrency "Auto": how many items to keep in flight so that the rate cap, not the waiting, bounds
 * an execution. Little's law: requests in flight = request rate × time per request. The controller
 * keeps an average of the observed request times (Callbell's time plus the network's: connection,
 * TLS handshake and round trips) and aims at `ratePerSecond × average × headroom + extra`, between
 * 1 and `max`. A 429 lowers the rate itself (the rate limiter reads `rateFactor`) and, with it, the
 * target; both grow back over `recoveryMs`. Pure logic: the caller passes the time (ms) with every call.
 */
export interface ConcurrencyControllerSettings {
	/** The request rate to keep up: the execution's cap, or Callbell's limit when there is none. */
	ratePerSecond: number;
	/** The most items in flight, whatever the latency says. */
	max: number;
	/** Extra room over Little's law for uneven request times (a factor). */
	headroom?: number;
	/** Extra items over Little's law, for the node's own work on each item between its requests. */
	extra?: number;
	/** How fast the average follows new request times (weight of one sample, 0–1). */
	smoothing?: number;
	/** Items in flight allowed at the very start, before any request time was seen. */
	initial?: number;
	/**
	 * After a 429, the request rate and the target are multiplied by this (again for 429s more than
	 * one request time apart, so an account that stays over its limit slows down fast).
	 */
	backoffFactor?: number;
	/** How long, after a 429, the target takes to grow back by the whole of the cut. */
	recoveryMs?: number;
}

export interface ConcurrencyController {
	/** Items that may be in flight now. */
	limit(now: number): number;
	/** The share (0–1] of the rate to send at now: below 1 for a while after a 429. */
	rateFactor(now: number): number;
	/** One request's time from sending to its answer (any answer but 429). */
	recordLatency(ms: number, now: number): void;
	/** Callbell answered 429 Too Many Requests. */
	recordThrottle(now: number): void;
	/** The current average request time in ms (undefined before the first answer). */
	latencyEstimate(): number | undefined;
}

/** One answer slower than this counts as this: a stuck request must not swing the target on its own. */
const LONGEST_SAMPLE_MS = 10_000;
/** The target never drops below this share of Little's law after 429s. */
const SMALLEST_FACTOR = 1 / 16;

export function createConcurrencyController(settings: ConcurrencyControllerSettings): ConcurrencyController {
	const rate = Math.max(1, settings.ratePerSecond);
	const max = Math.max(1, Math.floor(settings.max));
	const headroom = settings.headroom ?? 1.25;
	const extra = settings.extra ?? 2;
	const smoothing = settings.smoothing ?? 0.05;
	const initial = Math.max(1, Math.min(max, settings.initial ?? 4));
	// A lone 429 comes from requests bunching up on their way (a rate of 290/s against a limit of
	// 300/s leaves 35 ms of room): a small, short cut costs about 30 requests. An account that stays
	// over its limit gets a cut per request time: 0.85^4 ≈ half the rate within four request times.
	const backoffFactor = settings.backoffFactor ?? 0.85;
	const recoveryMs = settings.recoveryMs ?? 2000;

	let startedAt: number | undefined;
	let average: number | undefined;
	/** The 429 cut: factor right after the last cut and when that was. */
	let cutFactor = 1;
	let cutAt = -Infinity;

	const factorAt = (now: number): number =>
		cutFactor >= 1 ? 1 : Math.min(1, cutFactor + ((1 - cutFactor) * Math.max(0, now - cutAt)) / recoveryMs);
	const clamp = (value: number): number => Math.max(1, Math.min(max, Math.ceil(value)));

	return {
		limit(now) {
			startedAt ??= now;
			const factor = factorAt(now);
			if (average === undefined) {
				// No answer yet: let the in-flight count grow as fast as the rate would send requests,
				// which is what Little's law gives for a latency of at least the time waited so far.
				return clamp((initial + (rate * (now - startedAt)) / 1000) * factor);
			}
			return clamp((((rate * average) / 1000) * headroom + extra) * factor);
		},
		recordLatency(ms, now) {
			startedAt ??= now;
			const sample = Math.min(LONGEST_SAMPLE_MS, Math.max(0, ms));
			average = average === undefined ? sample : average + smoothing * (sample - average);
		},
		recordThrottle(now) {
			startedAt ??= now;
			// 429s within one request time of the last cut answer requests sent before it: one cut for them all.
			const window = average ?? 0;
			if (now - cutAt < window) return;
			cutFactor = Math.max(SMALLEST_FACTOR, factorAt(now) * backoffFactor);
			cutAt = now;
		},
		rateFactor: (now) => factorAt(now),
		latencyEstimate: () => average,
	};
}
