import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { toEmoji, toName } from '../../helpers/names';
import { isEmptyValue } from '../../helpers/values';
import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { emojiField } from './create.operation';
import { customStatusPath } from './customStatusPath';
import { readLocatorId } from '../parameters';
import { customStatusLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	customStatusLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'A field whose value (or expression result) is empty is not sent',
		options: [
			emojiField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Back in a bit', description: 'The new label agents see, e.g. Back in a bit' },
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['customStatus'], operation: ['update'] } }, properties);

/** `PUT /custom_statuses/:id` with `{ name?, emoji? }`; outputs the updated status. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as { name?: unknown; emoji?: unknown };
	const body: IDataObject = {};
	if (!isEmptyValue(fields.name)) body.name = toName('Name', fields.name);
	const emoji = toEmoji(fields.emoji);
	if (emoji !== undefined) body.emoji = emoji;
	if (Object.keys(body).length === 0) throw new InputError('Update Fields', 'contain nothing to update', 'Add Name or Emoji');
	const id = readLocatorId.call(this, 'customStatus', 'Custom Status', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'PUT', path: customStatusPath(id), body, itemIndex });
	return objectFrom.call(this, response, 'customStatus', itemIndex, 'The update may have been applied.');
}
