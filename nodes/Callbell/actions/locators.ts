import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { toCallbellId } from '../helpers/values';

interface IdLocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The listSearch method behind From List. */
	searchListMethod: string;
	placeholder: string;
	/** What the ID looks like, for the By ID regex message, e.g. "A team ID". */
	idLabel: string;
	/** The From List placeholder, e.g. "Select a team...". */
	listPlaceholder: string;
}

/** A resource locator with From List and By ID, as every picker of the node has it. */
export function idLocator(spec: IdLocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z0-9_-]{1,64}\\s*$',
							errorMessage: `${spec.idLabel} is made of letters, digits and dashes`,
						},
					},
				],
			},
		],
	};
}

/** The id a locator (or a plain string from an older workflow) holds, checked so it cannot leave its path segment. */
export function readLocatorId(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string {
	const raw = this.getNodeParameter(name, itemIndex, '') as INodeParameterResourceLocator | string;
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	return toCallbellId(field, value);
}
