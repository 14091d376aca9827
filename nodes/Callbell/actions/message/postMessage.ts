import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isNodeApiError } from '../../transport/errors';
import type { UnknownFateWording } from '../../transport/unknownFate';
import { mayHaveTakenEffect, noteMayHaveTakenEffect, reasonOf } from '../../transport/unknownFate';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import type { SendBody } from './helpers/messageSend';

/*
 * POST /messages/send for Send and for Send and Wait for Response: one request, never repeated once
 * Callbell may have received it, and Callbell's error read for what it means for a message.
 */

/** What an item whose send lost its answer says, instead of the words for any request. */
export const MAY_HAVE_BEEN_SENT: UnknownFateWording = {
	headline: (reason) => `The message may have been sent, so it was not sent again; do not resend it before checking the conversation (${reason})`,
	howToCheck:
		'Check the contact’s conversation in Callbell (or Contact → Get Messages, or the message_created webhook) before you send it again: sending it again could deliver it twice.',
};

const WINDOW_HINT =
	'WhatsApp lets you send free-form messages only within 24 hours of the customer’s last message. Outside that window, send an approved template instead (Message Type: Template).';

/** Whether Callbell refused a free-form message because the 24-hour window is closed (nothing was sent). */
function isWindowRefusal(error: unknown): boolean {
	if (!isNodeApiError(error) || mayHaveTakenEffect(error)) return false;
	const said = `${error.message} ${error.description ?? ''}`;
	return /^4\d\d$/.test(String(error.httpCode ?? '')) && /24[\s-]*hour|window/i.test(said);
}

/** Callbell’s error, with what it means for a message: maybe sent, or outside the 24-hour window. */
function sendError(error: unknown): unknown {
	if (!isNodeApiError(error)) return error;
	const lost = reasonOf(error);
	if (lost !== undefined) noteMayHaveTakenEffect(error, lost, MAY_HAVE_BEEN_SENT);
	else if (isWindowRefusal(error)) error.description = `${error.description ?? ''} ${WINDOW_HINT}`.trim();
	return error;
}

/** What postMessage returns, when allowed, for a free-form message refused for the closed 24-hour window. */
export const WINDOW_CLOSED = Symbol('windowClosed');

/**
 * Sends `body` once and returns Callbell's answer; a failure is thrown with sendError's reading.
 * With `windowRefusalExpected`, a refusal for the closed 24-hour window (nothing was sent) returns
 * WINDOW_CLOSED instead, for a caller that then sends a template.
 */
export async function postMessage(
	this: IExecuteFunctions,
	context: ExecutionContext,
	body: SendBody,
	itemIndex: number,
	windowRefusalExpected = false,
): Promise<unknown> {
	try {
		return await callbellApiRequest.call(this, context.api, { method: 'POST', path: '/messages/send', body: body as unknown as IDataObject, itemIndex });
	} catch (error) {
		if (windowRefusalExpected && isWindowRefusal(error)) return WINDOW_CLOSED;
		throw sendError(error);
	}
}
