import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../common.descriptions';

/** The Template picker of Get and Rename: every template of the account, any status. */
export const templateLocator = idLocator({
	displayName: 'Template',
	name: 'template',
	description: 'The WhatsApp template: By ID its ID (32 hex characters, e.g. d980fb66fd5043d3ace1aa06ba044342)',
	searchListMethod: 'searchTemplates',
	listPlaceholder: 'Select a template...',
	placeholder: 'e.g. d980fb66fd5043d3ace1aa06ba044342',
});

export function templatePath(uuid: string): string {
	return `/templates/${encodeURIComponent(uuid)}`;
}

/**
 * The template of a Callbell answer: `template` as documented for Get, `templates` as the Rename
 * example shows it (Callbell API docs, Templates → Update a template), an object or a one-element list.
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
