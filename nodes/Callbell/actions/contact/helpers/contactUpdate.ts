import type { CustomFieldDefinition, CustomFieldEntry, CustomFieldValue } from './customFields';
import { buildCustomFields, parseCustomFieldsObject } from './customFields';
import { InputError } from '../../../helpers/InputError';
import type { BotStatus } from '../../../helpers/contacts';
import { toBotStatus } from '../../../helpers/contacts';
import { characterCount, isEmptyValue, toCallbellId, toEmail, toStringList, toText, toToggle } from '../../../helpers/values';

export const NOTE_MAX_CHARACTERS = 1000;

/** The "Update Fields" collection as n8n resolves it for one item. */
export interface UpdateFieldsInput {
	name?: unknown;
	tags?: unknown;
	customFields?: { field?: CustomFieldEntry[] };
	customFieldsJson?: unknown;
	assignedUser?: unknown;
	unassignUser?: unknown;
	teamUuid?: unknown;
	botStatus?: unknown;
	note?: unknown;
	clearNote?: unknown;
}

/** The body of `PATCH /contacts/:uuid`, in Callbell's snake_case. */
export interface ContactUpdateBody {
	name?: string;
	tags?: string[];
	custom_fields?: Record<string, CustomFieldValue>;
	assigned_user?: string;
	unassign_user?: true;
	team_uuid?: string;
	bot_status?: BotStatus;
	note?: string;
}


export function toNote(value: unknown): string {
	const text = toText('Note', value);
	const length = characterCount(text);
	if (length > NOTE_MAX_CHARACTERS) {
		throw new InputError('Note', `is ${length} characters long; Callbell allows at most ${NOTE_MAX_CHARACTERS}`);
	}
	return text;
}

/**
 * Validate the resolved Update Fields of one item and build the PATCH body.
 * A field whose value is empty is left out (the contact keeps its current value);
 * clearing is explicit (Unassign User, Clear Note). Throws InputError on the first problem.
 */
export function buildContactUpdateBody(
	fields: UpdateFieldsInput,
	definitions?: Record<string, CustomFieldDefinition>,
	mappedCustomFields?: Record<string, unknown>,
): ContactUpdateBody {
	const body: ContactUpdateBody = {};

	if (!isEmptyValue(fields.name)) body.name = toText('Name', fields.name);

	if (!isEmptyValue(fields.tags)) {
		const tags = toStringList('Tags', fields.tags);
		if (tags.length > 0) body.tags = tags;
	}

	const entries = fields.customFields?.field ?? [];
	const json = isEmptyValue(fields.customFieldsJson) ? undefined : parseCustomFieldsObject(fields.customFieldsJson);
	const customFields = buildCustomFields(json, entries, definitions, mappedCustomFields);
	if (Object.keys(customFields).length > 0) body.custom_fields = customFields;

	const unassign = toToggle('Unassign User', fields.unassignUser);
	if (!isEmptyValue(fields.assignedUser)) {
		if (unassign) {
			throw new InputError('Assigned User', 'cannot be set together with Unassign User', 'Use one or the other');
		}
		body.assigned_user = toEmail('Assigned User', fields.assignedUser);
	} else if (unassign) {
		body.unassign_user = true;
	}

	if (!isEmptyValue(fields.teamUuid)) body.team_uuid = toCallbellId('Team', fields.teamUuid);

	if (!isEmptyValue(fields.botStatus)) body.bot_status = toBotStatus(fields.botStatus);

	const clearNote = toToggle('Clear Note', fields.clearNote);
	if (!isEmptyValue(fields.note)) {
		if (clearNote) throw new InputError('Note', 'cannot be set together with Clear Note', 'Use one or the other');
		body.note = toNote(fields.note);
	} else if (clearNote) {
		body.note = '';
	}

	if (Object.keys(body).length === 0) {
		throw new InputError(
			'Update Fields',
			'contain nothing to update',
			'Add at least one field under Update Fields. Fields whose value is empty are not sent.',
		);
	}
	return body;
}
