import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** `response[key]` when it is an object, else a clear error (`hint` says what may have happened). */
export function objectFrom(this: IExecuteFunctions, response: unknown, key: string, itemIndex: number, hint = ''): IDataObject {
	const value = (response as Record<string, unknown> | undefined)?.[key];
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as IDataObject;
	throw new NodeOperationError(this.getNode(), `Callbell answered without a "${key}" object [item ${itemIndex}]`, {
		itemIndex,
		description: `${hint} The answer had no "${key}" object.`.trim(),
	});
}
