import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as rename from './rename.operation';

export const team = defineResource(
	{
		name: 'Team',
		value: 'team',
		description: 'A team inbox of agents',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a team', action: 'Get a team' },
			{ name: 'Get Many', value: 'getAll', description: 'List the teams', action: 'Get many teams' },
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List a team’s members, optionally only those available or away',
				action: 'Get the members of a team',
			},
			{ name: 'Rename', value: 'rename', description: 'Change a team’s name', action: 'Rename a team' },
		],
		default: 'getAll',
	},
	{ get, getAll, getMembers, rename },
);
