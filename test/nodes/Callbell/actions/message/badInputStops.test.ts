import { sandboxRunner } from '../../../../harness/contact';
import { useSandbox } from '../../../../harness/sandbox';
import { expectNamedMessage, parametersOf, requestLog, requestsOf } from '../contact/badInput/checks';
import { messageCaseRows } from './badInput/checks';

/**
 * The Message bad-input corpus without Continue On Fail: the run stops at the bad item (item 1)
 * and names it; the sandbox received only what item 0 alone makes (Concurrency 1).
 */

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Message bad input without Continue On Fail: the run stops at the bad item', () => {
	it.each(messageCaseRows)('%s', async (_title, badCase) => {
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
