import { sleep } from 'n8n-workflow';

import type { Clock } from '../../../../nodes/Callbell/transport/rateLimiter';
import { createRateLimiter } from '../../../../nodes/Callbell/transport/rateLimiter';

/** A clock that only moves when the limiter pauses, recording every send time. */
function fakeClock(start = 1_000) {
	let now = start;
	const pauses: number[] = [];
	const clock: Clock = {
		now: () => now,
		pause: async (ms) => {
			pauses.push(ms);
			now += ms;
		},
	};
	return { clock, pauses, advance: (ms: number) => (now += ms), now: () => now };
}

describe('createRateLimiter', () => {
	it('spaces sends 1000 / perSecond ms apart, the first at once', async () => {
		const { clock, now } = fakeClock();
		const limiter = createRateLimiter(4, clock);
		const sent: number[] = [];
		for (let i = 0; i < 5; i++) {
			await limiter.take();
			sent.push(now());
		}
		expect(sent).toEqual([1000, 1250, 1500, 1750, 2000]);
	});

	it('never lets more than perSecond sends into any one-second window, also when all ask at once', async () => {
		const perSecond = 290;
		const start = 5_000;
		const sendTimes: number[] = [];
		const frozen: Clock = {
			now: () => start,
			pause: async (ms) => {
				sendTimes.push(start + ms);
			},
		};
		const limiter = createRateLimiter(perSecond, frozen);
		await Promise.all(Array.from({ length: 1000 }, async () => await limiter.take()));
		const times = [start, ...sendTimes].sort((a, b) => a - b);
		expect(times).toHaveLength(1000);
		for (let i = perSecond; i < times.length; i++) expect(times[i] - times[i - perSecond]).toBeGreaterThanOrEqual(1000 - 1e-6);
		expect(times.at(-1)! - start).toBeCloseTo((999 * 1000) / perSecond, 6);
	});

	it('reads a rate given as a function at every turn, and after a drop waits until the last second fits it', async () => {
		const { clock, now } = fakeClock();
		let rate = 4;
		const limiter = createRateLimiter(() => rate, clock);
		const sent: number[] = [];
		for (let i = 0; i < 3; i++) {
			await limiter.take();
			sent.push(now());
		}
		rate = 2; // from the next turn on: 500 ms apart, and at most 2 sends in any second
		for (let i = 0; i < 2; i++) {
			await limiter.take();
			sent.push(now());
		}
		// 1000, 1250 and 1500 are within the second before 1750: the next send waits until 1250 + 1000
		expect(sent).toEqual([1000, 1250, 1500, 2250, 2750]);
	});

	it('a refused send (429) does not count against the last second', async () => {
		const { clock, now } = fakeClock();
		let rate = 4;
		const limiter = createRateLimiter(() => rate, clock);
		const slots: number[] = [];
		for (let i = 0; i < 3; i++) slots.push(await limiter.take());
		expect(slots).toEqual([1000, 1250, 1500]);
		limiter.refused(1250);
		limiter.refused(1500);
		rate = 2;
		await limiter.take(); // only 1000 counts: 1750 fits
		expect(now()).toBe(1750);
	});

	it('sends nothing before notBefore (the share’s hold after a 429), read at every turn, then spaces sends again', async () => {
		const { clock, now } = fakeClock();
		let holdUntil = -Infinity;
		const limiter = createRateLimiter(4, clock, () => holdUntil);
		const sent: number[] = [];
		for (let i = 0; i < 2; i++) {
			await limiter.take();
			sent.push(now());
		}
		holdUntil = 1_600; // a cut at 1250 + its hold: the slot 1500 is held back
		for (let i = 0; i < 2; i++) {
			await limiter.take();
			sent.push(now());
		}
		expect(sent).toEqual([1000, 1250, 1600, 1850]);
	});

	it('does not catch up in a burst after a pause', async () => {
		const { clock, advance, pauses } = fakeClock();
		const limiter = createRateLimiter(10, clock);
		await limiter.take();
		advance(5_000);
		await limiter.take();
		await limiter.take();
		expect(pauses).toEqual([100]);
	});

	it('does not wait at all with no cap (0)', async () => {
		const { clock, pauses } = fakeClock();
		const limiter = createRateLimiter(0, clock);
		for (let i = 0; i < 100; i++) await limiter.take();
		expect(pauses).toEqual([]);
	});
});

describe('createRateLimiter after the event loop was blocked', () => {
	/** Timers that fire at their time, except those due during a stall: they all fire when it ends. */
	function stallingClock(stall: { from: number; to: number }) {
		let now = 0;
		const timers: Array<{ at: number; resolve: () => void }> = [];
		const clock: Clock = { now: () => now, pause: async (ms) => await new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })) };
		async function run(): Promise<void> {
			for (;;) {
				await sleep(0); // everything waiting on microtasks registers its timers first
				if (timers.length === 0) return;
				timers.sort((a, b) => a.at - b.at);
				const timer = timers.shift()!;
				now = Math.max(now, timer.at >= stall.from && timer.at < stall.to ? stall.to : timer.at);
				timer.resolve();
			}
		}
		return { clock, run, now: () => now };
	}

	it('does not release the sends held up by a stall in a burst: each slot is computed on its turn', async () => {
		const sim = stallingClock({ from: 50, to: 150 });
		const limiter = createRateLimiter(100, sim.clock);
		const sends: number[] = [];
		const all = Promise.all(
			Array.from({ length: 30 }, async () => {
				await limiter.take();
				sends.push(sim.now());
			}),
		);
		await sim.run();
		await all;
		expect(sends).toHaveLength(30);
		const sorted = [...sends].sort((a, b) => a - b);
		for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(10 - 1e-6);
	});

	it('counts a late send at the time it left, so making up lateness never puts more than perSecond into one second', async () => {
		let now = 0;
		let timers = 0;
		// every 7th timer fires 15 ms late (a busy event loop), the others on time
		const clock: Clock = { now: () => now, pause: async (ms) => void (now += ms + (++timers % 7 === 0 ? 15 : 0)) };
		const limiter = createRateLimiter(290, clock);
		const sent: number[] = [];
		for (let i = 0; i < 1500; i++) sent.push((await limiter.take(), now));
		for (let i = 290; i < sent.length; i++) expect(sent[i] - sent[i - 290]).toBeGreaterThanOrEqual(1000 - 1e-6);
		// near the cap: 5,255 ms for what takes 5,169 at exactly 290/s (counted at their slots, the sends took
		// 5,169 ms, but 290 of them fell within less than a second of when they left)
		expect(sent.at(-1)!).toBeLessThan((1500 / 290) * 1000 * 1.02);
	});

	it('makes up small timer lateness, so the rate stays at the cap', async () => {
		let now = 0;
		const clock: Clock = { now: () => now, pause: async (ms) => void (now += ms + 0.8) }; // every timer 0.8 ms late
		const limiter = createRateLimiter(290, clock);
		for (let i = 0; i < 290; i++) await limiter.take();
		expect(now).toBeLessThan(1000 + 5);
	});
});
