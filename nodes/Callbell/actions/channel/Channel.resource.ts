import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';

export const channel = defineResource(
	{
		name: 'Channel',
		value: 'channel',
		description: 'A WhatsApp number, Instagram account, Messenger page or Telegram bot connected to Callbell',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a channel', action: 'Get a channel' },
			{ name: 'Get Many', value: 'getAll', description: 'List the account’s channels', action: 'Get many channels' },
			{ name: 'Rename', value: 'rename', description: 'Change the title of a channel', action: 'Rename a channel' },
		],
		default: 'getAll',
	},
	{ get, getAll, rename },
);
