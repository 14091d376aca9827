import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as get from './get.operation';

export const resource: INodePropertyOptions = {
	name: 'Plan',
	value: 'plan',
	description: 'The account’s Callbell plan, seats and active users',
};

export const operations: Record<string, OperationExecute> = { get: get.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plan'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get the plan, licenses, active users and teams', action: 'Get the plan' }],
		default: 'get',
	},
	...get.description,
];
