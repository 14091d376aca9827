import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from './types';

/** What an operation file (`<operation>.operation.ts`) exports. */
export interface OperationFile {
	/** The operation's fields, shown only for its resource and operation. */
	description: INodeProperties[];
	execute: OperationExecute;
}

/** What a resource folder's `<Name>.resource.ts` exports. */
export interface CallbellResource {
	/** Its entry in the node's Resource list. */
	resource: INodePropertyOptions;
	/** Its operations' execute functions, by operation value. */
	operations: Record<string, OperationExecute>;
	/** Its Operation list and every operation's fields. */
	description: INodeProperties[];
}

/**
 * A resource from its entry in the Resource list, its Operation field and its operation files by
 * operation value. The Operation field stays an object literal in the resource's file, where
 * n8n-node lint checks every option's name, description and action. Throws at load time when an
 * option has no file or a file no option, so that no operation can be listed but not run.
 */
export function defineResource(
	resource: INodePropertyOptions,
	operationField: INodeProperties,
	files: Record<string, OperationFile>,
): CallbellResource {
	const listed = (operationField.options ?? []).map((option) => String((option as INodePropertyOptions).value)).sort();
	const given = Object.keys(files).sort();
	if (listed.join() !== given.join()) {
		throw new Error(`Resource ${resource.name}: the Operation list (${listed.join(', ')}) and the operation files (${given.join(', ')}) differ`);
	}
	return {
		resource,
		operations: Object.fromEntries(Object.entries(files).map(([value, file]) => [value, file.execute])),
		description: [operationField, ...Object.values(files).flatMap((file) => file.description)],
	};
}
