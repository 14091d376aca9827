import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { describeValue } from '../../helpers/values';
import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { withActive } from './locator';
import { filtersCollection, listFields, optionsCollection, SOURCE_OPTIONS } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [
	...listFields,
	filtersCollection([
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
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['channel'], operation: ['getAll'] } }, properties);

const TYPES = SOURCE_OPTIONS.map((option) => option.value);

/** `GET /channels?type=&active=`, every page or up to Limit; one output item per channel, with `active`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
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
