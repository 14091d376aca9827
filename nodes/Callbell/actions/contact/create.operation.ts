import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContactCreateInput } from './helpers/contactCreate';
import { buildContactCreateBody } from './helpers/contactCreate';
import type { ExecutionContext } from '../types';
import { CLEARING_FIELDS, contactFields } from './contactFields';
import { channelField, identifierField, nameField, postContact, sourceField } from './createFields';
import { accountCustomFields, readAccountCustomFields } from './accountCustomFields';
import { optionsCollection } from '../common.descriptions';

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
	identifierField,
	sourceField,
	nameField,
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
	return await postContact.call(this, itemIndex, context, body);
}
