import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as clearCustomStatus from './clearCustomStatus.operation';
import * as setStatus from './setStatus.operation';

export const resource: INodePropertyOptions = {
	name: 'User',
	value: 'user',
	description: 'An agent of the Callbell account: availability and custom status',
};

export const operations: Record<string, OperationExecute> = {
	clearCustomStatus: clearCustomStatus.execute,
	setStatus: setStatus.execute,
};

export const description: INodeProperties[] = [
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
	...clearCustomStatus.description,
	...setStatus.description,
];
