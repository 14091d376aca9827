import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../common.descriptions';

/** Send and Wait for Response's own fields (the recipient and the channel are Send's). */

const forTemplate = { show: { sendAs: ['auto', 'template'] } };

export const sendAndWaitNotice: INodeProperties = {
	displayName:
		'Sends one message (for the first input item) with a link, then pauses the execution until the recipient answers through the link or the wait limit passes. WhatsApp allows a free-form text only within 24 hours of the customer’s last message; outside that window an approved template carries the message and the link(s). The message is never sent twice.',
	name: 'sendAndWaitNotice',
	type: 'notice',
	default: '',
};

export const sendAsField: INodeProperties = {
	displayName: 'Send As',
	name: 'sendAs',
	type: 'options',
	noDataExpression: true,
	default: 'auto',
	description: 'WhatsApp’s 24-hour rule: which message carries the link(s)',
	options: [
		{
			name: 'Text, or Template Outside the 24-Hour Window',
			value: 'auto',
			description: 'A text message; if Callbell refuses it because the customer last wrote more than 24 hours ago, the template below',
		},
		{ name: 'Text Only', value: 'text', description: 'A text message: within 24 hours of the customer’s last message, or on other channels' },
		{ name: 'Template Only', value: 'template', description: 'The approved template below, at any time' },
	],
};

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	placeholder: 'e.g. Refund of 40 EUR for order A-1042: do you approve?',
	description: 'The question. In a text message the link(s) follow it; in a template it is {{1}}.',
};

export const waitTemplateFields: INodeProperties[] = [
	{
		displayName:
			'The template’s variables take, in order, the message and the link(s): {{1}} the message, {{2}} the approve (or respond) link, {{3}} the decline link (Approve and Decline only). Its number of variables must match.',
		name: 'waitTemplateNotice',
		type: 'notice',
		default: '',
		displayOptions: forTemplate,
	},
	{
		...idLocator({
			displayName: 'Template',
			name: 'template',
			description: 'An approved WhatsApp text template of the account, with a variable for the message and one for each link, e.g. "{{1}} Approve: {{2}} Decline: {{3}}"',
			searchListMethod: 'searchApprovedTemplates',
			listPlaceholder: 'Select an approved template...',
			placeholder: 'e.g. d980fb66fd5043d3ace1aa06ba044342',
		}),
		required: false,
		displayOptions: forTemplate,
	},
	{
		displayName: 'Opt-in Confirmation',
		name: 'optIn',
		type: 'boolean',
		default: false,
		description: 'Whether the contact agreed to receive WhatsApp templates from you. Callbell sends a template only with this confirmation (optin_contact).',
		displayOptions: forTemplate,
	},
];

export const responseTypeField: INodeProperties = {
	displayName: 'Response Type',
	name: 'responseType',
	type: 'options',
	noDataExpression: true,
	default: 'approval',
	options: [
		{ name: 'Approval', value: 'approval', description: 'The recipient approves (or declines) through a link' },
		{ name: 'Free Text', value: 'freeText', description: 'The recipient answers in a form with one text field' },
		{ name: 'Custom Form', value: 'customForm', description: 'The recipient answers in a form with your fields' },
	],
};

const forForm = { show: { responseType: ['customForm'] } };

export const approvalOptionsField: INodeProperties = {
	displayName: 'Approval Options',
	name: 'approvalOptions',
	type: 'fixedCollection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { responseType: ['approval'] } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Type of Approval',
					name: 'approvalType',
					type: 'options',
					default: 'single',
					options: [
						{ name: 'Approve Only', value: 'single' },
						{ name: 'Approve and Decline', value: 'double' },
					],
				},
				{ displayName: 'Approve Button Label', name: 'approveLabel', type: 'string', default: 'Approve', description: 'The words of the approve link and button, e.g. Approve refund' },
				{
					displayName: 'Decline Button Label',
					name: 'disapproveLabel',
					type: 'string',
					default: 'Decline',
					description: 'The words of the decline link and button, e.g. Decline',
					displayOptions: { show: { approvalType: ['double'] } },
				},
			],
		},
	],
};

export const formFields: INodeProperties[] = [
	{
		displayName: 'Define Form',
		name: 'defineForm',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		displayOptions: forForm,
	},
	{
		displayName: 'Form Elements',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Element',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['fields'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{ displayName: 'Field Label', name: 'fieldLabel', type: 'string', default: '', required: true, placeholder: 'e.g. Amount', description: 'Also the key of the answer in the output' },
					{
						displayName: 'Field Options',
						name: 'fieldOptions',
						type: 'fixedCollection',
						placeholder: 'Add Field Option',
						typeOptions: { multipleValues: true },
						default: { values: [{ option: '' }] },
						displayOptions: { show: { fieldType: ['checkbox', 'dropdown', 'radio'] } },
						options: [{ displayName: 'Values', name: 'values', values: [{ displayName: 'Option', name: 'option', type: 'string', default: '', description: 'One choice the person can pick, e.g. Next week' }] }],
					},
					{
						displayName: 'Field Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Checkboxes', value: 'checkbox' },
							{ name: 'Date', value: 'date' },
							{ name: 'Dropdown List', value: 'dropdown' },
							{ name: 'Email', value: 'email' },
							{ name: 'Number', value: 'number' },
							{ name: 'Radio Buttons', value: 'radio' },
							{ name: 'Text', value: 'text' },
							{ name: 'Textarea', value: 'textarea' },
						],
					},
					{ displayName: 'Placeholder', name: 'placeholder', type: 'string', default: '', description: 'A hint shown in the empty field, e.g. The order number' },
					{ displayName: 'Required Field', name: 'requiredField', type: 'boolean', default: false, description: 'Whether the form refuses an answer without this field' },
				],
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'jsonOutput',
		type: 'json',
		typeOptions: { rows: 5 },
		default: '[\n  {\n    "fieldLabel": "Amount",\n    "fieldType": "number",\n    "requiredField": true\n  },\n  {\n    "fieldLabel": "Comment",\n    "fieldType": "textarea"\n  }\n]',
		description: 'A list of fields in n8n’s Form format: fieldLabel, fieldType (text, textarea, number, email, date, dropdown, checkbox, radio), requiredField, placeholder, fieldOptions.values[].option',
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['json'] } },
	},
];

export const responseOptionsField: INodeProperties = {
	displayName: 'Response Options',
	name: 'responseOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'fixedCollection',
			description: 'Whether to stop waiting after a while; the node then passes its input on unchanged, and the link only says that no answer is needed anymore',
			default: { values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'hours' } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Limit Type',
							name: 'limitType',
							type: 'options',
							default: 'afterTimeInterval',
							options: [
								{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
								{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until a date and time' },
							],
						},
						{ displayName: 'Amount', name: 'resumeAmount', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 1, description: 'How many units to wait, above 0, e.g. 2', displayOptions: { show: { limitType: ['afterTimeInterval'] } } },
						{
							displayName: 'Unit',
							name: 'resumeUnit',
							type: 'options',
							default: 'hours',
							options: [
								{ name: 'Minutes', value: 'minutes' },
								{ name: 'Hours', value: 'hours' },
								{ name: 'Days', value: 'days' },
							],
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{ displayName: 'Max Date and Time', name: 'maxDateAndTime', type: 'dateTime', default: '', description: 'When the wait ends without an answer, in the future, e.g. 2026-12-24T18:00:00Z', displayOptions: { show: { limitType: ['atSpecifiedTime'] } } },
					],
				},
			],
		},
		{ displayName: 'Message Button Label', name: 'messageButtonLabel', type: 'string', default: 'Respond', description: 'The words before the form’s link (Free Text and Custom Form)' },
		{ displayName: 'Response Form Button Label', name: 'responseFormButtonLabel', type: 'string', default: 'Submit', description: 'The words of the form’s send button, e.g. Send answer' },
		{ displayName: 'Response Form Description', name: 'responseFormDescription', type: 'string', default: '', description: 'Shown above the form; the message when empty' },
		{ displayName: 'Response Form Title', name: 'responseFormTitle', type: 'string', default: '', description: 'The heading of the form page, e.g. Refund request; "Your answer" when empty' },
	],
};
