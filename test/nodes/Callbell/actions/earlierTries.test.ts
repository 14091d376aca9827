import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { earlierTriesOf, triesOf } from '../../../../nodes/Callbell/actions/earlierTries';

const node = (settings: Partial<INode> = {}): INode => ({
	id: '1', name: 'Callbell', type: 'n8n-nodes-callbell.callbell', typeVersion: 1, position: [0, 0], parameters: {}, ...settings,
});
/** What the router sees of n8n: the node, and the input n8n hands every try of one node run (`run`: the first item's data). */
const functionsFor = (settings: Partial<INode>, run: object, name = 'Callbell') =>
	({ getNode: () => node({ name, ...settings }), getInputData: () => [{ json: run }, { json: {} }] }) as unknown as IExecuteFunctions;
const retry = { retryOnFail: true, maxTries: 3 };

describe('triesOf: n8n’s own bounds for Retry On Fail', () => {
	it.each([
		[{}, 1],
		[{ retryOnFail: false, maxTries: 4 }, 1],
		[{ retryOnFail: true }, 3],
		[{ retryOnFail: true, maxTries: 1 }, 2],
		[{ retryOnFail: true, maxTries: 4 }, 4],
		[{ retryOnFail: true, maxTries: 9 }, 5],
	])('%p → %i', (settings, tries) => expect(triesOf(node(settings))).toBe(tries));
});

describe('earlierTriesOf: what one try leaves for the next', () => {
	const sent = { ok: true as const, value: { uuid: 'a' } };
	const lost = { ok: false as const, error: new Error('may have been sent') };
	const refused = { ok: false as const, error: new Error('429') };

	it('nothing without Retry On Fail', () => {
		expect(earlierTriesOf(functionsFor({}, {}))).toBeUndefined();
	});

	it('keeps successes and items whose POST may have taken effect; an item refused before any effect runs again', () => {
		const run = {};
		earlierTriesOf(functionsFor(retry, run))!.settle([sent, lost, refused, undefined], new Set([1]), true);
		const second = earlierTriesOf(functionsFor(retry, run))!;
		expect([0, 1, 2, 3].map((item) => second.kept(item))).toEqual([sent, lost, undefined, undefined]);
	});

	it('is released when a try succeeds, so a later run of the same data starts empty', () => {
		const run = {};
		earlierTriesOf(functionsFor(retry, run))!.settle([sent], new Set(), true);
		earlierTriesOf(functionsFor(retry, run))!.settle([sent], new Set(), false);
		expect(earlierTriesOf(functionsFor(retry, run))!.kept(0)).toBeUndefined();
	});

	it('is released after n8n’s last try, and one node run never sees another’s', () => {
		const run = {};
		for (let tryNumber = 1; tryNumber <= 3; tryNumber++) earlierTriesOf(functionsFor(retry, run))!.settle([sent], new Set(), true);
		expect(earlierTriesOf(functionsFor(retry, run))!.kept(0)).toBeUndefined();
		earlierTriesOf(functionsFor(retry, run))!.settle([sent], new Set(), true);
		expect(earlierTriesOf(functionsFor(retry, {}))!.kept(0)).toBeUndefined();
		expect(earlierTriesOf(functionsFor(retry, run, 'Another Callbell node fed the same items'))!.kept(0)).toBeUndefined();
		expect(earlierTriesOf(functionsFor(retry, run))!.kept(0)).toEqual(sent);
	});

	it('keeps what earlier tries kept, across several tries', () => {
		const run = {};
		earlierTriesOf(functionsFor({ retryOnFail: true, maxTries: 4 }, run))!.settle([lost, refused], new Set([0]), true);
		const second = earlierTriesOf(functionsFor({ retryOnFail: true, maxTries: 4 }, run))!;
		second.settle([lost, sent], new Set(), true);
		const third = earlierTriesOf(functionsFor({ retryOnFail: true, maxTries: 4 }, run))!;
		expect([third.kept(0), third.kept(1)]).toEqual([lost, sent]);
	});
});
