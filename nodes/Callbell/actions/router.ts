import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError } from '../helpers/InputError';
import { isNodeApiError } from '../transport/errors';
import { getBaseUrl } from '../transport/request';
import * as contact from './contact/Contact.resource';
import type { OperationExecute } from './types';

const resources: Record<string, Record<string, OperationExecute>> = {
	contact: contact.operations,
};

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

/** Runs the chosen operation once per input item; one output item per input item, in order. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = resources[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const context = { baseUrl: await getBaseUrl.call(this) };
	const results: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(this, itemIndex, context);
			for (const json of Array.isArray(result) ? result : [result]) {
				results.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (caught) {
			const error = toNodeError.call(this, caught, itemIndex);
			if (!this.continueOnFail()) throw error;
			results.push({ json: errorItem(error), pairedItem: { item: itemIndex } });
		}
	}
	return [results];
}
