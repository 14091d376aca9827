import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep, updateDisplayOptions } from 'n8n-workflow';

import type { WaitResult, WaitTarget } from './helpers/messageStatus';
import { DEFAULT_MAX_WAIT_SECONDS, failureReason, isFinalFailure, MAX_WAIT_SECONDS, pollDelayMs, reachedTarget, toMaxWaitSeconds, toWaitTarget } from './helpers/messageStatus';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { messageIdField, messageIdOf, messagePath } from './messageId';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	messageIdField,
	{
		displayName: 'Wait Until',
		name: 'waitUntil',
		type: 'options',
		default: 'none',
		description: 'Whether to ask again, waiting longer between asks, until the message gets this far',
		options: [
			{ name: 'No Wait', value: 'none', description: 'Return the status as it is now' },
			{ name: 'Sent', value: 'sent', description: 'Until WhatsApp has the message (or it is delivered or read)' },
			{ name: 'Delivered', value: 'delivered', description: 'Until it reached the customer’s phone (or is read)' },
			{ name: 'Read', value: 'read', description: 'Until the customer read it' },
		],
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS, numberPrecision: 0 },
		default: DEFAULT_MAX_WAIT_SECONDS,
		description: `How long to wait at most (up to ${MAX_WAIT_SECONDS} s). The output’s waitResult says whether the status was reached, the message failed, or the time ran out.`,
		displayOptions: { hide: { waitUntil: ['none'] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getStatus'] } }, properties);

async function readStatus(this: IExecuteFunctions, context: ExecutionContext, uuid: string, itemIndex: number): Promise<IDataObject> {
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: messagePath('/messages/status', uuid), itemIndex });
	const message = (response as { message?: unknown } | undefined)?.message;
	if (typeof message !== 'object' || message === null || Array.isArray(message)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a message [item ${itemIndex}]`, { itemIndex });
	}
	return message as IDataObject;
}

const statusOf = (message: IDataObject) => (typeof message.status === 'string' ? message.status : '');

/**
 * `GET /messages/status/:uuid`: the status and Callbell's raw provider payload. With Wait Until,
 * asks again (1 s, then 1.5 times longer each time, at most 15 s apart, every request paced by the
 * execution's rate limiter) until the status is reached, the message failed, or Max Wait passed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = messageIdOf.call(this, itemIndex);
	const target: WaitTarget = toWaitTarget('Wait Until', this.getNodeParameter('waitUntil', itemIndex, 'none'));
	const maxWaitMs = target === 'none' ? 0 : toMaxWaitSeconds('Max Wait', this.getNodeParameter('maxWait', itemIndex, DEFAULT_MAX_WAIT_SECONDS)) * 1000;

	let message = await readStatus.call(this, context, uuid, itemIndex);
	if (target === 'none') return message;

	const started = Date.now();
	const signal = this.getExecutionCancelSignal();
	let result: WaitResult = 'timedOut';
	for (let poll = 0; ; poll++) {
		const status = statusOf(message);
		if (reachedTarget(status, target)) {
			result = 'reached';
			break;
		}
		if (isFinalFailure(status)) {
			result = 'failed';
			break;
		}
		const remaining = maxWaitMs - (Date.now() - started);
		if (remaining <= 0 || signal?.aborted) break;
		await sleep(pollDelayMs(poll, remaining));
		message = await readStatus.call(this, context, uuid, itemIndex);
	}
	const output: IDataObject = { ...message, waitUntil: target, waitResult: result, waitedSeconds: Math.round((Date.now() - started) / 100) / 10 };
	if (result === 'failed') output.failureReason = failureReason(message.messageStatusPayload) ?? 'Callbell gave no reason';
	return output;
}
