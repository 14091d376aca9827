import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { additionalDataFor, callbellNode, singleNodeWorkflow } from './n8n';

export { CALLBELL_NODE_TYPE } from './n8n';

export interface RunOptions {
	/** The Callbell node's parameters (resource, operation, contact, updateFields…). */
	parameters: INodeParameters;
	/** The input items' JSON; expressions see them as `$json`. */
	items: IDataObject[];
	credentials: { apiToken: string; baseUrl: string };
	continueOnFail?: boolean;
	/** n8n's node settings Retry On Fail, Max Tries and Wait Between Tries (ms). */
	retry?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
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

/** Runs one Callbell node through n8n-core's real WorkflowExecute with the given input items. */
export async function runCallbellNode(options: RunOptions): Promise<RunResult> {
	const node: INode = { ...callbellNode('Callbell', options.parameters, options.continueOnFail ?? false), ...options.retry };
	const workflow = singleNodeWorkflow(node, options.nodeType);
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? 'Callbell engine test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};

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
	const execution = new WorkflowExecute(additionalDataFor(options.credentials, { hooks }), 'manual', runData);
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
