import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './description';
import { assertTestMayRegister, isTestUrl, probeProduction, productionUrlOf, subscribe, unsubscribe } from './registration';
import { receiveDelivery } from './webhook';

const WEBHOOK_PATH = 'callbell';
/**
 * No response data of its own: n8n then answers an onReceived webhook with the `webhookResponse`
 * that webhook() returns beside the run ({"status":"ok"}), as JSON. An expression here (it was
 * `={{ { "status": "ok" } }}`) made n8n 2.41 build a V8 isolate for every delivery to evaluate it,
 * about 80 ms of CPU each (docs/queue-mode.md §9, "Where the CPU goes").
 */
const NO_RESPONSE_DATA = '';

function isAutomatic(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'automatic') === 'automatic';
}

export class CallbellTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Callbell Trigger',
		name: 'callbellTrigger',
		icon: { light: 'file:../../icons/callbell.svg', dark: 'file:../../icons/callbell.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n 2.41 evaluates the legacy expression `$parameter.options.binaryData`
		// for every request to a trigger of version 1 (webhook-helpers parseRequestBody), which builds
		// a V8 isolate (~80 ms of CPU); from 1.1 on it skips that (docs/queue-mode.md §9).
		version: [1, 1.1],
		subtitle: '={{ $parameter["events"].join(", ") }}',
		// n8n's node creator lists this trigger and the Callbell node as one "Callbell" entry and
		// shows this description for both (n8n-editor-ui, useActionsGeneration:
		// generateMergedNodesAndActions, `app.description = trigger.description`), so it names the
		// actions first and the events after.
		description:
			'Send WhatsApp messages and templates, update contacts and conversations, and start workflows on incoming messages and other Callbell events (WhatsApp, Instagram, Messenger, Telegram)',
		defaults: { name: 'Callbell Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'callbellApi', required: true }],
		webhooks: [
			// onReceived: answered as soon as the execution is queued, with webhook()'s webhookResponse
			// (left unset, responseData would default to the text "firstEntryJson").
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: NO_RESPONSE_DATA, path: WEBHOOK_PATH },
			// GET on the same path: Callbell-style health checks, and the probe that tells a test
			// listen whether this node's production webhook is live (see registration.ts).
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH, ndvHideUrl: true },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Callbell cannot be asked which URL it holds: (re)subscribe on every activation.
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) {
					this.logger.debug('Callbell Trigger: Registration is Manual, Callbell’s webhook is left as set in its dashboard');
					return true;
				}
				const url = this.getNodeWebhookUrl('default') as string;
				if (isTestUrl(url)) await assertTestMayRegister.call(this, url);
				await subscribe.call(this, url);
				this.getWorkflowStaticData('node').subscribedUrl = url;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!isAutomatic(this)) {
					this.logger.debug('Callbell Trigger: Registration is Manual, nothing to unsubscribe');
					return true;
				}
				const url = this.getNodeWebhookUrl('default') as string;
				const staticData = this.getWorkflowStaticData('node');
				if (isTestUrl(url)) {
					// Only undo what this test listen did, and never while production is live.
					if (staticData.subscribedUrl !== url) return true;
					const probe = await probeProduction.call(this, productionUrlOf(url));
					if (probe.state !== 'absent') {
						this.logger.info(`Callbell Trigger: test listen ended; the production webhook is live (${probe.detail}), left subscribed`);
						return true;
					}
				}
				await unsubscribe.call(this);
				delete staticData.subscribedUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
