import { sleep } from 'n8n-workflow';

import { runInOrder } from '../../../../nodes/Callbell/helpers/inOrder';

async function later<T>(ms: number, value: T): Promise<T> {
	await sleep(ms);
	return value;
}

describe('runInOrder', () => {
	it('returns each outcome at its index whatever finishes first', async () => {
		const delays = [30, 1, 20, 5, 0, 15];
		const outcomes = await runInOrder(delays.length, 3, async (index) => await later(delays[index], index * 10));
		expect(outcomes).toEqual(delays.map((_, index) => ({ ok: true, value: index * 10 })));
	});

	it('keeps at most `limit` in flight and starts them in index order', async () => {
		let inFlight = 0;
		let most = 0;
		const started: number[] = [];
		await runInOrder(20, 4, async (index) => {
			started.push(index);
			most = Math.max(most, ++inFlight);
			await later(index % 3, null);
			inFlight--;
		});
		expect(most).toBe(4);
		expect(started).toEqual([...Array(20).keys()]);
	});

	it('runs strictly one after another with limit 1', async () => {
		const events: string[] = [];
		await runInOrder(3, 1, async (index) => {
			events.push(`start ${index}`);
			await later(3 - index, null);
			events.push(`end ${index}`);
		});
		expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
	});

	it('records failures in place and goes on by default', async () => {
		const outcomes = await runInOrder(4, 2, async (index) => {
			if (index % 2 === 1) throw new Error(`bad ${index}`);
			return index;
		});
		expect(outcomes.map((outcome) => (outcome?.ok ? outcome.value : (outcome?.error as Error).message))).toEqual([0, 'bad 1', 2, 'bad 3']);
	});

	it('with stopOnError, starts nothing after a failure but lets the ones in flight finish', async () => {
		const outcomes = await runInOrder(10, 3, async (index) => {
			if (index === 1) throw new Error('bad');
			await later(5, null);
			return index;
		}, { stopOnError: true });
		expect(outcomes.slice(0, 3).map((outcome) => outcome?.ok)).toEqual([true, false, true]);
		expect(outcomes.slice(4)).toEqual(Array(6).fill(undefined));
		const started = outcomes.filter((outcome) => outcome !== undefined).length;
		expect(started).toBeLessThanOrEqual(4);
	});

	it('starts nothing more once stopped() says so', async () => {
		let calls = 0;
		const outcomes = await runInOrder(10, 2, async () => ++calls, { stopped: () => calls >= 3 });
		expect(outcomes.filter(Boolean)).toHaveLength(3);
	});

	it('handles no work and limits above the count', async () => {
		expect(await runInOrder(0, 5, async () => 1)).toEqual([]);
		expect(await runInOrder(2, 50, async (index) => index)).toEqual([{ ok: true, value: 0 }, { ok: true, value: 1 }]);
	});
});

describe('runInOrder with a changing limit (Concurrency Auto)', () => {
	it('starts more work as soon as the limit rises, without waiting for an answer', async () => {
		let limit = 2;
		let inFlight = 0;
		let most = 0;
		const release: Array<() => void> = [];
		const run = runInOrder(
			12,
			() => limit,
			async () => {
				most = Math.max(most, ++inFlight);
				await new Promise<void>((resolve) => release.push(resolve));
				inFlight--;
			},
			{ recheckMs: 2 },
		);
		await later(10, null);
		expect(inFlight).toBe(2);
		limit = 6;
		await later(10, null);
		expect(inFlight).toBe(6); // nothing finished, yet four more started
		limit = 1;
		while (release.length) release.shift()!();
		await later(10, null);
		expect(inFlight).toBe(1); // a falling limit lets the ones in flight finish and starts fewer
		let drained = false;
		void (async () => {
			while (!drained) {
				release.shift()?.();
				await later(1, null);
			}
		})();
		await run;
		drained = true;
		expect(most).toBe(6);
	});
});
