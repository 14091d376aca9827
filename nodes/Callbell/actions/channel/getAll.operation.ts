import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { describeValue, toLimit } from '../../helpers/values';
import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { withActive } from './locator';
import { listFields, optionsCollection, SOURCE_OPTIONS } from '../common.descriptions';

const properties: INodeProperties[] = [
	...listFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'options',
				default: 'true',
				description: 'Only active or only deactivated channels',
				options: [
					{ name: 'Active', value: 'true' },
					{ name: 'Deactivated', value: 'false' },
				],
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'whatsapp',
				description: 'Only channels of this type',
				options: SOURCE_OPTIONS,
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['channel'], operation: ['getAll'] } }, properties);

const TYPES = SOURCE_OPTIONS.map((option) => option.value);

/** `GET /channels?type=&active=`, every page or up to Limit; one output item per channel, with `active`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toLimit(this.getNodeParameter('limit', itemIndex, 50));
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { type?: unknown; active?: unknown };
	const qs: IDataObject = {};
	if (filters.type !== undefined) {
		if (!TYPES.includes(filters.type as string)) throw new InputError('Type', `must be one of ${TYPES.join(', ')}, got ${describeValue(filters.type)}`);
		qs.type = filters.type;
	}
	if (filters.active !== undefined) {
		const active = String(filters.active);
		if (active !== 'true' && active !== 'false') throw new InputError('Active', `must be true or false, got ${describeValue(filters.active)}`);
		qs.active = active;
	}
	const channels = await requestList.call(this, context.api, { path: '/channels', key: 'channels', qs, limit, itemIndex, adviceWhenCapped: setALimit });
	return channels.map(withActive);
}
