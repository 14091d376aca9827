import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as deleteStatus from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customStatus = defineResource(
	{
		name: 'Custom Status',
		value: 'customStatus',
		description: 'An agent presence label such as "Lunch" or "Vacationing" (not a contact field)',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customStatus'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an agent presence label', action: 'Create a custom status' },
			{ name: 'Delete', value: 'delete', description: 'Delete a custom status', action: 'Delete a custom status' },
			{ name: 'Get', value: 'get', description: 'Get a custom status', action: 'Get a custom status' },
			{ name: 'Get Many', value: 'getAll', description: 'List the custom statuses', action: 'Get many custom statuses' },
			{ name: 'Update', value: 'update', description: 'Change a custom status’s name or emoji', action: 'Update a custom status' },
		],
		default: 'getAll',
	},
	{ create, delete: deleteStatus, get, getAll, update },
);
