import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** What an execution resolves once and every item reuses. */
export interface ExecutionContext {
	baseUrl: string;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
) => Promise<IDataObject>;
