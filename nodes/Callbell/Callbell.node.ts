import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as contact from './actions/contact/Contact.resource';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import * as resourceMapping from './methods/resourceMapping';

export class Callbell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Callbell',
		name: 'callbell',
		icon: { light: 'file:../../icons/callbell.svg', dark: 'file:../../icons/callbell.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage contacts, conversations and bots in Callbell, the shared inbox for WhatsApp, Instagram, Messenger and Telegram',
		defaults: { name: 'Callbell' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'callbellApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact', value: 'contact' }],
				default: 'contact',
			},
			...contact.description,
		],
	};

	methods = {
		listSearch: { searchContacts: listSearch.searchContacts },
		loadOptions: {
			getChannels: loadOptions.getChannels,
			getFunnels: loadOptions.getFunnels,
			getTeams: loadOptions.getTeams,
			getUsers: loadOptions.getUsers,
		},
		resourceMapping: { getCustomFields: resourceMapping.getCustomFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
