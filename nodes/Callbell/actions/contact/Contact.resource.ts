import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as update from './update.operation';

export const operations: Record<string, OperationExecute> = {
	update: update.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: 'Change name, tags, custom fields, assignment, team, bot status or note',
				action: 'Update a contact',
			},
		],
		default: 'update',
	},
	...update.description,
];
