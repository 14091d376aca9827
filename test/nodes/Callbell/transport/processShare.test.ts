import { joinProcessShare, processSharesInUse } from '../../../../nodes/Callbell/transport/processShare';

describe('joinProcessShare (executions of one process pacing together)', () => {
	const url = 'https://api.callbell.eu/v1';

	it('executions running at the same time with the same credential, Base URL and cap get one share and one limiter', () => {
		const first = joinProcessShare('cred-1', url, 290);
		const second = joinProcessShare('cred-1', url, 290);
		expect(second.share).toBe(first.share);
		expect(second.limiter).toBe(first.limiter);
		// a 429 one of them met lowers the rate for both: the newcomer starts from what was learned
		for (let i = 0; i < 300; i++) first.share.recordAnswer(i * 3, 50, false);
		first.share.recordAnswer(1000, 50, true);
		expect(second.share.rate(1000)).toBeCloseTo(261, 6);
		first.leave();
		second.leave();
		expect(processSharesInUse()).toBe(0);
	});

	it('another credential, Base URL or Max Requests Per Second paces on its own', () => {
		const base = joinProcessShare('cred-1', url, 290);
		const others = [joinProcessShare('cred-2', url, 290), joinProcessShare('cred-1', 'http://127.0.0.1:4000/v1', 290), joinProcessShare('cred-1', url, 100)];
		for (const other of others) {
			expect(other.share).not.toBe(base.share);
			expect(other.limiter).not.toBe(base.limiter);
		}
		expect(others[2].share.rate(0)).toBe(100);
		expect(processSharesInUse()).toBe(4);
		for (const joined of [base, ...others]) joined.leave();
		expect(processSharesInUse()).toBe(0);
	});

	it('is forgotten when the last execution leaves: the next one starts fresh at the cap', () => {
		const first = joinProcessShare('cred-1', url, 290);
		const second = joinProcessShare('cred-1', url, 290);
		first.share.recordAnswer(50, 50, true); // cut
		expect(first.share.rate(50)).toBeLessThan(290);
		first.leave();
		first.leave(); // leaving twice counts once
		const third = joinProcessShare('cred-1', url, 290);
		expect(third.share).toBe(second.share); // the second still runs
		second.leave();
		third.leave();
		expect(processSharesInUse()).toBe(0);
		const fresh = joinProcessShare('cred-1', url, 290);
		expect(fresh.share).not.toBe(first.share);
		expect(fresh.share.rate(60)).toBe(290);
		fresh.leave();
	});
});
