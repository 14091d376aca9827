import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep, updateDisplayOptions } from 'n8n-workflow';

import { toCallbellId } from '../../helpers/values';
import type { ListPaging } from '../../transport/listPage';
import { requestListPage } from '../../transport/listPage';
import { toCallbellApiError } from '../../transport/errors';
import { contactPath } from '../../transport/paths';
import type { ExecutionContext } from '../types';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';
import type { BurstDecision } from './helpers/burst';
import { burstItem, canDecide, decideBurst, latestInstantOf, MAX_SILENCE, MAX_WAIT, QUIET_PERIOD, toWaitSettings } from './helpers/burst';

/*
 * Contact → Wait for Customer to Finish. Customers write in bursts ("hi" / "I ordered yesterday" /
 * "where is it?"); the Callbell Trigger starts one execution per message. Each execution reads the
 * contact's messages (GET /contacts/:uuid/messages, newest first) until its own message is the
 * newest customer message and at least Quiet Period old; only then does it output one item with
 * the whole burst. An execution whose message is no longer the newest customer message, or after
 * which the team already wrote, outputs nothing: the workflow stops there for it. Nothing is kept
 * in n8n: two processes (webhook processes, queue-mode workers) read the same history and decide alike.
 */

/** At most this many pages (Callbell lists 20 messages a page) are read to find the message and its burst. */
const MAX_PAGES = 10;
const MESSAGE_PAGING: ListPaging = { cap: MAX_PAGES, untilEmptyPage: true };
/** The longest pause between two reads of the messages, so that superseded executions end early. */
const POLL_MS = 3000;
/** The longest single sleep, so that a cancelled execution stops waiting soon. */
const SLICE_MS = 500;

const properties: INodeProperties[] = [
	{
		displayName:
			'Use after a Callbell Trigger (event Message Created, Direction Incoming). Of the executions started by a burst of customer messages, only the one for the last message continues, with one item holding the whole burst; the others output nothing.',
		name: 'burstNotice',
		type: 'notice',
		default: '',
	},
	{
		...contactLocator,
		default: { mode: 'id', value: '={{ $json.contact.uuid }}' },
		description:
			'The customer who is writing. The default reads it from the Callbell Trigger’s item (its contact’s uuid, 32 hex characters, e.g. 414a6d692bd645ed803f2e7ce360d4c8).',
	},
	phoneLookupChannel,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '={{ $json.uuid }}',
		placeholder: 'e.g. 9f3c1b2a4d5e6f708192a3b4c5d6e7f8',
		description:
			'The uuid of the customer message that started this execution, e.g. 9f3c1b2a4d5e6f708192a3b4c5d6e7f8. The default reads it from the Callbell Trigger’s item. This execution continues only if this message is the customer’s newest.',
	},
	{
		displayName: 'Quiet Period (Seconds)',
		name: 'quietPeriod',
		type: 'number',
		default: 10,
		typeOptions: { minValue: QUIET_PERIOD.min, maxValue: QUIET_PERIOD.max, numberPrecision: 1 },
		description: `How long the customer must have written nothing before the burst counts as finished, in seconds from ${QUIET_PERIOD.min} to ${QUIET_PERIOD.max}, e.g. 10. Longer catches slower typists, but the answer comes later.`,
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		default: 60,
		typeOptions: { minValue: MAX_WAIT.min, maxValue: MAX_WAIT.max, numberPrecision: 1 },
		description: `The longest this execution waits, in seconds from ${MAX_WAIT.min} to ${MAX_WAIT.max} and at least the Quiet Period, e.g. 60. If its message is still the newest then, it continues without the full quiet period (endedBy "maxWait").`,
	},
	{
		displayName: 'Max Silence Within a Burst (Seconds)',
		name: 'maxSilence',
		type: 'number',
		default: 3600,
		typeOptions: { minValue: MAX_SILENCE.min, maxValue: MAX_SILENCE.max },
		description: `The burst is the customer’s messages since the team’s last message, back to a silence longer than this, in seconds from ${MAX_SILENCE.min} to ${MAX_SILENCE.max}, e.g. 3600 (one hour): an unanswered message from last week is not part of today’s burst`,
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['waitForCustomer'] } }, properties);

function cancelled(this: IExecuteFunctions): boolean {
	// Feature detection: older n8n versions have no cancel signal.
	return typeof this.getExecutionCancelSignal === 'function' && this.getExecutionCancelSignal()?.aborted === true;
}

async function pause(this: IExecuteFunctions, ms: number): Promise<void> {
	const end = Date.now() + ms;
	while (Date.now() < end && !cancelled.call(this)) await sleep(Math.min(SLICE_MS, end - Date.now()));
}

/** Reads the contact's messages, newest first, page after page until the decision needs no more. */
async function readDecision(this: IExecuteFunctions, context: ExecutionContext, contactUuid: string, ownUuid: string, maxSilenceMs: number, itemIndex: number): Promise<BurstDecision> {
	const request = { path: contactPath(contactUuid, '/messages'), key: 'messages', paging: MESSAGE_PAGING, itemIndex };
	const messages: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		let elements: IDataObject[];
		try {
			elements = (await requestListPage.call(this, context.api, request, { page }, messages.length)).elements;
		} catch (error) {
			throw error instanceof NodeOperationError ? error : toCallbellApiError(this.getNode(), error, itemIndex);
		}
		if (elements.length === 0) return decideBurst(messages, ownUuid, true, maxSilenceMs);
		messages.push(...elements);
		if (canDecide(messages, ownUuid, maxSilenceMs)) break;
	}
	return decideBurst(messages, ownUuid, false, maxSilenceMs);
}

/**
 * Polls the contact's messages until this execution's message is superseded (→ no item), answered
 * (→ no item) or the newest customer message and Quiet Period old (→ one item with the burst). At
 * Max Wait a message that is still the newest continues; one that was never listed is an error.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject | IDataObject[]> {
	const ownUuid = toCallbellId('Message ID', this.getNodeParameter('messageId', itemIndex, ''));
	const { quietMs, maxWaitMs, maxSilenceMs } = toWaitSettings(
		this.getNodeParameter('quietPeriod', itemIndex, 10),
		this.getNodeParameter('maxWait', itemIndex, 60),
		this.getNodeParameter('maxSilence', itemIndex, MAX_SILENCE.default),
	);
	const contactUuid = await resolveContactId.call(this, itemIndex, context);
	const started = Date.now();
	const deadline = started + maxWaitMs;
	for (;;) {
		const readAt = Date.now();
		const decision = await readDecision.call(this, context, contactUuid, ownUuid, maxSilenceMs, itemIndex);
		if (decision.kind === 'superseded' || decision.kind === 'answered') return [];
		let wakeAt = deadline;
		if (decision.kind === 'newest') {
			const at = latestInstantOf(decision.own.createdAt);
			if (at === undefined) {
				throw new NodeOperationError(this.getNode(), `Callbell listed the message "${ownUuid}" without a readable time [item ${itemIndex}]`, {
					itemIndex,
					description: `Its createdAt is ${JSON.stringify(decision.own.createdAt ?? null)}; the quiet period is measured from it.`,
				});
			}
			const waited = { waitedMs: Date.now() - started, quietMs };
			if (readAt >= at + quietMs) return burstItem(contactUuid, decision, { ...waited, endedBy: 'quiet' });
			if (readAt >= deadline) return burstItem(contactUuid, decision, { ...waited, endedBy: 'maxWait' });
			wakeAt = Math.min(at + quietMs, deadline);
		} else if (readAt >= deadline) {
			throw new NodeOperationError(this.getNode(), `The message "${ownUuid}" is not among the contact’s messages [item ${itemIndex}]`, {
				itemIndex,
				description: `Callbell did not list it within Max Wait (${maxWaitMs / 1000} s). Check that Message ID is the uuid of a message of this contact (after a Callbell Trigger, the trigger item’s uuid).`,
			});
		}
		if (cancelled.call(this)) return [];
		await pause.call(this, Math.max(0, Math.min(wakeAt - Date.now(), POLL_MS)));
		if (cancelled.call(this)) return [];
	}
}
