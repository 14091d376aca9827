import type { INodeProperties } from 'n8n-workflow';

import { assignedUserField, botStatusField, teamField } from '../common.descriptions';
import { CUSTOM_FIELD_TYPE_OPTIONS } from './helpers/customFields';

/**
 * The contact fields Callbell takes on create and update (`PATCH /contacts/:uuid`), in the
 * order n8n shows them. Update offers all of them; Create leaves out the clearing toggles.
 */
export const contactFields: INodeProperties[] = [
	assignedUserField,

	botStatusField,

	{
		displayName: 'Clear Note',
		name: 'clearNote',
		type: 'boolean',
		default: false,
		description: 'Whether to remove the contact note (sends an empty note). Cannot be combined with Note.',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Values are checked against the type before anything is sent. An entry here wins over the same field in Custom Fields (JSON).',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Billing Address',
						description: 'The field name exactly as in Callbell → Settings → Custom fields (case-sensitive)',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'text',
						description: 'The field type configured in Callbell',
						options: [...CUSTOM_FIELD_TYPE_OPTIONS],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Main Street 1',
						description: 'Leave empty to keep the current value',
					},
				],
			},
		],
	},
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFieldsJson',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"Plan": "Pro", "Order Count": "3"}',
		description: 'An object of field names to values, e.g. an expression such as {{ $JSON.fields }}. Numbers are sent as text, lists as checkbox values.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ada Lovelace',
		description: 'The contact name',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Prefers to be contacted in the morning',
		description: 'Free text on the contact, at most 1000 characters. Use Clear Note to remove it.',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. Lead, VIP',
		description: 'Tags separated by commas, or an expression returning a list. Tags must already exist in Callbell. On Update, Tag Mode says whether they replace, add to or are removed from the contact’s tags.',
	},
	teamField,

	{
		displayName: 'Unassign User',
		name: 'unassignUser',
		type: 'boolean',
		default: false,
		description: 'Whether to remove the assigned user. Cannot be combined with Assigned User.',
	},
];

/** Fields that only make sense on an existing contact. */
export const CLEARING_FIELDS = ['clearNote', 'unassignUser'];

/** `include_field_types=true`: Callbell adds each custom field's type, typed value and options. */
export const includeFieldTypes: INodeProperties = {
	displayName: 'Include Field Types',
	name: 'includeFieldTypes',
	type: 'boolean',
	default: false,
	description: 'Whether to add customFieldsMetadata: each custom field with its type, typed value and options',
};
