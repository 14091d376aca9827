import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toEmoji, toName } from '../../helpers/names';
import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { optionsCollection } from '../common.descriptions';

/** Shared with Update: Callbell does not document `emoji` in bodies, so it is optional and said so. */
export const emojiField: INodeProperties = {
	displayName: 'Emoji',
	name: 'emoji',
	type: 'string',
	default: '',
	placeholder: 'e.g. 🥪',
	description: 'Shown next to the name. Callbell’s docs show it on statuses but not in requests, so an account may ignore it.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Lunch',
		description: 'The label agents see, e.g. Lunch or Vacationing',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [emojiField],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['customStatus'], operation: ['create'] } }, properties);

/** `POST /custom_statuses` with `{ name, emoji? }`; outputs the created status. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const name = toName('Name', this.getNodeParameter('name', itemIndex, ''));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as { emoji?: unknown };
	const emoji = toEmoji(fields.emoji);
	const body: IDataObject = emoji === undefined ? { name } : { name, emoji };
	const response = await callbellApiRequest.call(this, context.api, { method: 'POST', path: '/custom_statuses', body, itemIndex });
	return objectFrom.call(this, response, 'customStatus', itemIndex, 'The custom status may have been created.');
}
