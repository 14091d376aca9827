import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CustomFieldDefinition } from './contact/helpers/customFields';
import type { CallbellConnection } from '../transport/request';

/** What an execution resolves once and every item reuses. */
export interface ExecutionContext {
	/** The Base URL, retry settings, timeout and rate limiter every request of this execution uses. */
	api: CallbellConnection;
	/** The account's custom field definitions, loaded on first use and shared by every item. */
	fieldDefinitions?: Promise<Record<string, CustomFieldDefinition>>;
}

/** An item's result that carries files: its JSON and n8n's binary data (Message → Download Media). */
export class ResultWithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/**
 * One item's work. Returns the item's result, or a list for operations that return many
 * records (Get Many); every one is paired with the input item.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
) => Promise<IDataObject | IDataObject[] | ResultWithBinary>;
