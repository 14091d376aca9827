import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ContactCreateBody } from './helpers/contactCreate';
import { buildContactCreateBody } from './helpers/contactCreate';
import { toLookupKey } from './helpers/contactLookup';
import type { UpdateFieldsInput } from './helpers/contactUpdate';
import { buildContactUpdateBody } from './helpers/contactUpdate';
import { InputError } from '../../helpers/InputError';
import { toTagMode } from './helpers/tags';
import { isNodeApiError, toCallbellApiError } from '../../transport/errors';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { accountCustomFields, readAccountCustomFields } from './accountCustomFields';
import { contactFields } from './contactFields';
import { channelField, identifierField, nameField, postContact, sourceField } from './createFields';
import { patchContact, tagModeField } from './patchContact';
import { unwrapContact } from '../../helpers/contacts';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	identifierField,
	sourceField,
	{
		...channelField,
		description:
			'The channel to look the contact up on and to create it in, by its ID (e.g. 35f6f8ccb55042788a2e099f3a4e0730). Leave empty for the main WhatsApp channel; required for other sources. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ ...nameField, description: 'The contact name, set on a new contact and on an existing one' },
	tagModeField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Set on a new contact, changed on an existing one. A field whose value is empty is not sent. Unassign User and Clear Note only apply to an existing contact.',
		options: contactFields.filter((field) => field.name !== 'name'),
	},
	accountCustomFields,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['createOrUpdate'] } }, properties);

/** `GET /contacts/phone/:key` (with `channel_uuid`): the contact's uuid, or undefined when Callbell answers 404. */
async function findUuid(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext, key: string, channel?: string) {
	try {
		const response = await callbellApiRequest.call(this, context.api, {
			method: 'GET',
			path: `/contacts/phone/${encodeURIComponent(key)}`,
			qs: channel ? { channel_uuid: channel } : undefined,
			itemIndex,
		});
		const uuid = unwrapContact(response)?.uuid;
		if (typeof uuid === 'string') return uuid;
		throw new NodeOperationError(this.getNode(), `Callbell answered the lookup without a contact [item ${itemIndex}]`, { itemIndex });
	} catch (error) {
		if (isNodeApiError(error) && error.httpCode === '404') return undefined;
		throw error instanceof NodeOperationError ? error : toCallbellApiError(this.getNode(), error, itemIndex);
	}
}

/** Callbell refused the create because the identifier exists (another run created it meanwhile). */
function isDuplicate(error: unknown): boolean {
	return isNodeApiError(error) && error.httpCode === '422' && /already (been )?taken|already exists|duplicate/i.test(`${error.description ?? ''} ${error.message}`);
}

/**
 * Upsert: look the contact up by identifier (and channel); PATCH it when found, POST it when
 * Callbell answers 404. When the POST answers that the identifier already exists (two runs
 * creating the same contact at once), the contact is read again and PATCHed, once.
 * Outputs the contact plus `action: "created" | "updated"`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const { mapped, definitions } = await readAccountCustomFields.call(this, itemIndex, context);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as UpdateFieldsInput;
	const name = this.getNodeParameter('name', itemIndex, '');
	const createBody: ContactCreateBody = buildContactCreateBody(
		{
			identifier: this.getNodeParameter('identifier', itemIndex, ''),
			source: this.getNodeParameter('source', itemIndex, ''),
			name,
			additionalFields: { ...fields, channelUuid: this.getNodeParameter('channelUuid', itemIndex, '') },
		},
		definitions,
		mapped,
	);
	const updateBody = buildContactUpdateBody({ ...fields, name }, definitions, mapped);
	const tagMode = toTagMode(this.getNodeParameter('tagMode', itemIndex, 'replace'));
	const channel = createBody.channel_uuid;
	if (!channel && createBody.source !== 'whatsapp') {
		throw new InputError('Channel', `is required for ${createBody.source} contacts`, 'Without a channel Callbell looks the identifier up on the main WhatsApp channel');
	}
	const key = toLookupKey(createBody.identifier, createBody.source);

	const found = await findUuid.call(this, itemIndex, context, key, channel);
	if (found) return { ...(await patchContact.call(this, itemIndex, context, found, updateBody, tagMode)), action: 'updated' };

	// A new contact has no tags to remove.
	if (tagMode === 'remove') delete createBody.tags;
	try {
		return { ...(await postContact.call(this, itemIndex, context, createBody)), action: 'created' };
	} catch (error) {
		if (!isDuplicate(error)) throw error instanceof NodeOperationError ? error : toCallbellApiError(this.getNode(), error, itemIndex);
		const uuid = await findUuid.call(this, itemIndex, context, key, channel);
		if (!uuid) {
			const apiError = toCallbellApiError(this.getNode(), error, itemIndex);
			apiError.description = `${apiError.description ?? ''} Callbell says the contact exists, but the lookup by identifier does not find it.`.trim();
			throw apiError;
		}
		return { ...(await patchContact.call(this, itemIndex, context, uuid, updateBody, tagMode)), action: 'updated' };
	}
}
