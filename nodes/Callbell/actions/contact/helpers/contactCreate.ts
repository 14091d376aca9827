import type { ContactUpdateBody, UpdateFieldsInput } from './contactUpdate';
import { buildContactUpdateBody } from './contactUpdate';
import type { CustomFieldDefinition } from './customFields';
import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue, toCallbellId, toPhoneDigits, toText } from '../../../helpers/values';

/** Sources the node offers; an expression may name another lowercase identifier (e.g. a newer channel type). */
export const CONTACT_SOURCES = ['whatsapp', 'instagram', 'facebook', 'telegram'] as const;
const SOURCE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;
const PHONE_SOURCES = ['whatsapp'];
const IDENTIFIER_MAX_CHARACTERS = 100;

/** The Create operation's inputs for one item, as n8n resolves them. */
export interface ContactCreateInput {
	identifier: unknown;
	source: unknown;
	name: unknown;
	additionalFields?: UpdateFieldsInput & { channelUuid?: unknown };
}

/** The body of `POST /contacts`. */
export interface ContactCreateBody extends Omit<ContactUpdateBody, 'unassign_user' | 'name'> {
	identifier: string;
	source: string;
	name: string;
	channel_uuid?: string;
}

/** A channel type as Callbell names it (`whatsapp`, `instagram`, `facebook`, `telegram`), lowercased. */
export function toSource(field: string, value: unknown): string {
	if (isEmptyValue(value)) throw new InputError(field, 'is required');
	const text = toText(field, value).toLowerCase();
	if (!SOURCE_PATTERN.test(text)) {
		throw new InputError(field, `${describeValue(value)} is not a Callbell source`, `Use one of: ${CONTACT_SOURCES.join(', ')}`);
	}
	return text;
}

/** The phone number (WhatsApp) or platform id of a new contact, trimmed and sent as written. */
export function toIdentifier(value: unknown, source: string): string {
	if (isEmptyValue(value)) throw new InputError('Identifier', 'is required');
	const text = toText('Identifier', value);
	if (/\p{Cc}/u.test(text) || Array.from(text).length > IDENTIFIER_MAX_CHARACTERS) {
		throw new InputError('Identifier', `${describeValue(text)} is not a phone number or platform ID`);
	}
	// WhatsApp contacts are identified by their phone number: refuse anything else early.
	if (PHONE_SOURCES.includes(source)) toPhoneDigits('Identifier', text);
	return text;
}

/**
 * Validate one item's Create inputs and build the `POST /contacts` body. The optional fields
 * go through the same checks as Update (buildContactUpdateBody); the clearing toggles of
 * Update (Unassign User, Clear Note) do not apply to a new contact and are ignored.
 */
export function buildContactCreateBody(
	input: ContactCreateInput,
	definitions?: Record<string, CustomFieldDefinition>,
	mappedCustomFields?: Record<string, unknown>,
): ContactCreateBody {
	const source = toSource('Source', input.source);
	const identifier = toIdentifier(input.identifier, source);
	if (isEmptyValue(input.name)) throw new InputError('Name', 'is required');

	const { channelUuid, ...fields } = input.additionalFields ?? {};
	delete fields.unassignUser;
	delete fields.clearNote;
	// Name is always set, so the shared builder never finds "nothing to update".
	const { name, ...optional } = buildContactUpdateBody({ ...fields, name: input.name }, definitions, mappedCustomFields);
	if (!name) throw new InputError('Name', 'is required');

	const body: ContactCreateBody = { identifier, source, name, ...optional };
	if (!isEmptyValue(channelUuid)) body.channel_uuid = toCallbellId('Channel', channelUuid);
	return body;
}
