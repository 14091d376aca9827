export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface InOrderOptions {
	/** After a failure, start no further index (the ones in flight still finish). */
	stopOnError?: boolean;
	/** Checked before each index starts; true starts no further index. */
	stopped?: () => boolean;
}

/**
 * Runs `work(0)` … `work(count - 1)` with at most `limit` in flight, starting them in index order,
 * and returns each outcome at its index, whatever finished first. An index that was never started
 * (after a stop) is `undefined`; every index before a started one was started too.
 */
export async function runInOrder<T>(
	count: number,
	limit: number,
	work: (index: number) => Promise<T>,
	{ stopOnError = false, stopped = () => false }: InOrderOptions = {},
): Promise<Array<Settled<T> | undefined>> {
	const outcomes = new Array<Settled<T> | undefined>(count);
	let next = 0;
	let failed = false;
	const lane = async (): Promise<void> => {
		while (next < count && !(stopOnError && failed) && !stopped()) {
			const index = next++;
			try {
				outcomes[index] = { ok: true, value: await work(index) };
			} catch (error) {
				outcomes[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	const lanes = Math.max(1, Math.min(Math.floor(limit), count));
	await Promise.all(Array.from({ length: lanes }, lane));
	return outcomes;
}
