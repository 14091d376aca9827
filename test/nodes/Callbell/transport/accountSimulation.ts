import { createPacing, joinProcessShare } from '../../../../nodes/Callbell/transport/processShare';
import type { Clock, RateLimiter } from '../../../../nodes/Callbell/transport/rateLimiter';
import { createRateLimiter } from '../../../../nodes/Callbell/transport/rateLimiter';
import type { RateShare } from '../../../../nodes/Callbell/transport/rateShare';
import type { RetrySettings } from '../../../../nodes/Callbell/transport/retryPolicy';
import { DEFAULT_RETRY, decideRetry } from '../../../../nodes/Callbell/transport/retryPolicy';

/**
 * Executions sharing one Callbell account, in virtual time: each runs its items through the
 * transport's own pieces as transport/request.ts combines them (rate limiter → request → the
 * share told the answer → on a 429 `refused` and decideRetry's backoff), against an account that
 * admits `limit` requests in any sliding second (as test/sandbox does) and answers after
 * `latencyMs` (+ up to `jitterMs`). Nothing waits in real time.
 */
export interface SimExecution {
	items: number;
	/** When it starts (virtual ms). */
	startAt?: number;
	/** Max Requests Per Second. */
	ceiling?: number;
	/** The old behaviour for comparison: a fixed cap, no share. */
	fixedCap?: boolean;
	/**
	 * The n8n process it runs in: executions of one process pace together (transport/processShare.ts,
	 * as getConnection joins them). Without it, the execution has its own share and limiter.
	 */
	process?: string;
}

export interface SimOptions {
	limit?: number;
	latencyMs?: number;
	jitterMs?: number;
	/** Items in flight per execution (a fixed Concurrency). */
	lanes?: number;
	retry?: Partial<RetrySettings>;
	/** The account refuses every request between these times (a 429 storm). */
	storm?: { from: number; to: number };
	/** The account refuses the requests admitted as these numbers (1-based) anyway: stray 429s. */
	strayAt?: number[];
	seed?: number;
}

export interface SimResult {
	/** Per execution: when its last item ended, items done, items failed. */
	executions: Array<{
		endAt: number;
		done: number;
		failed: number;
		reasons: string[];
		/** 429s this execution met, per whole virtual second. */
		throttledPerSecond: number[];
	}>;
	requests: number;
	throttled: number;
	/** Admitted requests per whole virtual second. */
	admittedPerSecond: number[];
	/** 429s per whole virtual second. */
	throttledPerSecond: number[];
	endAt: number;
}

let simulations = 0;

/** Microtask turns between two timers: far more than any await chain of the transport's pieces. */
const MICROTASK_HOPS = 64;

/** Virtual time: timers in a heap-less list (small), run in order, microtasks flushed between them. */
function virtualClock() {
	let now = 0;
	let seq = 0;
	const timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
	const clock: Clock = {
		now: () => now,
		pause: async (ms) => await new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve })),
	};
	async function run(): Promise<void> {
		for (;;) {
			// Every continuation of the last timer registers its own timers first (chains are short).
			for (let hop = 0; hop < MICROTASK_HOPS; hop++) await Promise.resolve();
			if (timers.length === 0) return;
			let next = 0;
			for (let i = 1; i < timers.length; i++) {
				if (timers[i].at < timers[next].at || (timers[i].at === timers[next].at && timers[i].seq < timers[next].seq)) next = i;
			}
			const [timer] = timers.splice(next, 1);
			now = Math.max(now, timer.at);
			timer.resolve();
		}
	}
	return { clock, run, now: () => now };
}

export async function simulateAccount(executions: SimExecution[], options: SimOptions = {}): Promise<SimResult> {
	const limit = options.limit ?? 300;
	const latencyMs = options.latencyMs ?? 50;
	const jitterMs = options.jitterMs ?? 10;
	const lanes = options.lanes ?? 40;
	const retry: RetrySettings = { ...DEFAULT_RETRY, ...options.retry };
	let seed = options.seed ?? 1;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const time = virtualClock();
	const { clock } = time;

	const window: number[] = [];
	let admittedCount = 0;
	const result: SimResult = {
		executions: [],
		requests: 0,
		throttled: 0,
		admittedPerSecond: [],
		throttledPerSecond: [],
		endAt: 0,
	};
	const bump = (list: number[], at: number) => {
		const second = Math.floor(at / 1000);
		while (list.length <= second) list.push(0);
		list[second]++;
	};
	const admit = (at: number): boolean => {
		result.requests++;
		while (window.length > 0 && window[0] <= at - 1000) window.shift();
		const stormy = options.storm !== undefined && at >= options.storm.from && at < options.storm.to;
		let ok = !stormy && window.length < limit;
		if (ok) {
			window.push(at);
			admittedCount++;
			if (options.strayAt?.includes(admittedCount)) ok = false;
		}
		if (ok) bump(result.admittedPerSecond, at);
		else {
			result.throttled++;
			bump(result.throttledPerSecond, at);
		}
		return ok;
	};

	const simulation = `simulation-${++simulations}`;
	const runOne = async (spec: SimExecution) => {
		const outcome = { endAt: 0, done: 0, failed: 0, reasons: [] as string[], throttledPerSecond: [] as number[] };
		result.executions.push(outcome);
		await clock.pause(spec.startAt ?? 0);
		const ceiling = spec.ceiling ?? 290;
		let share: RateShare | undefined;
		let limiter: RateLimiter;
		let leave = () => {};
		if (spec.process !== undefined && !spec.fixedCap) {
			({ share, limiter, leave } = joinProcessShare(
				{ credentialId: `${simulation}:${spec.process}`, baseUrl: 'https://api.callbell.eu/v1', workflowId: 'simulated', ceiling },
				clock,
			));
		} else {
			const own = spec.fixedCap ? undefined : createPacing(ceiling, clock);
			share = own?.share;
			limiter = own?.limiter ?? createRateLimiter(ceiling, clock);
		}
		let next = 0;
		const lane = async () => {
			while (next < spec.items) {
				next++;
				let waitedMs = 0;
				let throttled = 0;
				for (let retries = 0; ; retries++) {
					const askedAt = clock.now();
					const slot = await limiter.take();
					const sentAt = clock.now();
					if (retries > 0) waitedMs += sentAt - askedAt;
					const ok = admit(sentAt);
					await clock.pause(latencyMs + random() * jitterMs);
					share?.recordAnswer(clock.now(), clock.now() - sentAt, !ok);
					if (ok) {
						outcome.done++;
						break;
					}
					throttled++;
					bump(outcome.throttledPerSecond, sentAt);
					limiter.refused(slot);
					const decision = decideRetry('POST', { status: 429 }, { retries, throttled }, waitedMs, retry, random(), clock.now());
					if (!decision.retry) {
						outcome.failed++;
						outcome.reasons.push(decision.reason ?? '');
						break;
					}
					await clock.pause(decision.delayMs);
					waitedMs += decision.delayMs;
				}
				outcome.endAt = clock.now();
			}
		};
		await Promise.all(Array.from({ length: lanes }, lane));
		leave();
	};

	const all = Promise.all(executions.map(runOne));
	await time.run();
	await all;
	result.endAt = Math.max(...result.executions.map((e) => e.endAt));
	return result;
}

/** Admitted requests per second and the 429 share between two whole seconds (from inclusive, to exclusive). */
export function between(result: SimResult, from: number, to: number) {
	let admitted = 0;
	let throttled = 0;
	for (let second = from; second < to; second++) {
		admitted += result.admittedPerSecond[second] ?? 0;
		throttled += result.throttledPerSecond[second] ?? 0;
	}
	return {
		perSecond: admitted / (to - from),
		throttledShare: throttled / Math.max(1, admitted + throttled),
	};
}
