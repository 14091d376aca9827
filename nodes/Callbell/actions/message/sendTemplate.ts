import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties, ResourceMapperValue } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import type { TemplateRecord } from '../../helpers/templates';
import { templateByTitle } from '../../helpers/templates';
import { idLocator } from '../common.descriptions';
import { readLocatorId } from '../parameters';
import type { ExecutionContext } from '../types';
import { accountList } from './accountLists';

const showForTemplate = { show: { messageType: ['template'] } };

export const templateFields: INodeProperties[] = [
	{
		...idLocator({
			displayName: 'Template',
			name: 'template',
			description:
				'An approved WhatsApp template of the account: By ID its ID (e.g. d980fb66fd5043d3ace1aa06ba044342), By Name its name as Callbell shows it (e.g. Order shipped). The list shows its title, media type, number of variables and the start of its text.',
			searchListMethod: 'searchApprovedTemplates',
			listPlaceholder: 'Select an approved template...',
			placeholder: 'e.g. d980fb66fd5043d3ace1aa06ba044342',
			modes: [
				{
					displayName: 'By Name',
					name: 'name',
					type: 'string',
					placeholder: 'e.g. Order shipped',
					hint: 'The template’s name as Callbell shows it (any case); looked up when the node runs',
				},
			],
		}),
		displayOptions: showForTemplate,
	},

	{
		displayName: 'Template Values',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			'One field per variable of the chosen template, labelled with its text, and the file’s URL for image, video and document templates. A field whose expression returns a list fills that variable and the next ones.',
		typeOptions: {
			loadOptionsDependsOn: ['template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				// The editor shows this heading, not the displayName.
				valuesLabel: 'Template Values',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: showForTemplate,
	},
	// Before the per-variable fields, a template took a list of values (`templateValues.values[].value`)
	// and one Media URL. Kept hidden, with their stored values, so that existing workflows run as before:
	// they are read only while Template Values above was never shown (see checkMessage), and the editor
	// copies them into Template Values' fields when such a node is opened (see getTemplateVariables).
	// Hidden, not a fixedCollection shown when set: n8n decides visibility from simple values only,
	// and drops the values of a parameter it does not show.
	{
		displayName: 'Template Values (List)',
		name: 'templateValues',
		type: 'hidden',
		default: {},
		displayOptions: showForTemplate,
	},
	{
		displayName: 'Media URL (Template)',
		name: 'mediaUrl',
		type: 'hidden',
		default: '',
		displayOptions: showForTemplate,
	},
	{
		displayName: 'Opt-in Confirmation',
		name: 'optIn',
		type: 'boolean',
		default: false,
		required: true,
		description: 'Whether the contact agreed to receive WhatsApp templates from you. Callbell sends a template only with this confirmation (optin_contact).',
		displayOptions: showForTemplate,
	},
];

/** The template among the account's templates (read once per execution). */
export async function findTemplate(this: IExecuteFunctions, context: ExecutionContext, uuid: string): Promise<TemplateRecord> {
	const templates = await accountList.call(this, context, 'templates');
	const template = templates.find((entry) => entry.uuid === uuid);
	if (!template) {
		throw new InputError('Template', `"${uuid}" is not one of the account’s templates`, 'Choose the template from the list, or copy its ID from Template → Get Many.');
	}
	return template;
}

/** The item's Template: By Name looks the name up among the account's templates, the other modes by id. */
export async function readTemplate(this: IExecuteFunctions, context: ExecutionContext, itemIndex: number): Promise<TemplateRecord> {
	const picked = this.getNodeParameter('template', itemIndex, '') as INodeParameterResourceLocator | string;
	if (typeof picked === 'object' && picked !== null && picked.mode === 'name') {
		return templateByTitle(await accountList.call(this, context, 'templates'), picked.value);
	}
	return await findTemplate.call(this, context, readLocatorId.call(this, 'template', 'Template', itemIndex));
}

/** The item's per-variable fields (Template Values), their expressions resolved; null when never set. */
export function readTemplateVariables(this: IExecuteFunctions, itemIndex: number): Record<string, unknown> | null {
	const parameter = this.getNodeParameter('templateVariables', itemIndex, null) as ResourceMapperValue | null;
	return parameter?.value ?? null;
}
