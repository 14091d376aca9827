import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../helpers/InputError';
import { describeValue } from '../../../helpers/values';

/*
 * Get Messages' outputs for a model (README → Contact operations → Get Messages). Callbell's
 * Message object (`GET /contacts/:uuid/messages`) has `status` "received", "sent" or "note" and
 * nothing that tells a bot's message from an agent's, so the roles are:
 *   received → customer; note → note; every other status (sent, and delivery statuses such as
 *   delivered or read should Callbell ever list them) → agent, which covers agents, bots and API sends.
 */

/** How Get Messages outputs the conversation. `messages` is Callbell's list, one item per message. */
export type ConversationOutput = 'messages' | 'conversation' | 'text';

export const CONVERSATION_OUTPUTS: readonly ConversationOutput[] = ['messages', 'conversation', 'text'];

export type ConversationRole = 'customer' | 'agent' | 'note';

/** One message as a model reads it. */
export interface ConversationMessage extends IDataObject {
	role: ConversationRole;
	text: string;
	attachments: string[];
	/** Callbell's `createdAt`, as Callbell wrote it; null when missing. */
	time: string | null;
}

const ROLE_LABELS: Record<ConversationRole, string> = { customer: 'Customer', agent: 'Agent', note: 'Note' };

/** The Output option, checked (an expression or $fromAI may give any text). */
export function toConversationOutput(value: unknown): ConversationOutput {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') return 'messages';
	if (CONVERSATION_OUTPUTS.includes(text as ConversationOutput)) return text as ConversationOutput;
	throw new InputError('Output', `must be one of ${CONVERSATION_OUTPUTS.map((output) => `"${output}"`).join(', ')}, got ${describeValue(value)}`);
}

/** Who wrote a message of Callbell's list, read from its `status` (see the note at the top). */
export function roleOf(message: IDataObject): ConversationRole {
	if (message.status === 'received') return 'customer';
	if (message.status === 'note') return 'note';
	return 'agent';
}


/** A message's attachment URLs: strings, or objects with a `url` (defensive: Callbell lists URLs). */
function attachmentUrls(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	const urls: string[] = [];
	for (const attachment of value) {
		const url = typeof attachment === 'string' ? attachment : (attachment as { url?: unknown } | null)?.url;
		if (typeof url === 'string' && url.trim() !== '') urls.push(url.trim());
	}
	return urls;
}

export function toConversationMessage(message: IDataObject): ConversationMessage {
	return {
		role: roleOf(message),
		text: typeof message.text === 'string' ? message.text : '',
		attachments: attachmentUrls(message.attachments),
		time: typeof message.createdAt === 'string' && message.createdAt !== '' ? message.createdAt : null,
	};
}

/**
 * Whether a message of Callbell's list goes into the conversation: notes only when `includeNotes`,
 * and never one with neither text nor attachments (a message deleted in Callbell keeps its place
 * with both emptied). Get Messages counts only these toward Limit, so Limit is the last N messages.
 */
export function belongsInConversation(includeNotes: boolean): (message: IDataObject) => boolean {
	return (message) => {
		if (!includeNotes && roleOf(message) === 'note') return false;
		const { text, attachments } = toConversationMessage(message);
		return text.trim() !== '' || attachments.length > 0;
	};
}

/** Callbell's list (newest first) as a conversation, oldest first, without what does not belong in it. */
export function toConversation(newestFirst: IDataObject[], includeNotes: boolean): ConversationMessage[] {
	return newestFirst.filter(belongsInConversation(includeNotes)).map(toConversationMessage).reverse();
}

/** One line per message, e.g. `Customer: Hi! [attachment: https://…]`; empty text shows only its attachments. */
export function conversationText(messages: ConversationMessage[]): string {
	return messages
		.map((message) => {
			const parts = [message.text.trim(), ...message.attachments.map((url) => `[attachment: ${url}]`)].filter((part) => part !== '');
			return `${ROLE_LABELS[message.role]}: ${parts.join(' ')}`;
		})
		.join('\n');
}

/** The one output item of Conversation for a Model or Conversation as Text. */
export function conversationItem(contactUuid: string, newestFirst: IDataObject[], output: 'conversation' | 'text', includeNotes: boolean): IDataObject {
	const messages = toConversation(newestFirst, includeNotes);
	const base = { contactUuid, messageCount: messages.length };
	return output === 'conversation' ? { ...base, messages } : { ...base, text: conversationText(messages) };
}
