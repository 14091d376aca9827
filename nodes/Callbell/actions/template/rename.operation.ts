import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toTitle } from '../../helpers/names';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { templateFromResponse, templateLocator, templatePath } from './locator';
import { withVariables } from './variables';
import { optionsCollection } from '../common.descriptions';
import { readLocatorId } from '../parameters';

const properties: INodeProperties[] = [
	templateLocator,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Order shipped (v2)',
		description: 'The new title of the template in Callbell. Its text and approval do not change.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['rename'] } }, properties);

/** `PATCH /templates/:uuid` with `{ title }`; outputs the renamed template. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const title = toTitle('Title', this.getNodeParameter('title', itemIndex, ''));
	const uuid = readLocatorId.call(this, 'template', 'Template', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'PATCH',
		path: templatePath(uuid),
		body: { title },
		itemIndex,
	});
	return withVariables(templateFromResponse.call(this, response, itemIndex));
}
