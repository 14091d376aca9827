import { sandboxRunner } from '../../../../harness/contact';
import { useSandbox } from '../../../../harness/sandbox';
import { badInputCases, caseRows, expectNamedMessage, parametersOf, requestLog, requestsOf } from './badInput/checks';

/**
 * The bad-input corpus (badInput/*Cases.ts), with Continue On Fail: each bad item sits between
 * two valid ones. It fails alone, with a message naming the field and the item, and the
 * sandbox receives exactly what the two valid items alone make: nothing at all for the bad one.
 */

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Bad input with Continue On Fail: refused per item, named, never sent', () => {
	it('holds at least 60 distinct cases', () => {
		expect(new Set(badInputCases.map((badCase) => badCase.title)).size).toBe(badInputCases.length);
		expect(badInputCases.length).toBeGreaterThanOrEqual(60);
	});

	it.each(caseRows)('%s', async (_title, badCase) => {
		const parameters = parametersOf(badCase);
		const result = await run(parameters, [badCase.valid[0], badCase.bad, badCase.valid[1]], { continueOnFail: true });
		const sent = requestLog(sandbox.get());

		expect(result.error).toBeUndefined();
		const output = result.output ?? [];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first, failed, last] = output.map((item) => item.json);
		expect(first.error).toBeUndefined();
		expect(last.error).toBeUndefined();
		// A validation error: no HTTP status, as no request was made for it.
		expect(Object.keys(failed).filter((key) => key !== 'description')).toEqual(['error']);
		expectNamedMessage(failed.error, badCase);

		expect(sent.length).toBeGreaterThan(0);
		expect(sent).toEqual(await requestsOf(sandbox, parameters, badCase.valid));
	});
});
