import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { templateFromResponse, templateLocator, templatePath } from './locator';
import { withVariables } from './variables';
import { optionsCollection } from '../common.descriptions';
import { readLocatorId } from '../parameters';

const properties: INodeProperties[] = [templateLocator, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['get'] } }, properties);

/** `GET /templates/:uuid`; outputs the template with its number of variables. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = readLocatorId.call(this, 'template', 'Template', itemIndex);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: templatePath(uuid), itemIndex });
	return withVariables(templateFromResponse.call(this, response, itemIndex));
}
