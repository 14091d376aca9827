import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { MessageInput, SendExtrasInput } from './helpers/messageSend';
import { buildSendBody, buildSendExtras, checkMessage } from './helpers/messageSend';
import { buildTemplateSend } from '../../helpers/templates';
import type { ExecutionContext } from '../types';
import { postMessage } from './postMessage';
import { contactRecipient, localRecipient, recipientFields } from './recipient';
import { resolveSendChannel, sendChannelField } from './sendChannel';
import { contentFields, messageTypeField, neverTwiceNotice, sendAdditionalFields } from './sendFields';
import { readTemplate, readTemplateVariables, templateFields } from './sendTemplate';
import { optionsCollection } from '../common.descriptions';
import { readOptionalLocatorId } from '../parameters';

const properties: INodeProperties[] = [
	neverTwiceNotice,
	...recipientFields,
	sendChannelField,
	messageTypeField,
	...contentFields,
	...templateFields,
	sendAdditionalFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

function messageOf(this: IExecuteFunctions, response: unknown, itemIndex: number): IDataObject {
	const message = (response as { message?: unknown } | undefined)?.message;
	if (typeof message !== 'object' || message === null || Array.isArray(message)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a message [item ${itemIndex}]`, {
			itemIndex,
			description: 'The message was probably sent; check the contact’s messages before sending it again.',
		});
	}
	return message as IDataObject;
}

/**
 * `POST /messages/send`, once per item. Everything is checked before the request: the message,
 * the recipient, the channel and the template (read once per execution); the POST is never repeated
 * once Callbell may have received it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const draft = checkMessage({
		messageType: this.getNodeParameter('messageType', itemIndex),
		text: this.getNodeParameter('text', itemIndex, ''),
		mediaUrl: this.getNodeParameter('mediaUrl', itemIndex, ''),
		caption: this.getNodeParameter('caption', itemIndex, ''),
		templateVariables: readTemplateVariables.call(this, itemIndex),
		templateValues: this.getNodeParameter('templateValues', itemIndex, {}),
		optIn: this.getNodeParameter('optIn', itemIndex, false),
	} as MessageInput);
	const extras = buildSendExtras(this.getNodeParameter('additionalFields', itemIndex, {}) as SendExtrasInput);
	const { sendTo, recipient: given } = localRecipient.call(this, itemIndex);
	const chosenChannel = readOptionalLocatorId.call(this, 'channel', 'Channel', itemIndex);

	// The template and the chosen channel are looked up at the same time: on a far network each
	// first read costs a new connection's round trips, and every item waits for both.
	const [template] = await Promise.all([
		draft.kind === 'template' ? readTemplate.call(this, context, itemIndex) : undefined,
		chosenChannel ? resolveSendChannel.call(this, context, chosenChannel) : undefined,
	]);
	// Built, and so checked (approved, value count, media URL), before the contact lookup below.
	const templateSend = template && draft.kind === 'template' ? buildTemplateSend(template, draft.values, draft.mediaUrl) : undefined;

	const { recipient, channelUuid } = sendTo === 'contact' ? await contactRecipient.call(this, itemIndex, context) : { recipient: given!, channelUuid: undefined };
	const channel = await resolveSendChannel.call(this, context, chosenChannel, channelUuid);
	const body = buildSendBody(recipient, channel, draft, extras, templateSend);

	const response = await postMessage.call(this, context, body, itemIndex);
	return messageOf.call(this, response, itemIndex);
}
