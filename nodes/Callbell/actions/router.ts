import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runInOrder } from '../helpers/inOrder';
import { InputError } from '../helpers/InputError';
import type { RunSettings } from '../transport/runSettings';
import { AUTO_CONCURRENCY, CALLBELL_RATE_LIMIT, MAX_CONCURRENCY, toRunSettings } from '../transport/runSettings';
import type { ConcurrencyController } from '../transport/concurrencyController';
import { createConcurrencyController } from '../transport/concurrencyController';
import { isNodeApiError } from '../transport/errors';
import type { CallbellConnection } from '../transport/request';
import { getConnection } from '../transport/request';
import { earlierTriesOf } from './earlierTries';
import { resources } from './resources';
import type { ExecutionContext, OperationExecute } from './types';
import { ResultWithBinary } from './types';

type ItemResult = Awaited<ReturnType<OperationExecute>>;

const operationsByResource: Record<string, Record<string, OperationExecute>> = Object.fromEntries(
	resources.map((entry) => [entry.resource.value, entry.operations]),
);

/** n8n's NodeOperationError, by class or by name (another copy of n8n-workflow may have thrown it). */
function isNodeOperationError(error: unknown): error is NodeOperationError {
	return (
		error instanceof NodeOperationError ||
		(error instanceof Error && error.name === 'NodeOperationError' && 'context' in error)
	);
}

/** The error a failed item reports: InputErrors name the field and the item. */
function toNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (isNodeApiError(error) || isNodeOperationError(error)) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof InputError) {
		return new NodeOperationError(this.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (isNodeApiError(error) && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/** The node's Options, checked once per execution (from the first item). */
function runSettings(this: IExecuteFunctions): RunSettings {
	const options = this.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	try {
		return toRunSettings(options);
	} catch (error) {
		const problem = error instanceof InputError ? error.message : String(error);
		throw new NodeOperationError(this.getNode(), `Options → ${problem}`);
	}
}

/**
 * Runs the chosen operation once per input item, up to Concurrency items at once (Auto: as many as
 * the rate cap and the observed response time need), paced under Max Requests Per Second; one
 * output item per input item (several for list operations), in input order. Without Continue On
 * Fail, a failure starts no further item; those in flight still finish.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operationsByResource[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	if (items.length === 0) return [[]];

	const continueOnFail = this.continueOnFail();
	let settings: RunSettings;
	let context: ExecutionContext;
	let auto: ConcurrencyController | undefined;
	let api: CallbellConnection | undefined;
	try {
		settings = runSettings.call(this);
		api = await getConnection.call(this, {
			retry: { maxRetries: settings.maxRetries },
			timeoutMs: settings.timeoutMs,
			maxRequestsPerSecond: settings.maxRequestsPerSecond,
		});
		if (settings.concurrency === AUTO_CONCURRENCY) {
			// Without a cap, Auto aims at Callbell's own limit: more would only bring 429s. With one, it
			// follows the execution's share of the account (lower while 429s say others use it).
			const share = api.share;
			auto = createConcurrencyController({
				ratePerSecond: settings.maxRequestsPerSecond || CALLBELL_RATE_LIMIT,
				rateAt: share ? (now) => share.rate(now) : undefined,
				max: MAX_CONCURRENCY,
			});
			api.concurrency = auto;
		}
		context = { api };
	} catch (caught) {
		api?.leave?.();
		// Bad Options or a refused Base URL concern every item: with Continue On Fail each gets the error.
		const error = toNodeError.call(this, caught, 0);
		if (!continueOnFail) throw error;
		return [items.map((_, itemIndex) => ({ json: errorItem(error), pairedItem: { item: itemIndex } }))];
	}
	// Feature detection: n8n versions without execution cancel signals just run every item.
	const signal = typeof this.getExecutionCancelSignal === 'function' ? this.getExecutionCancelSignal() : undefined;
	const limit = auto ? () => auto.limit(Date.now()) : settings.concurrency;
	const earlier = earlierTriesOf<ItemResult>(this);
	const itemsWithEffect = new Set<number>();
	context.api.itemsWithEffect = itemsWithEffect;
	let outcomes: Awaited<ReturnType<typeof runInOrder<ItemResult>>>;
	try {
		outcomes = await runInOrder(
			items.length,
			limit,
			async (itemIndex) => {
				const kept = earlier?.kept(itemIndex);
				if (kept && !kept.ok) throw kept.error;
				return kept ? kept.value : await execute.call(this, itemIndex, context);
			},
			{ stopOnError: !continueOnFail, stopped: () => signal?.aborted === true },
		);
	} finally {
		context.api.leave?.();
	}

	const results: INodeExecutionData[] = [];
	let firstError: NodeApiError | NodeOperationError | undefined;
	for (let itemIndex = 0; itemIndex < outcomes.length && !firstError; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (!outcome) break;
		if (outcome.ok) {
			const result = outcome.value;
			if (result instanceof ResultWithBinary) {
				results.push({ json: result.json, binary: result.binary, pairedItem: { item: itemIndex } });
				continue;
			}
			for (const json of Array.isArray(result) ? result : [result]) {
				results.push({ json, pairedItem: { item: itemIndex } });
			}
			continue;
		}
		const error = toNodeError.call(this, outcome.error, itemIndex);
		if (continueOnFail) results.push({ json: errorItem(error), pairedItem: { item: itemIndex } });
		else firstError = error;
	}
	// n8n runs the node again (Retry On Fail) after a throw, or when the first output item is an error.
	earlier?.settle(outcomes, itemsWithEffect, firstError !== undefined || Boolean(results[0]?.json.error));
	if (firstError) throw firstError;
	return [results];
}
