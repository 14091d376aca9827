import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WebhookType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CallbellTrigger } from '../../nodes/CallbellTrigger/CallbellTrigger.node';
import { additionalDataFor, singleNodeWorkflow } from './n8n';

/**
 * Runs the Callbell Trigger's webhook() and lifecycle methods in n8n-core's real WebhookContext
 * and HookContext (what n8n's server builds for each request and each (de)activation), with a
 * recorded request/response pair instead of Express objects.
 */

export const TRIGGER_NODE_TYPE = 'n8n-nodes-callbell.callbellTrigger';
export const WEBHOOK_ID = 'c0ffee00-1111-4222-8333-444455556666';

export interface TriggerCredentials {
	apiToken: string;
	baseUrl: string;
	webhookSecret?: string;
}

export interface TriggerSetup {
	parameters: INodeParameters;
	credentials: TriggerCredentials;
	/** Where n8n's webhooks live (the production and test URLs are below it). */
	n8nBaseUrl?: string;
	workflowId?: string;
	/** Shared between calls, as n8n keeps a workflow's static data. */
	staticData?: IDataObject;
}

export function triggerNode(parameters: INodeParameters): INode {
	return {
		id: 'callbell-trigger-node',
		name: 'Callbell Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: WEBHOOK_ID,
		credentials: { callbellApi: { id: 'cred-1', name: 'Callbell (test)' } },
	};
}

function setUp(setup: TriggerSetup, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
	const nodeType = new CallbellTrigger();
	const node = triggerNode(setup.parameters);
	const workflow = singleNodeWorkflow(node, nodeType, setup.workflowId ?? 'triggerTest', 'Callbell Trigger test');
	if (setup.staticData) workflow.staticData = setup.staticData as typeof workflow.staticData;
	const base = setup.n8nBaseUrl ?? 'http://127.0.0.1:9';
	const additionalData = {
		...additionalDataFor(setup.credentials),
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		...extra,
	} as IWorkflowExecuteAdditionalData;
	return { nodeType, node, workflow, additionalData };
}

function webhookData(name: WebhookType, workflowId: string, isTest: boolean, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
	return {
		httpMethod: name === 'setup' ? 'GET' : 'POST',
		node: 'Callbell Trigger',
		path: `${WEBHOOK_ID}/callbell`,
		webhookDescription: { name, httpMethod: name === 'setup' ? 'GET' : 'POST', path: 'callbell' },
		workflowId,
		workflowExecuteAdditionalData: additionalData,
		webhookId: WEBHOOK_ID,
		isTest,
	};
}

export interface Delivery {
	name?: WebhookType;
	/** The parsed JSON body, as n8n's body parser leaves it. */
	body?: unknown;
	/** The exact bytes received; defaults to JSON.stringify(body). */
	rawBody?: string;
	headers?: Record<string, string>;
	mode?: WorkflowExecuteMode;
}

export interface RecordedResponse {
	status?: number;
	body?: unknown;
	/** When the node sent the body itself (Date.now()), for "answered before …" checks. */
	answeredAt?: number;
}

export async function deliver(setup: TriggerSetup, delivery: Delivery) {
	const raw = delivery.rawBody ?? (delivery.body === undefined ? '' : JSON.stringify(delivery.body));
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	for (const [key, value] of Object.entries(delivery.headers ?? {})) headers[key.toLowerCase()] = value;
	const request = { body: delivery.body ?? {}, rawBody: Buffer.from(raw), headers, params: {}, query: {}, method: delivery.name === 'setup' ? 'GET' : 'POST' };
	const response: RecordedResponse = {};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.answeredAt = Date.now();
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.answeredAt = Date.now();
			return res;
		},
		end() {
			return res;
		},
	};
	const { nodeType, node, workflow, additionalData } = setUp(setup, {
		httpRequest: request as never,
		httpResponse: res as never,
	});
	const name = delivery.name ?? 'default';
	const mode = delivery.mode ?? 'webhook';
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData(name, workflow.id, mode === 'manual', additionalData), [], null);
	const result: IWebhookResponseData = await nodeType.webhook.call(context);
	return { result, response, staticData: workflow.staticData };
}

export type LifecycleMethod = 'checkExists' | 'create' | 'delete';

/** One lifecycle call as n8n makes it: production (activation) or a test listen (`isTest`). */
export async function lifecycle(setup: TriggerSetup, method: LifecycleMethod, { isTest = false } = {}) {
	const { nodeType, node, workflow, additionalData } = setUp(setup);
	const data = webhookData('default', workflow.id, isTest, additionalData);
	const context = new HookContext(workflow, node, additionalData, isTest ? 'manual' : 'trigger', isTest ? 'manual' : 'activate', data);
	const result = await nodeType.webhookMethods.default[method].call(context);
	return { result, staticData: workflow.staticData as IDataObject, url: context.getNodeWebhookUrl('default') };
}
