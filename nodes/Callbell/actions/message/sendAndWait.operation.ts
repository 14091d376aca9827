import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions, WAIT_INDEFINITELY } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { buildTemplateSend } from '../../helpers/templates';
import { toToggle } from '../../helpers/values';
import { optionsCollection } from '../common.descriptions';
import { readOptionalLocatorId } from '../parameters';
import type { ExecutionContext } from '../types';
import type { Recipient } from './helpers/messageSend';
import { buildSendBody } from './helpers/messageSend';
import type { AnswerLink, LimitWaitTime } from './helpers/sendAndWaitMessage';
import { answerLinks, templateValuesFor, textWithLinks, toResponseType, toSendAs, toWaitTill } from './helpers/sendAndWaitMessage';
import { postMessage, WINDOW_CLOSED } from './postMessage';
import { contactRecipient, localRecipient, recipientFields } from './recipient';
import { resolveSendChannel, sendChannelField } from './sendChannel';
import { findTemplate } from './sendTemplate';
import {
	approvalOptionsField,
	formFields,
	messageField,
	responseOptionsField,
	responseTypeField,
	sendAndWaitNotice,
	sendAsField,
	waitTemplateFields,
} from './sendAndWaitFields';
import { readResponseForm } from './sendAndWaitWebhook';

const properties: INodeProperties[] = [
	sendAndWaitNotice,
	...recipientFields,
	sendChannelField,
	messageField,
	sendAsField,
	...waitTemplateFields,
	responseTypeField,
	approvalOptionsField,
	...formFields,
	responseOptionsField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendAndWait'] } }, properties);

/** What n8n's execution context offers for signed links, depending on the n8n version. */
interface ResumeLinks {
	getSignedResumeUrl?: (query?: Record<string, string>) => string;
	setSignatureValidationRequired?: () => void;
}

/**
 * The links of the message. n8n 1.x and 2.x before 2.9 check a link's signature only after
 * `setSignatureValidationRequired()`; later versions always check it for a `sendAndWait` node.
 * Versions without signed links get the execution's resume URL and this node's id.
 */
function signedLinks(this: IExecuteFunctions, links: AnswerLink[]): Array<{ label: string; url: string }> {
	const context = this as unknown as ResumeLinks;
	if (typeof context.setSignatureValidationRequired === 'function') context.setSignatureValidationRequired();
	return links.map((link) => {
		if (typeof context.getSignedResumeUrl === 'function') return { label: link.label, url: context.getSignedResumeUrl(link.query) };
		const base = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0));
		return { label: link.label, url: `${base}/${this.getNode().id}?${new URLSearchParams(link.query).toString()}` };
	});
}

/**
 * Sends one message, for the first item, with the answer link(s), then puts the execution to wait:
 * n8n resumes it through the node's webhook (see sendAndWaitWebhook) or when the wait limit passes.
 * Every value, the form and the template are checked before anything is sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	// Like n8n's own Send and Wait: one message per execution, built from the first item.
	if (itemIndex > 0) return this.getInputData()[itemIndex].json;

	const message = this.getNodeParameter('message', 0, '') as string;
	if (typeof message !== 'string' || message.trim() === '') throw new InputError('Message', 'is required', 'Write the question the recipient answers.');
	const responseType = toResponseType(this.getNodeParameter('responseType', 0, 'approval'));
	const sendAs = toSendAs(this.getNodeParameter('sendAs', 0, 'auto'));
	const responseOptions = this.getNodeParameter('responseOptions', 0, {}) as IDataObject;
	const waitTill = toWaitTill((responseOptions.limitWaitTime as { values?: LimitWaitTime } | undefined)?.values, Date.now());
	// The form is built when the link is opened: check it now, so that no link leads to a broken page.
	if (responseType === 'customForm') readResponseForm.call(this);
	const answers = answerLinks(responseType, this.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject, responseOptions.messageButtonLabel);

	const { sendTo, recipient: given } = localRecipient.call(this, 0);
	const chosenChannel = readOptionalLocatorId.call(this, 'channel', 'Channel', 0);
	const templateId = sendAs === 'text' ? undefined : readOptionalLocatorId.call(this, 'template', 'Template', 0);
	if (sendAs === 'template' && !templateId) throw new InputError('Template', 'is required to send a template', 'Choose an approved template, or set Send As to Text.');
	if (templateId && !toToggle('Opt-in Confirmation', this.getNodeParameter('optIn', 0, false))) {
		throw new InputError('Opt-in Confirmation', 'must be on to send a template', 'Callbell sends a template only when you confirm that the contact agreed to receive WhatsApp templates from you (optin_contact).');
	}
	const [template] = await Promise.all([
		templateId ? findTemplate.call(this, context, templateId) : undefined,
		chosenChannel ? resolveSendChannel.call(this, context, chosenChannel) : undefined,
	]);

	const links = signedLinks.call(this, answers);
	const text = sendAs === 'template' ? undefined : textWithLinks(message, links);
	// Counted and checked as Send does (approved, one value per variable), before anything is sent.
	const templateSend = template ? buildTemplateSend(template, templateValuesFor(message, links), undefined) : undefined;

	const { recipient, channelUuid } = sendTo === 'contact' ? await contactRecipient.call(this, 0, context) : { recipient: given as Recipient, channelUuid: undefined };
	const channel = await resolveSendChannel.call(this, context, chosenChannel, channelUuid);

	let sentAs: 'text' | 'template' = 'template';
	if (text !== undefined) {
		// A refusal for the window sent nothing: then the template goes instead, never both.
		const answer = await postMessage.call(this, context, buildSendBody(recipient, channel, { kind: 'text', text }, {}), 0, templateSend !== undefined);
		if (answer !== WINDOW_CLOSED) sentAs = 'text';
	}
	if (sentAs === 'template') await postMessage.call(this, context, buildSendBody(recipient, channel, { kind: 'template', values: [] }, {}, templateSend), 0);

	await this.putExecutionToWait(waitTill ?? WAIT_INDEFINITELY);
	return { ...this.getInputData()[0].json };
}
