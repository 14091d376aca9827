/**
 * One execution's share of the account's request rate. Callbell allows 300 requests per second per
 * account, whatever the number of executions (or n8n workers) sending; nothing is shared between
 * executions, so a 429 is the only signal that others use part of it. The share follows AIMD with
 * a slow start and two refinements (tuned in a simulation of executions sharing a 300/s sliding
 * window, see test/nodes/Callbell/transport/rateShare.test.ts):
 * - **Slow start.** A new sender does not know how much of the account others use. It starts at
 *   35 % of the ceiling (at least 10/s: what a request time at that rate adds to a full account is
 *   a request or two) and doubles every `startDoublingMs` (the ceiling in 1.5 s) until its first
 *   429. Callbell counts requests in a sliding second: two senders starting together at this pace
 *   send just under 300 requests in their first second and fill the account early in the next,
 *   while the first second's requests slide out. A faster start fills it within the first second,
 *   where nothing slides out, and every request of one request time is refused; a slower one costs
 *   an execution alone more than it saves (bench/RESULTS.md).
 * - **The slow start ends at its first 429** below the ceiling, which means the account is full (a
 *   sender alone under its ceiling does not fill it): the rate drops at once to what Callbell
 *   accepted from it in the last second (the deep cut below). The answers to the requests sent
 *   before that 429 then tell a full account (a 429 among them) from a stray 429 (the first
 *   `minAnswers` of them accepted): a stray is undone and the slow start goes on.
 * - **Decrease.** A 429 cuts the rate by the share of 429s among the answers since the last cut,
 *   by `decrease` (×0.9) at least, once per request time (429s arriving within one request time
 *   answer requests sent before the cut). When most answers are 429s (the account is full, as
 *   when several executions start at once), the rate drops to what Callbell accepted from this
 *   execution in the last second — its share — but never below `deepFloor` of the rate.
 * - **Hold.** After a cut nothing is sent for a moment (`resumeAt`): a 429 means the account's
 *   sliding second is full, and until part of it slides out every request sent is refused. The
 *   mild first cut does not pause the pacing of an execution that sent less than its new rate in
 *   the last second (one that started less than a second ago), so without the hold it went on
 *   sending into the full account until enough 429s came back for the deep cut. The hold lasts
 *   until the answers that decide it (`minAnswers`, sent before the cut) can be back: the time of
 *   1.5 × `minAnswers` sends at the rate before the cut, at most one request time (41 ms at 290/s).
 *   A stray 429 costs a lone execution that moment; a full account gets the deep cut meanwhile.
 * - **Increase.** Without 429s the rate grows back towards the ceiling (Max Requests Per Second),
 *   slowly at first (`probeStart` requests/s per second) and twice as fast every `probeDoublingMs`:
 *   near the account's limit it probes gently (few 429s), and the capacity another execution
 *   leaves when it ends is taken up within a few seconds. It grows no further than twice what the
 *   execution used in the last second, so one held back by its own CPU does not burst later.
 * - **Probe again past the last limit.** After a mild cut the rate it had then is where the account
 *   was last full. Once the rate is back there, the probe starts again from its gentle beginning
 *   (doubling every `reprobeDoublingMs`): without that, a sender whose rate had grown for seconds
 *   passed the account's limit at full speed, while another's cut had made room in its sliding
 *   second, and the two overshot together (simulation: 12 429s in one second of 4 × 2,000 items).
 * A lone execution reaches the ceiling 1.5 s after its first request and stays there; it meets a
 * 429 of its own pacing only when its requests bunch up on the way out (a busy worker), and a stray
 * one costs it little.
 * Pure logic: the caller passes the time (ms) with every call.
 */
export interface RateShareSettings {
	/** The most requests per second: the node's Max Requests Per Second. */
	ceiling: number;
	/** The mildest cut: the rate is multiplied by at most this after a 429. */
	decrease?: number;
	/** A cut to this execution's accepted rate never goes below this share of the rate. */
	deepFloor?: number;
	/** Requests per second gained in the first second after a cut. */
	probeStart?: number;
	/** The growth rate doubles every this many ms without a 429. */
	probeDoublingMs?: number;
	/** Answers needed since the last cut before a second cut within one request time. */
	minAnswers?: number;
	/** Past the rate of the last mild cut the probe starts again, doubling every this many ms. */
	reprobeDoublingMs?: number;
	/** The first rate, as a share of the ceiling, before any 429. */
	startShare?: number;
	/** Before any 429 the rate doubles every this many ms, up to the ceiling. */
	startDoublingMs?: number;
}

export interface RateShare {
	/** Requests per second this execution may send now (at most the ceiling, at least 1). */
	rate(now: number): number;
	/** One answer: `throttled` for a 429; `requestMs` from sending to the answer. */
	recordAnswer(now: number, requestMs: number, throttled: boolean): void;
	/** Nothing may be sent before this time (ms): the hold after the last cut (-Infinity before any). */
	resumeAt(): number;
}

/** A request time sample weighs this much in the average that sets the cut window. */
const SMOOTHING = 0.05;
/** One answer slower than this counts as this. */
const LONGEST_SAMPLE_MS = 10_000;
/** Answers accepted within this many ms count as this execution's share of the account's second. */
const ACCOUNT_WINDOW_MS = 1000;
/** A slow start begins at this many requests per second at least (or at the ceiling, when lower). */
const LOWEST_START = 10;
/** The hold after a cut lasts this many times `minAnswers` sends at the rate before the cut (room for jitter). */
const HOLD_ANSWERS = 1.5;

export function createRateShare(settings: RateShareSettings): RateShare {
	const ceiling = Math.max(1, settings.ceiling);
	const decrease = settings.decrease ?? 0.9;
	const deepFloor = settings.deepFloor ?? 0.25;
	const probeStart = settings.probeStart ?? 2;
	const doublingMs = settings.probeDoublingMs ?? 1000;
	const reprobeDoublingMs = settings.reprobeDoublingMs ?? 700;
	const minAnswers = settings.minAnswers ?? 8;
	const startDoublingMs = settings.startDoublingMs ?? 1000;
	const startRate = Math.min(ceiling, Math.max(LOWEST_START, ceiling * (settings.startShare ?? 0.35)));

	/** The rate right after the last cut, and when that was (none yet: the slow start). */
	let cutRate = ceiling;
	let cutAt: number | undefined;
	let deepCut = false;
	/** The rate before the last mild cut, and when the probe grows back to it (none after a deep cut). */
	let lastLimit = 0;
	let reprobeAt = Infinity;
	let accepted = 0;
	let throttled = 0;
	let averageMs: number | undefined;
	/** Times of accepted answers within the last ACCOUNT_WINDOW_MS, oldest first. */
	const acceptedTimes: number[] = [];
	let holdUntil = -Infinity;
	/** When the rate was first asked for (or an answer came): the slow start runs from then. */
	let startedAt: number | undefined;
	/** One request time (with some slack): 429s arriving within it answer requests sent before a cut. */
	const requestTime = (): number => (averageMs ?? 0) * 1.2 + 5;

	/** What the probe adds in `ms`: `probeStart` per second at first, its growth doubling every `doubling` ms. */
	const probeGrowth = (ms: number, doubling: number): number =>
		(probeStart * (doubling / 1000) * (2 ** (Math.max(0, ms) / doubling) - 1)) / Math.LN2;
	/** How long the probe after a cut takes to add `gain` (the inverse of probeGrowth). */
	const probeTime = (gain: number): number => doublingMs * Math.log2(1 + (gain * Math.LN2) / (probeStart * (doublingMs / 1000)));

	const rate = (now: number): number => {
		if (cutAt === undefined) {
			startedAt ??= now;
			return Math.min(ceiling, startRate * 2 ** (Math.max(0, now - startedAt) / startDoublingMs));
		}
		const grown =
			now < reprobeAt
				? cutRate + probeGrowth(now - cutAt, doublingMs)
				: lastLimit + probeGrowth(now - reprobeAt, reprobeDoublingMs);
		// An execution slower than its rate (its own CPU or items are the limit) does not grow far past
		// what it uses: twice its accepted requests of the last second, so it cannot burst into the
		// account when it speeds up (seen in queue mode on a busy machine, bench/RESULTS.md).
		const used = Math.max(cutRate, 2 * acceptedTimes.length);
		return Math.max(1, Math.min(ceiling, grown, used));
	};

	const forgetOld = (now: number): void => {
		let old = 0;
		while (old < acceptedTimes.length && acceptedTimes[old] <= now - ACCOUNT_WINDOW_MS) old++;
		if (old > 0) acceptedTimes.splice(0, old);
	};

	const cut = (now: number): void => {
		const current = rate(now);
		const share = throttled / Math.max(1, accepted + throttled);
		// Once at the ceiling the slow start is over: a first 429 there gets the usual cut.
		const endsSlowStart = cutAt === undefined && current < ceiling;
		if (share >= 0.5 || endsSlowStart) {
			cutRate = Math.min(current * decrease, Math.max(current * deepFloor, acceptedTimes.length));
			deepCut = true;
		} else {
			cutRate = current * Math.min(decrease, 1 - share);
			deepCut = false;
		}
		cutRate = Math.max(1, cutRate);
		cutAt = now;
		lastLimit = deepCut ? 0 : current;
		reprobeAt = lastLimit > cutRate ? now + probeTime(lastLimit - cutRate) : Infinity;
		// Long enough for the answers a deep cut needs to come back (they arrive about as fast as they were sent).
		holdUntil = now + Math.min(requestTime(), (HOLD_ANSWERS * minAnswers * 1000) / current);
		accepted = 0;
		throttled = 0;
		acceptedBeforeExit = endsSlowStart ? 0 : undefined;
	};

	/**
	 * The first 429 of the slow start cuts deep at once (at `cutAt`); the answers to the requests sent
	 * before it then tell a full account (a 429 among them) from a stray 429 (the first `minAnswers`
	 * accepted), which is undone. Counts those accepted while that is open.
	 */
	let acceptedBeforeExit: number | undefined;
	const confirmSlowStartEnd = (now: number, requestMs: number, wasThrottled: boolean): void => {
		if (acceptedBeforeExit === undefined || cutAt === undefined || now - requestMs >= cutAt) return;
		if (wasThrottled) acceptedBeforeExit = undefined; // the account is full: the cut stands
		else if (++acceptedBeforeExit >= minAnswers) {
			// A stray 429: the slow start goes on as if it had not come.
			acceptedBeforeExit = undefined;
			cutAt = undefined;
			deepCut = false;
			holdUntil = -Infinity;
			lastLimit = 0;
			reprobeAt = Infinity;
		}
	};

	return {
		rate,
		resumeAt: () => holdUntil,
		recordAnswer(now, requestMs, wasThrottled) {
			startedAt ??= now;
			const sample = Math.min(LONGEST_SAMPLE_MS, Math.max(0, requestMs));
			averageMs = averageMs === undefined ? sample : averageMs + SMOOTHING * (sample - averageMs);
			forgetOld(now);
			confirmSlowStartEnd(now, requestMs, wasThrottled);
			if (!wasThrottled) {
				accepted++;
				acceptedTimes.push(now);
				return;
			}
			throttled++;
			const sinceCut = cutAt === undefined ? Infinity : now - cutAt;
			if (sinceCut >= requestTime()) return cut(now);
			// Within one request time of a mild cut, most answers are still 429s: the account is full.
			const mostlyThrottled = accepted + throttled >= minAnswers && throttled * 2 >= accepted + throttled;
			if (!deepCut && mostlyThrottled) cut(now);
		},
	};
}
