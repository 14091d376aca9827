import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import type { TemplateRecord } from '../../helpers/templates';
import { idLocator } from '../common.descriptions';
import type { ExecutionContext } from '../types';
import { accountList } from './accountLists';

const showForTemplate = { show: { messageType: ['template'] } };

export const templateFields: INodeProperties[] = [
	{
		...idLocator({
			displayName: 'Template',
			name: 'template',
			description:
				'An approved WhatsApp template of the account. The list shows its title, media type, number of variables and the start of its text.',
			searchListMethod: 'searchApprovedTemplates',
			listPlaceholder: 'Select an approved template...',
			placeholder: 'e.g. d980fb66fd5043d3ace1aa06ba044342',
		}),
		displayOptions: showForTemplate,
	},

	{
		displayName: 'Template Values',
		name: 'templateValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Value',
		default: {},
		description:
			'The values of the template’s variables {{1}}, {{2}}, … in order: exactly as many as the template has. One value whose expression returns a list fills them all.',
		displayOptions: showForTemplate,
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. Ada' }],
			},
		],
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/files/ticket.pdf',
		description: 'Required for image, video and document templates: the public absolute URL of the file (https recommended). Not used by text templates.',
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
