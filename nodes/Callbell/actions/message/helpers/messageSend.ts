import { InputError } from '../../../helpers/InputError';
import type { MediaType } from './messageContent';
import { MEDIA_TYPES, toCaption, toMediaUrl, toMessageText } from './messageContent';
import type { MetadataPair } from './metadata';
import { toMetadata } from './metadata';
import type { TemplateSendFields, TemplateValueEntry } from '../../../helpers/templates';
import { toTemplateValues } from '../../../helpers/templates';
import { mappedMediaUrl, mappedTemplateValues } from './templateVariables';
import { describeValue, isEmptyValue, toCallbellId, toEmail, toToggle } from '../../../helpers/values';
import { toBotStatus } from '../../../helpers/contacts';

export type MessageType = 'text' | MediaType | 'template';

/** What one item asks to send, as the node's fields give it. */
export interface MessageInput {
	messageType: unknown;
	text?: unknown;
	mediaUrl?: unknown;
	caption?: unknown;
	/** The per-variable fields (`{{1}}`…, `values`, `mediaUrl`); null while never shown (then the older list is read). */
	templateVariables?: Record<string, unknown> | null;
	/** The older list of values (a hidden parameter now), read only when templateVariables is null. */
	templateValues?: { values?: TemplateValueEntry[] };
	optIn?: unknown;
}

/** The message, checked without any request; a template still needs the template itself. */
export type MessageDraft =
	| { kind: 'text'; text: string }
	| { kind: 'media'; type: MediaType; url: string; caption?: string }
	| { kind: 'template'; values: string[]; mediaUrl?: string };

export function toMessageType(value: unknown): MessageType {
	if (value === 'text' || value === 'template' || (MEDIA_TYPES as unknown[]).includes(value)) return value as MessageType;
	throw new InputError('Message Type', `must be Text, Image, Document, Audio, Video or Template, got ${describeValue(value)}`);
}

/** Checks the item's message fields (everything that needs no request). */
export function checkMessage(input: MessageInput): MessageDraft {
	const type = toMessageType(input.messageType);
	if (type === 'text') return { kind: 'text', text: toMessageText('Text', input.text) };
	if (type === 'template') {
		if (!toToggle('Opt-in Confirmation', input.optIn)) {
			throw new InputError(
				'Opt-in Confirmation',
				'must be on to send a template',
				'Callbell sends a template only when you confirm that the contact agreed to receive WhatsApp templates from you (optin_contact).',
			);
		}
		const values =
			mappedTemplateValues('Template Values', input.templateVariables) ?? toTemplateValues('Template Values', input.templateValues?.values);
		const draft: MessageDraft = { kind: 'template', values };
		const mediaUrl = mappedMediaUrl(input.templateVariables, input.mediaUrl);
		if (!isEmptyValue(mediaUrl)) draft.mediaUrl = toMediaUrl('Media URL', mediaUrl);
		return draft;
	}
	const draft: MessageDraft = { kind: 'media', type, url: toMediaUrl('Media URL', input.mediaUrl) };
	const caption = type === 'image' ? toCaption('Caption', input.caption) : undefined;
	if (caption !== undefined) draft.caption = caption;
	return draft;
}

/** The Additional Fields of Send. */
export interface SendExtrasInput {
	assignedUser?: unknown;
	teamUuid?: unknown;
	botStatus?: unknown;
	metadata?: { pair?: MetadataPair[] };
	returnContactAndConversation?: unknown;
}

export interface SendExtras {
	assigned_user?: string;
	team_uuid?: string;
	bot_status?: string;
	metadata?: Record<string, string>;
	fields?: string;
}

export function buildSendExtras(input: SendExtrasInput): SendExtras {
	const extras: SendExtras = {};
	if (!isEmptyValue(input.assignedUser)) extras.assigned_user = toEmail('Assigned User', input.assignedUser);
	if (!isEmptyValue(input.teamUuid)) extras.team_uuid = toCallbellId('Team', input.teamUuid);
	if (!isEmptyValue(input.botStatus)) extras.bot_status = toBotStatus(input.botStatus);
	const metadata = toMetadata('Metadata', input.metadata?.pair);
	if (metadata) extras.metadata = metadata;
	if (toToggle('Return Contact and Conversation', input.returnContactAndConversation)) extras.fields = 'contact,conversation';
	return extras;
}

/** Who receives the message: a phone number (or platform id) in `to`, or a WhatsApp BSUID. */
export type Recipient = { to: string } | { bsuid: string };

export interface SendBody extends SendExtras {
	to?: string;
	bsuid?: string;
	from: string;
	channel_uuid: string;
	type: string;
	content: { text?: string; url?: string };
	template_uuid?: string;
	optin_contact?: true;
	template_values?: string[];
}

/**
 * The body of `POST /messages/send`. `channel_uuid` is always sent and `from` is the channel's
 * type, so the two cannot disagree; a template draft needs its fields from buildTemplateSend,
 * built (and so checked) once, before any lookup.
 */
export function buildSendBody(
	recipient: Recipient,
	channel: { uuid: string; source: string },
	draft: MessageDraft,
	extras: SendExtras,
	template?: TemplateSendFields,
): SendBody {
	const head = { ...recipient, from: channel.source, channel_uuid: channel.uuid };
	if (draft.kind === 'text') return { ...head, type: 'text', content: { text: draft.text }, ...extras };
	if (draft.kind === 'media') {
		const content: SendBody['content'] = { url: draft.url };
		if (draft.caption !== undefined) content.text = draft.caption;
		return { ...head, type: draft.type, content, ...extras };
	}
	if (!template) throw new InputError('Template', 'is required');
	return { ...head, ...template, ...extras };
}
