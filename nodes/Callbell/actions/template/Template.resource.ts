import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export const template = defineResource(
	{
		name: 'Template',
		value: 'template',
		description: 'A WhatsApp message template, approved by WhatsApp before it can be sent',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a template with its text and status', action: 'Get a template' },
			{ name: 'Get Many', value: 'getAll', description: 'List the account’s templates', action: 'Get many templates' },
			{ name: 'Rename', value: 'rename', description: 'Change the title of a template', action: 'Rename a template' },
		],
		default: 'getAll',
	},
	{ get, getAll, rename },
);
