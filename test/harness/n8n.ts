import type { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Callbell } from '../../nodes/Callbell/Callbell.node';
import { TestCredentialsHelper } from './credentials';

/**
 * The parts of an n8n run that the engine runner (engine.ts) and the editor's
 * load-options calls (loadOptions.ts) share: node types, the workflow, additional data.
 */

export const CALLBELL_NODE_TYPE = 'n8n-nodes-callbell.callbell';

export interface TestCredentials {
	apiToken: string;
	baseUrl: string;
}

class SingleNodeTypes implements INodeTypes {
	constructor(private readonly nodeType: INodeType | IVersionedNodeType) {}

	getByName(): INodeType | IVersionedNodeType {
		return this.nodeType;
	}

	getByNameAndVersion(_type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.nodeType, version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** A Callbell node with the test credential attached. */
export function callbellNode(name: string, parameters: INodeParameters, continueOnFail = false): INode {
	return {
		id: 'callbell-node',
		name,
		type: CALLBELL_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { callbellApi: { id: 'cred-1', name: 'Callbell (test)' } },
		continueOnFail,
	};
}

/** A workflow holding just `node`, whose type is the Callbell node (or the given instance). */
export function singleNodeWorkflow(node: INode, nodeType?: INodeType | IVersionedNodeType, id = 'callbellTest', name = 'Callbell engine test'): Workflow {
	return new Workflow({
		id,
		name,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes(nodeType ?? new Callbell()),
		settings: {},
	});
}

/** What n8n-core needs from the server: credentials, URLs, hooks (for runs) and more. */
export function additionalDataFor(
	credentials: TestCredentials,
	extra: { hooks?: ExecutionLifecycleHooks; currentNodeParameters?: INodeParameters } = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper: new TestCredentialsHelper({ ...credentials }),
		hooks: extra.hooks,
		currentNodeParameters: extra.currentNodeParameters,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used by the Callbell node');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used by the Callbell node');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}
