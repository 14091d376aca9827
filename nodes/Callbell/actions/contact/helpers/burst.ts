import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../helpers/InputError';
import { describeValue } from '../../../helpers/values';
import { roleOf, toConversationMessage } from './conversationForModel';

/*
 * Wait for Customer to Finish: the pure decisions. Everything is decided from the contact's
 * messages as Callbell lists them (newest first) and this execution's own message, so that every
 * execution of a burst, in any n8n process, decides the same way without shared state.
 */

export const QUIET_PERIOD = { min: 1, max: 120 };
export const MAX_WAIT = { min: 1, max: 600 };
/** Max Silence Within a Burst: from a minute to a week; one hour by default. */
export const MAX_SILENCE = { min: 60, max: 604800, default: 3600 };

function toSeconds(field: string, value: unknown, range: { min: number; max: number }): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < range.min || number > range.max) {
		throw new InputError(field, `must be a number of seconds from ${range.min} to ${range.max}, got ${describeValue(value)}`);
	}
	return number;
}

/**
 * Quiet Period, Max Wait and Max Silence Within a Burst in seconds, checked: each within its range,
 * Max Wait at least Quiet Period. Max Silence is optional (older workflows): one hour when unset.
 */
export function toWaitSettings(quietValue: unknown, maxWaitValue: unknown, maxSilenceValue: unknown = MAX_SILENCE.default): { quietMs: number; maxWaitMs: number; maxSilenceMs: number } {
	const quiet = toSeconds('Quiet Period', quietValue, QUIET_PERIOD);
	const maxWait = toSeconds('Max Wait', maxWaitValue, MAX_WAIT);
	const maxSilence = toSeconds('Max Silence Within a Burst', maxSilenceValue, MAX_SILENCE);
	if (maxWait < quiet) {
		throw new InputError('Max Wait', `must be at least the Quiet Period (${quiet} s), got ${maxWait}`, 'Max Wait bounds the whole wait, which lasts at least the Quiet Period.');
	}
	if (maxSilence < quiet) {
		throw new InputError(
			'Max Silence Within a Burst',
			`must be at least the Quiet Period (${quiet} s), got ${maxSilence}`,
			'A shorter silence would leave out messages whose own executions waited for this one.',
		);
	}
	return { quietMs: Math.round(quiet * 1000), maxWaitMs: Math.round(maxWait * 1000), maxSilenceMs: Math.round(maxSilence * 1000) };
}

/** Callbell's time formats: ISO 8601 with an offset, or "2025-12-18 20:00:19 +0100". */
const SPACED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?([+-]\d{2}):?(\d{2})$/;

/**
 * The latest instant a Callbell time can stand for, in ms: a time given to the second ("…:19Z",
 * as the messages list gives it) is read as the end of that second, so that a message is never
 * taken for older than it is. undefined when the text is not a time.
 */
export function latestInstantOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const spaced = SPACED.exec(text);
	const iso = spaced ? `${spaced[1]}T${spaced[2]}${spaced[3]}:${spaced[4]}` : text;
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) return undefined;
	const hasFraction = /\d{2}:\d{2}:\d{2}\.\d+/.test(iso);
	return hasFraction ? ms : ms + 999;
}

// Who wrote a message, as Get Messages' output for a model reads it: a customer's message, a
// note, or (any other status) the team or a bot.
const isNote = (message: IDataObject) => roleOf(message) === 'note';
const isInbound = (message: IDataObject) => roleOf(message) === 'customer';

export type BurstDecision =
	/** This execution's message is not among the messages read (yet). */
	| { kind: 'notListed' }
	/** A newer customer message exists: its execution answers the burst. */
	| { kind: 'superseded'; newestUuid: string | undefined }
	/** The team (or a bot) wrote after this message: nothing is left to answer. */
	| { kind: 'answered' }
	/**
	 * This message is the newest customer message and nothing was written after it. `burst` holds
	 * the customer's messages since the last outgoing one, oldest first, up to a silence longer than
	 * Max Silence (an unanswered message from last week is not part of today's burst); `complete` is
	 * false when the messages read end before an outgoing message, such a silence or the
	 * conversation's start was seen.
	 */
	| { kind: 'newest'; own: IDataObject; burst: IDataObject[]; complete: boolean };

/**
 * Decides from `messages` (Callbell's order: newest first; ties on createdAt keep Callbell's
 * order, so every reader of the same list agrees) and this execution's message uuid.
 * `listEnded`: the messages read are the whole conversation. `maxSilenceMs`: a customer message
 * written longer than this before the next one ends the burst (it is left out).
 */
export function decideBurst(messages: IDataObject[], ownUuid: string, listEnded: boolean, maxSilenceMs = Infinity): BurstDecision {
	const ownAt = messages.findIndex((message) => message.uuid === ownUuid && !isNote(message));
	if (ownAt === -1) return { kind: 'notListed' };
	const newer = messages.slice(0, ownAt).filter((message) => !isNote(message));
	const newerInbound = newer.find(isInbound);
	if (newerInbound) return { kind: 'superseded', newestUuid: typeof newerInbound.uuid === 'string' ? newerInbound.uuid : undefined };
	if (newer.length > 0 || !isInbound(messages[ownAt])) return { kind: 'answered' };

	const burst: IDataObject[] = [];
	let complete = listEnded;
	let laterAt = latestInstantOf(messages[ownAt].createdAt);
	for (const message of messages.slice(ownAt)) {
		if (isNote(message)) continue;
		const at = latestInstantOf(message.createdAt);
		if (!isInbound(message) || (at !== undefined && laterAt !== undefined && laterAt - at > maxSilenceMs)) {
			complete = true;
			break;
		}
		burst.push(message);
		laterAt = at ?? laterAt;
	}
	return { kind: 'newest', own: messages[ownAt], burst: burst.reverse(), complete };
}

/** Whether the messages read so far are enough to decide: this message is found and, if it is the newest, the burst is complete. */
export function canDecide(messages: IDataObject[], ownUuid: string, maxSilenceMs = Infinity): boolean {
	const decision = decideBurst(messages, ownUuid, false, maxSilenceMs);
	return decision.kind === 'superseded' || decision.kind === 'answered' || (decision.kind === 'newest' && decision.complete);
}

/**
 * The one item of the execution that continues: the burst oldest first, its texts joined with
 * new lines (empty texts left out), and how the wait ended.
 */
export function burstItem(
	contactUuid: string,
	decision: Extract<BurstDecision, { kind: 'newest' }>,
	wait: { endedBy: 'quiet' | 'maxWait'; waitedMs: number; quietMs: number },
): IDataObject {
	const messages = decision.burst.map((message) => {
		const { text, attachments } = toConversationMessage(message);
		return { uuid: (message.uuid ?? null) as string | null, text, attachments, createdAt: (message.createdAt ?? null) as string | null };
	});
	return {
		contactUuid,
		text: messages
			.map((message) => message.text.trim())
			.filter((text) => text !== '')
			.join('\n'),
		messageCount: messages.length,
		messages,
		attachments: messages.flatMap((message) => message.attachments),
		lastMessageUuid: (decision.own.uuid ?? null) as string | null,
		firstMessageAt: messages[0]?.createdAt ?? null,
		lastMessageAt: messages[messages.length - 1]?.createdAt ?? null,
		complete: decision.complete,
		endedBy: wait.endedBy,
		quietPeriodSeconds: wait.quietMs / 1000,
		waitedSeconds: Math.round(wait.waitedMs / 100) / 10,
	};
}
