import { defineResource } from '../defineResource';
import * as getAll from './getAll.operation';

export const funnel = defineResource(
	{
		name: 'Funnel',
		value: 'funnel',
		description: 'The stages conversations move through, e.g. Awareness → Interest → Decision',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['funnel'] } },
		options: [{ name: 'Get Many', value: 'getAll', description: 'List the funnel stages in their order', action: 'Get many funnel stages' }],
		default: 'getAll',
	},
	{ getAll },
);
