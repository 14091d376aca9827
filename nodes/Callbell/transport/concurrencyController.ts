/**
 * Concurrency "Auto": how many items to keep in flight so that the rate cap, not the waiting, bounds
 * an execution. Little's law: requests in flight = request rate × time per request. The controller
 * keeps an average of the observed request times (Callbell's time plus the network's: connection,
 * TLS handshake and round trips) and aims at `ratePerSecond × average × headroom + extra`, between
 * 1 and `max`. The rate is the execution's share of the account at that moment (`rateAt`,
 * transport/rateShare.ts: lower after 429s), so the target follows it. Pure logic: the caller
 * passes the time (ms) with every call.
 */
export interface ConcurrencyControllerSettings {
	/** The request rate to keep up: the execution's cap, or Callbell's limit when there is none. */
	ratePerSecond: number;
	/** The rate to keep up at a given time, when it changes (the execution's share of the account). */
	rateAt?: (now: number) => number;
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
}

export interface ConcurrencyController {
	/** Items that may be in flight now. */
	limit(now: number): number;
	/** One request's time from sending to its answer (any answer but 429). */
	recordLatency(ms: number, now: number): void;
	/** The current average request time in ms (undefined before the first answer). */
	latencyEstimate(): number | undefined;
	/** An item starts (+1) or ends (-1) a wait before a retry: it holds no request, so another may go. */
	waiting(change: 1 | -1): void;
}

/** One answer slower than this counts as this: a stuck request must not swing the target on its own. */
const LONGEST_SAMPLE_MS = 10_000;

export function createConcurrencyController(settings: ConcurrencyControllerSettings): ConcurrencyController {
	const rate = Math.max(1, settings.ratePerSecond);
	const max = Math.max(1, Math.floor(settings.max));
	const headroom = settings.headroom ?? 1.25;
	const extra = settings.extra ?? 2;
	const smoothing = settings.smoothing ?? 0.05;
	const initial = Math.max(1, Math.min(max, settings.initial ?? 4));
	let startedAt: number | undefined;
	let average: number | undefined;
	let waitingItems = 0;
	const clamp = (value: number): number => Math.max(1, Math.min(max, Math.ceil(value))) + waitingItems;

	return {
		limit(now) {
			startedAt ??= now;
			const factor = settings.rateAt ? Math.max(1, settings.rateAt(now)) / rate : 1;
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
		latencyEstimate: () => average,
		waiting(change) {
			waitingItems = Math.max(0, waitingItems + change);
		},
	};
}
