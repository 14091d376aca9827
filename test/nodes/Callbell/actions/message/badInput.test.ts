import { sandboxRunner } from '../../../../harness/contact';
import { useSandbox } from '../../../../harness/sandbox';
import { expectNamedMessage, parametersOf, requestLog, requestsOf } from '../contact/badInput/checks';
import { messageBadInputCases, messageCaseRows } from './badInput/checks';
import { sendCases } from './badInput/sendCases';

/**
 * The Message bad-input corpus with Continue On Fail: each bad item sits between two valid ones,
 * fails alone with a message naming the field and the item, and the sandbox receives exactly what
 * the two valid items alone make: no message is sent for it (the account's templates and channels
 * are read once per execution, for every item alike).
 */

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Message bad input with Continue On Fail: refused per item, named, never sent', () => {
	it('holds at least 60 distinct Send cases', () => {
		expect(new Set(messageBadInputCases.map((badCase) => badCase.title)).size).toBe(messageBadInputCases.length);
		expect(sendCases.length).toBeGreaterThanOrEqual(60);
	});

	it.each(messageCaseRows)('%s', async (_title, badCase) => {
		const parameters = parametersOf(badCase);
		const result = await run(parameters, [badCase.valid[0], badCase.bad, badCase.valid[1]], { continueOnFail: true });
		const sent = requestLog(sandbox.get());

		expect(result.error).toBeUndefined();
		const output = result.output ?? [];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first, failed, last] = output.map((item) => item.json);
		expect(first.error).toBeUndefined();
		expect(last.error).toBeUndefined();
		expect(Object.keys(failed).filter((key) => key !== 'description')).toEqual(['error']);
		expectNamedMessage(failed.error, badCase);

		expect(sent.length).toBeGreaterThan(0);
		expect(sent).toEqual(await requestsOf(sandbox, parameters, badCase.valid));
	});
});
