import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { InputError } from '../../helpers/InputError';
import { isEmptyValue, toText } from '../../helpers/values';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Hey @john.doe, this customer asked for a callback',
		description:
			'The internal note, visible to your team only. Mention a Callbell user with @ and their username, e.g. @john.doe, to notify them.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['addNote'] } }, properties);

/** `POST /contacts/:uuid/conversation/note`; outputs Callbell's answer (`{ success: true }`) plus the uuid. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const raw = this.getNodeParameter('text', itemIndex, '');
	if (isEmptyValue(raw)) throw new InputError('Text', 'is required', 'Enter the note to add');
	const text = toText('Text', raw);
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: contactPath(uuid, '/conversation/note'),
		body: { text },
		itemIndex,
	});
	const answer = typeof response === 'object' && response !== null && !Array.isArray(response) ? (response as IDataObject) : {};
	return { success: true, ...answer, uuid };
}
