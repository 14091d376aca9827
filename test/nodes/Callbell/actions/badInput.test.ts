import { sandboxRunner } from '../../../harness/contact';
import { useSandbox } from '../../../harness/sandbox';
import { expectNamedMessage, parametersOf, requestLog, requestsOf, rowsOf } from './badInput/checks';
import type { BadInputCase } from './badInput/corpus';
import { channelCases } from './badInput/channel';
import { contactCases } from './badInput/contact';
import { contactUpdateCases } from './badInput/contactUpdate';
import { customStatusCases } from './badInput/customStatus';
import { funnelCases } from './badInput/funnel';
import { sendCases } from './badInput/message';
import { teamCases } from './badInput/team';
import { templateCases } from './badInput/template';
import { userCases } from './badInput/user';
import { webhookCases } from './badInput/webhook';

/**
 * The bad-input table, one case file per resource (badInput/<resource>.ts): each case runs one
 * operation over three items, the bad one in the middle, and runs twice.
 *
 * With Continue On Fail, the bad item fails alone, with a message naming the field and the item,
 * and the sandbox receives exactly what the two valid items alone make: nothing at all for the bad
 * one (the account's templates and channels are read once per execution, for every item alike).
 *
 * Without Continue On Fail, the run stops at the bad item (item 1) and names it; the sandbox
 * received only what item 0 alone makes. Items run one at a time there (Concurrency 1), so that
 * "stops at item 1" has one meaning.
 */

/** Contact and the account resources: Team, Custom Status, User, Webhook, Funnel. */
const contactAndAccountCases: BadInputCase[] = [...contactUpdateCases, ...contactCases, ...teamCases, ...customStatusCases, ...userCases, ...webhookCases, ...funnelCases];
/** Message → Send, Template and Channel. */
const messageCases: BadInputCase[] = [...sendCases, ...templateCases, ...channelCases];
const badInputCases: BadInputCase[] = [...contactAndAccountCases, ...messageCases];
const rows = rowsOf(badInputCases);

const titles = (cases: BadInputCase[]) => new Set(cases.map((badCase) => badCase.title));

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

describe('Bad input with Continue On Fail: refused per item, named, never sent', () => {
	it('holds at least 60 distinct Contact and account cases', () => {
		expect(titles(contactAndAccountCases).size).toBe(contactAndAccountCases.length);
		expect(contactAndAccountCases.length).toBeGreaterThanOrEqual(60);
	});

	it('holds at least 60 distinct Send cases, and no title twice in the whole table', () => {
		expect(titles(badInputCases).size).toBe(badInputCases.length);
		expect(sendCases.length).toBeGreaterThanOrEqual(60);
	});

	it.each(rows)('%s', async (_title, badCase) => {
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

describe('Bad input without Continue On Fail: the run stops at the bad item', () => {
	it.each(rows)('%s', async (_title, badCase) => {
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
