import { sandboxRunner } from '../../../../harness/contact';
import { useSandbox } from '../../../../harness/sandbox';
import { caseRows, expectNamedMessage, parametersOf, requestLog, requestsOf } from './badInput/checks';

/**
 * The bad-input corpus without Continue On Fail: the run stops at the bad item (item 1) and
 * names it; the sandbox received only what item 0 alone makes. Items run one at a time here
 * (Concurrency 1), so that "stops at item 1" has one meaning.
 */

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Bad input without Continue On Fail: the run stops at the bad item', () => {
	it.each(caseRows)('%s', async (_title, badCase) => {
		const parameters = parametersOf(badCase, { concurrency: 1 });
		const result = await run(parameters, [badCase.valid[0], badCase.bad, badCase.valid[1]]);
		const sent = requestLog(sandbox.get());

		expect(result.output).toBeUndefined();
		expect(result.error?.name).toBe('NodeOperationError');
		expectNamedMessage(result.error?.message, badCase);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(sent).toEqual(await requestsOf(sandbox, parameters, [badCase.valid[0]]));
	});
});
