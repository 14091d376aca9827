import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toCallbellId } from '../../helpers/values';

/** The Template picker of Get and Rename: every template of the account, any status. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The WhatsApp template',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. d980fb66fd5043d3ace1aa06ba044342' },
	],
};

export function templateIdOf(this: IExecuteFunctions, itemIndex: number): string {
	return toCallbellId('Template', this.getNodeParameter('template', itemIndex, '', { extractValue: true }));
}

export function templatePath(uuid: string): string {
	return `/templates/${encodeURIComponent(uuid)}`;
}

/**
 * The template of a Callbell answer: `template` as documented for Get, `templates` as the Rename
 * example shows it (§9.7), an object or a one-element list.
 */
export function templateFromResponse(this: IExecuteFunctions, response: unknown, itemIndex: number): IDataObject {
	const body = (response ?? {}) as { template?: unknown; templates?: unknown };
	const found = body.template ?? body.templates;
	const template = Array.isArray(found) ? found[0] : found;
	if (typeof template !== 'object' || template === null || Array.isArray(template)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a template [item ${itemIndex}]`, { itemIndex });
	}
	return template as IDataObject;
}
