import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';


/** The `bot` object of a Callbell answer with the contact's uuid added, or a clear error. */
export function botFromResponse(
	this: IExecuteFunctions,
	response: unknown,
	contactUuid: string,
	itemIndex: number,
): IDataObject {
	const bot = (response as { bot?: unknown } | undefined)?.bot;
	if (typeof bot !== 'object' || bot === null || Array.isArray(bot)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a bot [item ${itemIndex}]`, {
			itemIndex,
			description: 'The answer had no "bot" object.',
		});
	}
	return { ...(bot as IDataObject), contactUuid };
}
