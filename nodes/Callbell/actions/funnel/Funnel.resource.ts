import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationExecute } from '../types';
import * as getAll from './getAll.operation';

export const resource: INodePropertyOptions = {
	name: 'Funnel',
	value: 'funnel',
	description: 'The stages conversations move through, e.g. Awareness → Interest → Decision',
};

export const operations: Record<string, OperationExecute> = { getAll: getAll.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['funnel'] } },
		options: [{ name: 'Get Many', value: 'getAll', description: 'List the funnel stages in their order', action: 'Get many funnel stages' }],
		default: 'getAll',
	},
	...getAll.description,
];
