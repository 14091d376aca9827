import { LoadOptionsContext } from 'n8n-core';
import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { Callbell } from '../../nodes/Callbell/Callbell.node';
import type { TestCredentials } from './n8n';
import { additionalDataFor, callbellNode, singleNodeWorkflow } from './n8n';

/**
 * The `this` n8n's editor gives a node's loadOptions and listSearch methods, built as n8n's
 * DynamicNodeParametersService does (n8n 2.41): a temporary workflow holding the node
 * ("Temp-Node") with the current parameters and credential, and n8n-core's LoadOptionsContext,
 * whose HTTP helpers are n8n-core's real request path.
 */
export function loadOptionsContext(
	credentials: TestCredentials,
	currentNodeParameters: INodeParameters = { resource: 'contact', operation: 'update' },
	path = 'parameters.contact',
): ILoadOptionsFunctions {
	const node = callbellNode('Temp-Node', currentNodeParameters);
	const workflow = singleNodeWorkflow(node);
	return new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalDataFor(credentials, { currentNodeParameters }), path);
}

const callbell = new Callbell();

type LoadOptionsMethod = keyof typeof callbell.methods.loadOptions;
type ListSearchMethod = keyof typeof callbell.methods.listSearch;

/** Calls a loadOptions method as the editor does (`POST /rest/dynamic-node-parameters/options`). */
export async function callLoadOptions(method: LoadOptionsMethod, credentials: TestCredentials): Promise<INodePropertyOptions[]> {
	return await callbell.methods.loadOptions[method].call(loadOptionsContext(credentials));
}

/** Calls a listSearch method as the editor does (`…/resource-locator-results`): filter, then token. */
export async function callListSearch(
	method: ListSearchMethod,
	credentials: TestCredentials,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await callbell.methods.listSearch[method].call(loadOptionsContext(credentials), filter, paginationToken);
}

/** Calls the resource mapper method as the editor does (`…/resource-mapper-fields`). */
export async function callResourceMapping(credentials: TestCredentials): Promise<ResourceMapperFields> {
	return await callbell.methods.resourceMapping.getCustomFields.call(
		loadOptionsContext(credentials, { resource: 'contact', operation: 'update' }, 'parameters.accountCustomFields'),
	);
}
