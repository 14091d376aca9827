import type { ProcessShareKey } from '../../../../nodes/Callbell/transport/processShare';
import { joinProcessShare, processSharesInUse } from '../../../../nodes/Callbell/transport/processShare';

describe('joinProcessShare (executions of one workflow in one process pacing together)', () => {
	const key: ProcessShareKey = { credentialId: 'cred-1', baseUrl: 'https://api.callbell.eu/v1', workflowId: 'wf-1', ceiling: 290 };

	it('executions running at the same time with the same credential, Base URL, workflow and cap get one share and one limiter', () => {
		const first = joinProcessShare(key);
		const second = joinProcessShare({ ...key });
		expect(second.share).toBe(first.share);
		expect(second.limiter).toBe(first.limiter);
		// a 429 one of them met lowers the rate for both: the newcomer starts from what was learned
		for (let i = 0; i < 300; i++) first.share.recordAnswer(i * 3, 50, false);
		const before = second.share.rate(1000);
		first.share.recordAnswer(1000, 50, true);
		expect(second.share.rate(1000)).toBeCloseTo(before * 0.9, 6);
		first.leave();
		second.leave();
		expect(processSharesInUse()).toBe(0);
	});

	it('another credential, Base URL, workflow or Max Requests Per Second paces on its own', () => {
		const base = joinProcessShare(key);
		const others = [
			joinProcessShare({ ...key, credentialId: 'cred-2' }),
			joinProcessShare({ ...key, baseUrl: 'http://127.0.0.1:4000/v1' }),
			joinProcessShare({ ...key, workflowId: 'wf-2' }),
			joinProcessShare({ ...key, ceiling: 100 }),
		];
		for (const other of others) {
			expect(other.share).not.toBe(base.share);
			expect(other.limiter).not.toBe(base.limiter);
		}
		expect(others[3].share.rate(0)).toBe(35); // its own slow start: 35 % of its own cap
		expect(processSharesInUse()).toBe(5);
		for (const joined of [base, ...others]) joined.leave();
		expect(processSharesInUse()).toBe(0);
	});

	it('is forgotten when the last execution leaves: the next one starts fresh (slow start from its cap)', () => {
		const first = joinProcessShare(key);
		const second = joinProcessShare(key);
		first.share.recordAnswer(50, 50, true); // cut
		expect(first.share.rate(50)).toBeLessThan(290 * 0.35); // below where a fresh one starts
		first.leave();
		first.leave(); // leaving twice counts once
		const third = joinProcessShare(key);
		expect(third.share).toBe(second.share); // the second still runs
		second.leave();
		third.leave();
		expect(processSharesInUse()).toBe(0);
		const fresh = joinProcessShare(key);
		expect(fresh.share).not.toBe(first.share);
		expect(fresh.share.rate(60)).toBe(290 * 0.35);
		fresh.leave();
	});
});
