import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapContact } from './helpers/contactUpdate';

/** The contact of a Callbell answer (object or one-element array), or a clear error. */
export function contactFromResponse(
	this: IExecuteFunctions,
	response: unknown,
	itemIndex: number,
	hint: string,
): IDataObject {
	const contact = unwrapContact(response);
	if (!contact) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a contact [item ${itemIndex}]`, {
			itemIndex,
			description: `${hint} The answer had no "contact" object.`,
		});
	}
	return contact as IDataObject;
}

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
