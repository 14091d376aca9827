import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunOptions, RunResult } from './engine';
import { runCallbellNode } from './engine';
import type { Sandbox } from './sandbox';
import { SEED } from './sandbox';

/** How the Contact parameter is given: From List (a uuid), By ID, By Phone, By BSUID. */
export type LocatorMode = 'list' | 'id' | 'phone' | 'bsuid';

export function contactRef(value: string, mode: LocatorMode = 'id'): IDataObject {
	return { __rl: true, mode, value };
}

/** Parameters of a Contact operation; `contact` is a uuid (By ID) or a locator from contactRef. */
export function contactOperation(operation: string, contact?: string | IDataObject, extra: IDataObject = {}): INodeParameters {
	const parameters: IDataObject = { resource: 'contact', operation, ...extra };
	if (contact !== undefined) parameters.contact = typeof contact === 'string' ? contactRef(contact) : contact;
	return parameters as INodeParameters;
}

export interface RunExtra {
	continueOnFail?: boolean;
	apiToken?: string;
	/** Another Base URL than the sandbox's, e.g. a stub server. */
	baseUrl?: string;
	/** n8n's node settings Retry On Fail, Max Tries and Wait Between Tries. */
	retry?: RunOptions['retry'];
}

/** Runs the node through n8n's engine against the test file's sandbox (or `extra.baseUrl`). */
export function sandboxRunner(sandbox: { get: () => Sandbox }) {
	return async (parameters: INodeParameters, items: IDataObject[] = [{}], extra: RunExtra = {}): Promise<RunResult> =>
		await runCallbellNode({
			parameters,
			items,
			continueOnFail: extra.continueOnFail,
			retry: extra.retry,
			credentials: { apiToken: extra.apiToken ?? SEED.token, baseUrl: extra.baseUrl ?? sandbox.get().url },
		});
}

/** The output items' JSON and pairing, for compact assertions. */
export function pairs(result: RunResult): Array<[IDataObject, number | undefined]> {
	return (result.output ?? []).map((item) => {
		const paired = item.pairedItem as { item: number } | undefined;
		return [item.json, paired?.item];
	});
}
