import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContactCreateInput } from '../../helpers/contactCreate';
import { buildContactCreateBody } from '../../helpers/contactCreate';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { optionsCollection } from '../requestOptions';
import { CLEARING_FIELDS, contactFields, SOURCE_OPTIONS } from './contactFields';
import { contactFromResponse } from './results';
import { accountCustomFields, readAccountCustomFields } from './accountCustomFields';

const channelField: INodeProperties = {
	displayName: 'Channel Name or ID',
	name: 'channelUuid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	description:
		'The channel to attach the contact to. Leave empty for the main channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Update's fields minus the clearing toggles and Name (a required parameter here), plus Channel. */
const additionalFields: INodeProperties[] = [
	...contactFields
		.filter((field) => !CLEARING_FIELDS.includes(field.name) && field.name !== 'name')
		.map((field) =>
			field.name === 'tags'
				? { ...field, description: 'Tags separated by commas, or an expression returning a list. Tags must already exist in Callbell.' }
				: field,
		),
	channelField,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
	{
		displayName: 'Identifier',
		name: 'identifier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +44 7700 900001',
		description: 'The phone number (WhatsApp) or the platform ID (Instagram, Messenger, Telegram) of the contact',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		required: true,
		default: 'whatsapp',
		description: 'The channel type the contact writes from',
		options: SOURCE_OPTIONS,
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ada Lovelace',
		description: 'The contact name',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'A field whose value (or expression result) is empty is not sent',
		options: additionalFields,
	},
	accountCustomFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

/** `POST /contacts`; outputs the created contact. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const { mapped, definitions } = await readAccountCustomFields.call(this, itemIndex, context);
	const body = buildContactCreateBody(
		{
			identifier: this.getNodeParameter('identifier', itemIndex, ''),
			source: this.getNodeParameter('source', itemIndex, ''),
			name: this.getNodeParameter('name', itemIndex, ''),
			additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}) as ContactCreateInput['additionalFields'],
		},
		definitions,
		mapped,
	);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: '/contacts',
		body: body as unknown as IDataObject,
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, 'The contact may have been created.');
}
