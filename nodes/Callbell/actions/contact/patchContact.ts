import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContactUpdateBody } from './helpers/contactUpdate';
import { contactPath } from '../../transport/paths';
import type { TagMode } from './helpers/tags';
import { mergeTags } from './helpers/tags';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactFromResponse } from '../contactLookup';

/** Tag Mode of Update and Create or Update. */
export const tagModeField: INodeProperties = {
	displayName: 'Tag Mode',
	name: 'tagMode',
	type: 'options',
	default: 'replace',
	description: 'What Tags in Update Fields does to the contact’s tags',
	options: [
		{ name: 'Replace', value: 'replace', description: 'The contact gets exactly these tags; tags not listed are removed from it' },
		{
			name: 'Add',
			value: 'add',
			description: 'Read the contact, add these tags to its tags (no request when it already has them)',
		},
		{
			name: 'Remove',
			value: 'remove',
			description: 'Read the contact, remove these tags from its tags (no request when it has none of them)',
		},
	],
};

/**
 * `PATCH /contacts/:uuid` with a validated body. With Tag Mode Add or Remove the contact is read
 * first and its tags merged; when nothing is left to change, no PATCH is sent and the contact as
 * read is returned.
 */
export async function patchContact(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
	uuid: string,
	body: ContactUpdateBody,
	tagMode: TagMode,
): Promise<IDataObject> {
	if (tagMode !== 'replace' && body.tags) {
		const read = await callbellApiRequest.call(this, context.api, { method: 'GET', path: contactPath(uuid), itemIndex });
		const current = contactFromResponse.call(this, read, itemIndex, 'Nothing was changed.');
		const currentTags = Array.isArray(current.tags) ? (current.tags as string[]) : [];
		const { tags, changed } = mergeTags(currentTags, body.tags, tagMode);
		if (changed) body.tags = tags;
		else delete body.tags;
		if (Object.keys(body).length === 0) return current;
	}

	const response = await callbellApiRequest.call(this, context.api, {
		method: 'PATCH',
		path: contactPath(uuid),
		body: body as IDataObject,
		itemIndex,
	});
	return contactFromResponse.call(this, response, itemIndex, 'The update may have been applied.');
}
