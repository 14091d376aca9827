import { createConcurrencyController } from '../../../../nodes/Callbell/transport/concurrencyController';

/** Feeds `count` answers of `ms` each, one every `everyMs`, from `start`; returns the time after. */
function feed(
	controller: ReturnType<typeof createConcurrencyController>,
	{ count, ms, start, everyMs = 1000 / 290 }: { count: number; ms: number | ((i: number) => number); start: number; everyMs?: number },
): number {
	let now = start;
	for (let i = 0; i < count; i++) {
		now += everyMs;
		controller.recordLatency(typeof ms === 'number' ? ms : ms(i), now);
	}
	return now;
}

/** Little's law with the default headroom 1.25 and 2 extra. */
const little = (rate: number, ms: number) => Math.ceil(((rate * ms) / 1000) * 1.25 + 2);

describe('createConcurrencyController (Concurrency Auto)', () => {
	it('before any answer, lets the in-flight count grow as fast as the rate sends', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		expect(c.limit(1000)).toBe(4);
		expect(c.limit(1100)).toBe(33); // 4 + 290 × 0.1 s
		expect(c.limit(1500)).toBe(149);
		expect(c.limit(5000)).toBe(200); // never past the bound
		expect(c.latencyEstimate()).toBeUndefined();
	});

	it('settles at rate × latency × headroom once answers come back (Little’s law)', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		const now = feed(c, { count: 300, ms: 380, start: 0 });
		expect(c.latencyEstimate()).toBeCloseTo(380, 5);
		expect(c.limit(now)).toBe(little(290, 380)); // 140
	});

	it('follows latency steps up and down within a second of answers', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		let now = feed(c, { count: 300, ms: 50, start: 0 });
		expect(c.limit(now)).toBe(little(290, 50)); // 21
		now = feed(c, { count: 290, ms: 380, start: now }); // one second of slow answers
		expect(c.limit(now)).toBeGreaterThanOrEqual(little(290, 370));
		expect(c.limit(now)).toBeLessThanOrEqual(little(290, 380));
		now = feed(c, { count: 290, ms: 50, start: now }); // and fast again
		expect(c.limit(now)).toBeLessThanOrEqual(little(290, 60));
		expect(c.limit(now)).toBeGreaterThanOrEqual(little(290, 50));
	});

	it('never exceeds the bound, however slow Callbell gets, and never drops below 1', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		let now = feed(c, { count: 500, ms: 60_000, start: 0 });
		expect(c.limit(now)).toBe(200);
		now = feed(c, { count: 1000, ms: 0, start: now });
		expect(c.limit(now)).toBe(2); // the extra items only
		const none = createConcurrencyController({ ratePerSecond: 290, max: 200, extra: 0 });
		now = feed(none, { count: 10, ms: 0, start: 0 });
		expect(none.limit(now)).toBe(1);
	});

	it('a slow tail: the mean (not the median) drives the target, and one stuck request cannot swing it alone', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		// 1 answer in 10 takes 1 s, the rest 100 ms: mean 190 ms, so ~55 in flight keep up the rate
		let now = feed(c, { count: 2000, ms: (i) => (i % 10 === 9 ? 1000 : 100), start: 0 });
		expect(c.limit(now)).toBeGreaterThanOrEqual(little(290, 150));
		expect(c.limit(now)).toBeLessThanOrEqual(little(290, 240));
		// one request stuck for five minutes counts as 10 s at most
		c.recordLatency(300_000, now);
		expect(c.latencyEstimate()).toBeLessThan(190 + 0.05 * 10_000 + 20);
		expect(c.limit(now)).toBeLessThanOrEqual(200);
		now = feed(c, { count: 300, ms: 100, start: now });
		expect(c.limit(now)).toBeLessThanOrEqual(little(290, 110));
	});

	it('follows the execution’s share of the account when it drops after 429s, and grows back with it', () => {
		let share = 290;
		const c = createConcurrencyController({ ratePerSecond: 290, rateAt: () => share, max: 200 });
		const now = feed(c, { count: 300, ms: 400, start: 0 });
		expect(c.limit(now)).toBe(little(290, 400)); // 147
		share = 72.5; // four executions on one account
		expect(c.limit(now)).toBe(Math.ceil(little(290, 400) / 4)); // 37
		share = 0.5; // never below one item in flight
		expect(c.limit(now)).toBe(Math.ceil(little(290, 400) / 290));
		share = 290;
		expect(c.limit(now)).toBe(little(290, 400));
	});

	it('an item waiting before its retry holds no request: one more item may start while it waits', () => {
		const c = createConcurrencyController({ ratePerSecond: 290, max: 200 });
		const now = feed(c, { count: 300, ms: 50, start: 0 });
		const base = c.limit(now);
		c.waiting(1);
		c.waiting(1);
		expect(c.limit(now)).toBe(base + 2);
		c.waiting(-1);
		c.waiting(-1);
		c.waiting(-1); // never below none
		expect(c.limit(now)).toBe(base);
	});

	it('a lower rate cap needs fewer in flight for the same latency', () => {
		const slow = createConcurrencyController({ ratePerSecond: 10, max: 200 });
		const now = feed(slow, { count: 100, ms: 380, start: 0 });
		expect(slow.limit(now)).toBe(little(10, 380)); // 7
	});
});
