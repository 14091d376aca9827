import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { Callbell } from '../../nodes/Callbell/Callbell.node';
import { TestCredentialsHelper } from './credentials';

export const CALLBELL_NODE_TYPE = 'n8n-nodes-callbell.callbell';

export interface RunOptions {
	/** The Callbell node's parameters (resource, operation, contact, updateFields…). */
	parameters: INodeParameters;
	/** The input items' JSON; expressions see them as `$json`. */
	items: IDataObject[];
	credentials: { apiToken: string; baseUrl: string };
	continueOnFail?: boolean;
	/** Use another node type instance, e.g. one loaded from the built package. */
	nodeType?: INodeType | IVersionedNodeType;
}

export interface RunResult {
	/** The node's first output, or undefined when the run failed. */
	output: INodeExecutionData[] | undefined;
	/** The execution error when the node stopped the workflow. */
	error: ExecutionError | undefined;
	/** The finished run; undefined when n8n refused to start it. */
	run: IRun | undefined;
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

function additionalDataFor(credentials: RunOptions['credentials'], hooks: ExecutionLifecycleHooks) {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
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

/** Runs one Callbell node through n8n-core's real WorkflowExecute with the given input items. */
export async function runCallbellNode(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'callbell-node',
		name: 'Callbell',
		type: CALLBELL_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { callbellApi: { id: 'cred-1', name: 'Callbell (test)' } },
		continueOnFail: options.continueOnFail ?? false,
	};
	const workflowData: IWorkflowBase = {
		id: 'callbellTest',
		name: 'Callbell engine test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: new SingleNodeTypes(options.nodeType ?? new Callbell()),
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node,
					data: { main: [options.items.map((json) => ({ json }))] },
					source: null,
				},
			],
		},
	});
	const execution = new WorkflowExecute(additionalDataFor(options.credentials, hooks), 'manual', runData);
	try {
		await execution.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose node has parameter issues (e.g. a failed
		// resource locator regex), before the node runs.
		return { output: undefined, error: error as ExecutionError, run: undefined };
	}
	const run = await finished;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		output: taskData?.data?.main?.[0] ?? undefined,
		error: run.data.resultData.error ?? taskData?.error,
		run,
	};
}
