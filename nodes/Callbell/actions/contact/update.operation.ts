import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { UpdateFieldsInput } from '../../helpers/contactUpdate';
import { buildContactUpdateBody, contactPath, toContactId, unwrapContact } from '../../helpers/contactUpdate';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: 'The Callbell contact to update',
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 414a6d692bd645ed803f2e7ce360d4c8',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z0-9_-]{1,64}\\s*$',
							errorMessage: 'A Callbell contact ID is made of letters, digits and dashes',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change. A field whose value (or expression result) is empty is not sent, so the contact keeps its current value.',
		options: [
			{
				displayName: 'Assigned User',
				name: 'assignedUser',
				type: 'string',
				placeholder: 'e.g. agent@example.com',
				default: '',
				description: 'Email of the Callbell user to assign the contact to',
			},
			{
				displayName: 'Bot Status',
				name: 'botStatus',
				type: 'options',
				default: 'bot_start',
				description: 'Start or stop the bot for this contact. Needs an enabled bot in Callbell.',
				options: [
					{ name: 'Start Bot', value: 'bot_start' },
					{ name: 'Stop Bot', value: 'bot_end' },
				],
			},
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
								options: [
									{ name: 'Checkbox', value: 'checkbox', description: 'A list of options, or options separated by commas' },
									{ name: 'Date', value: 'date', description: 'YYYY-MM-DD; ISO date-times and n8n dates are converted' },
									{ name: 'Dropdown', value: 'dropdown', description: 'One of the configured options' },
									{ name: 'Email', value: 'email', description: 'A valid email address' },
									{ name: 'Number', value: 'number', description: 'Sent as text, as Callbell expects (42 → "42")' },
									{ name: 'Text', value: 'text' },
								],
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
				description: 'Replaces the contact tags. Tags separated by commas, or an expression returning a list. Tags must already exist in Callbell.',
			},
			{
				displayName: 'Team UUID',
				name: 'teamUuid',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5d6b4b3e9f6a4b6c8f2e1d0c9b8a7f6e',
				description: 'The team inbox to move the contact to',
			},
			{
				displayName: 'Unassign User',
				name: 'unassignUser',
				type: 'boolean',
				default: false,
				description: 'Whether to remove the assigned user. Cannot be combined with Assigned User.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
): Promise<IDataObject> {
	const uuid = toContactId(this.getNodeParameter('contact', itemIndex, '', { extractValue: true }));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as UpdateFieldsInput;
	const body = buildContactUpdateBody(fields);

	const response = await callbellApiRequest.call(this, context.baseUrl, {
		method: 'PATCH',
		path: contactPath(uuid),
		body: body as IDataObject,
		itemIndex,
	});
	const contact = unwrapContact(response);
	if (!contact) {
		throw new NodeOperationError(this.getNode(), 'Callbell answered without the updated contact', {
			itemIndex,
			description: 'The update may have been applied. The answer had no "contact" object.',
		});
	}
	return contact as IDataObject;
}
