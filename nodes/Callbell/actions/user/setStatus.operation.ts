import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildUserStatusBody } from '../../helpers/userStatus';
import { toCallbellId } from '../../helpers/values';
import { callbellApiRequest } from '../../transport/request';
import { objectFrom } from '../answers';
import type { ExecutionContext } from '../types';
import { userStatusPath, userUuidField } from './userUuid';
import { customStatusLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	userUuidField,
	{
		displayName: 'Availability',
		name: 'availability',
		type: 'options',
		default: 'available',
		options: [
			{ name: 'Available', value: 'available' },
			{ name: 'Away', value: 'away' },
			{ name: 'Leave Unchanged', value: 'unchanged' },
		],
	},
	{
		displayName: 'Custom Status Action',
		name: 'customStatusAction',
		type: 'options',
		default: 'unchanged',
		description: 'Whether to give the user a custom status, take theirs away, or leave it',
		options: [
			{ name: 'Clear', value: 'clear', description: 'Take the user’s custom status away (sends null)' },
			{ name: 'Leave Unchanged', value: 'unchanged' },
			{ name: 'Set', value: 'set', description: 'Give the user the custom status chosen below' },
		],
	},
	{ ...customStatusLocator, displayOptions: { show: { customStatusAction: ['set'] } } },
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['setStatus'] } }, properties);

/** `PUT /users/:uuid/status` with `available` and/or `custom_status_uuid`; outputs `user_status` and the uuid. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const action = this.getNodeParameter('customStatusAction', itemIndex, 'unchanged');
	const locator = action === 'set' ? (this.getNodeParameter('customStatus', itemIndex, '') as INodeParameterResourceLocator | string) : undefined;
	const body = buildUserStatusBody({
		availability: this.getNodeParameter('availability', itemIndex, 'unchanged'),
		customStatusAction: action,
		customStatus: typeof locator === 'object' && locator !== null ? locator.value : locator,
	});
	const uuid = toCallbellId('User UUID', this.getNodeParameter('userUuid', itemIndex, ''));
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'PUT',
		path: userStatusPath(uuid),
		body: body as IDataObject,
		itemIndex,
	});
	return { ...objectFrom.call(this, response, 'user_status', itemIndex, 'The status may have been set.'), userUuid: uuid };
}
