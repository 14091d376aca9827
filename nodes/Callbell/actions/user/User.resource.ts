import { defineResource } from '../defineResource';
import * as clearCustomStatus from './clearCustomStatus.operation';
import * as setStatus from './setStatus.operation';

export const user = defineResource(
	{
		name: 'User',
		value: 'user',
		description: 'An agent of the Callbell account: availability and custom status',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Clear Custom Status',
				value: 'clearCustomStatus',
				description: 'Take an agent’s custom status away',
				action: 'Clear the custom status of a user',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Set an agent available or away, and/or give them a custom status',
				action: 'Set the status of a user',
			},
		],
		default: 'setStatus',
	},
	{ clearCustomStatus, setStatus },
);
