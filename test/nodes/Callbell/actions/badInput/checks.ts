import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sandboxRunner } from '../../../../harness/contact';
import type { Sandbox } from '../../../../harness/sandbox';
import type { BadInputCase } from './corpus';

/** `[title, case]` rows for it.each. */
export const rowsOf = (cases: BadInputCase[]) => cases.map((badCase) => [badCase.title, badCase] as const);

export const ITEM_1 = ' [item 1]';

/** The node's parameters for a case; `options` are merged into the operation's Options collection. */
export function parametersOf(badCase: BadInputCase, options: IDataObject = {}): INodeParameters {
	const own = (badCase.parameters.options ?? {}) as IDataObject;
	return { resource: badCase.resource ?? 'contact', operation: badCase.operation, ...badCase.parameters, options: { ...own, ...options } } as INodeParameters;
}

/**
 * What the sandbox received, as comparable records in a stable order: items may run
 * concurrently, so the order between items is not part of the comparison.
 */
export function requestLog(sandbox: Sandbox): string[] {
	return sandbox.requests.map(({ method, rawPath, query, body }) => JSON.stringify({ method, rawPath, query, body })).sort();
}

/** Runs the case's items on a fresh sandbox; they must all succeed. Returns the requests they made. */
export async function requestsOf(sandbox: { get: () => Sandbox }, parameters: INodeParameters, items: IDataObject[]): Promise<string[]> {
	sandbox.get().reset();
	const result = await sandboxRunner(sandbox)(parameters, items, { continueOnFail: true });
	expect(result.output?.map((item) => item.json.error ?? 'ok')).toEqual(items.map(() => 'ok'));
	return requestLog(sandbox.get());
}

/** The message names the field and item 1, and says what the case expects. */
export function expectNamedMessage(message: unknown, badCase: BadInputCase): void {
	expect(typeof message).toBe('string');
	const text = message as string;
	expect(text.endsWith(ITEM_1)).toBe(true);
	expect(text).toContain(badCase.field);
	expect(text.slice(0, -ITEM_1.length)).toMatch(badCase.message);
}
