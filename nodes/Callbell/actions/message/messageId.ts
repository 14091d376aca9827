import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { describeValue, isEmptyValue } from '../../helpers/values';

/** Callbell message uuids are 32 hex characters; Delete also takes the provider's message ID (e.g. wamid.…). */
const MESSAGE_ID = /^[A-Za-z0-9._:=-]{1,200}$/;

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. adf3d1216d4c4dcd908199d6700f2381',
	description: 'The uuid Callbell gave the message (32 hex characters, e.g. adf3d1216d4c4dcd908199d6700f2381): the uuid field of Message → Send’s output',
};

export function toMessageId(value: unknown): string {
	if (isEmptyValue(value)) throw new InputError('Message ID', 'is required');
	if (typeof value !== 'string') throw new InputError('Message ID', `must be text, got ${describeValue(value)}`);
	const text = value.trim();
	if (!MESSAGE_ID.test(text)) {
		throw new InputError('Message ID', `${describeValue(text)} is not a message ID`, 'Use the uuid from Message → Send, e.g. adf3d1216d4c4dcd908199d6700f2381');
	}
	return text;
}

export function messageIdOf(this: IExecuteFunctions, itemIndex: number): string {
	return toMessageId(this.getNodeParameter('messageId', itemIndex, ''));
}

/** The request path for one message; the id is encoded so it can never leave `/messages/`. */
export function messagePath(prefix: string, uuid: string): string {
	return `${prefix}/${encodeURIComponent(uuid)}`;
}
