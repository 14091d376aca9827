import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** What an execution resolves once and every item reuses. */
export interface ExecutionContext {
	baseUrl: string;
}

/**
 * One item's work. Returns the item's result, or a list for operations that return many
 * records (Get Many); every one is paired with the input item.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
) => Promise<IDataObject | IDataObject[]>;
