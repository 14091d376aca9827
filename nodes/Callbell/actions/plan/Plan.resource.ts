import { defineResource } from '../defineResource';
import * as get from './get.operation';

export const plan = defineResource(
	{
		name: 'Plan',
		value: 'plan',
		description: 'The account’s Callbell plan, seats and active users',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plan'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get the plan, licenses, active users and teams', action: 'Get the plan' }],
		default: 'get',
	},
	{ get },
);
