import { sleep } from 'n8n-workflow';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface InOrderOptions {
	/** After a failure, start no further index (the ones in flight still finish). */
	stopOnError?: boolean;
	/** Checked before each index starts; true starts no further index. */
	stopped?: () => boolean;
	/**
	 * With a changing limit: how often (ms) it is read again while nothing finishes, so that
	 * a rising limit starts more work without waiting for an answer.
	 */
	recheckMs?: number;
}

/**
 * Runs `work(0)` … `work(count - 1)` with at most `limit` in flight, starting them in index order,
 * and returns each outcome at its index, whatever finished first. `limit` is a number or a function
 * read whenever work could start (Concurrency Auto). An index that was never started (after a stop)
 * is `undefined`; every index before a started one was started too.
 */
export async function runInOrder<T>(
	count: number,
	limit: number | (() => number),
	work: (index: number) => Promise<T>,
	{ stopOnError = false, stopped = () => false, recheckMs = 10 }: InOrderOptions = {},
): Promise<Array<Settled<T> | undefined>> {
	const outcomes = new Array<Settled<T> | undefined>(count);
	const currentLimit = typeof limit === 'number' ? () => limit : limit;
	let next = 0;
	let active = 0;
	let failed = false;
	const halted = () => next >= count || (stopOnError && failed) || stopped();

	return await new Promise((resolve) => {
		let finished = false;
		const pump = (): void => {
			while (!halted() && active < Math.max(1, Math.floor(currentLimit()))) {
				const index = next++;
				active++;
				let started: Promise<T>;
				try {
					started = work(index);
				} catch (error) {
					started = Promise.reject(error);
				}
				started
					.then(
						(value) => {
							outcomes[index] = { ok: true, value };
						},
						(error: unknown) => {
							outcomes[index] = { ok: false, error };
							failed = true;
						},
					)
					.finally(() => {
						active--;
						pump();
					});
			}
			if (!finished && active === 0 && halted()) {
				finished = true;
				resolve(outcomes);
			}
		};
		const recheck = async (): Promise<void> => {
			while (!finished) {
				await sleep(recheckMs);
				pump();
			}
		};
		pump();
		if (typeof limit !== 'number') void recheck();
	});
}
