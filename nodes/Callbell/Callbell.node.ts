import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './actions/message/sendAndWaitWebhook';
import { methods } from './methods';

export class Callbell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Callbell',
		name: 'callbell',
		icon: { light: 'file:../../icons/callbell.svg', dark: 'file:../../icons/callbell.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send WhatsApp messages and templates; manage contacts, conversations, bots, teams, agent statuses and the webhook in Callbell, the shared inbox for WhatsApp, Instagram, Messenger and Telegram',
		defaults: { name: 'Callbell' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'callbellApi', required: true }],
		// Message → Send and Wait for Response resumes its execution through these (see sendAndWaitWebhook).
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// In the order of `resources`: the jobs users come for first (n8n's node creator lists
				// the actions in this order too), then the rest alphabetically.
				options: resources.map((entry) => entry.resource),
				default: 'contact',
			},
			...resources.flatMap((entry) => entry.description),
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
