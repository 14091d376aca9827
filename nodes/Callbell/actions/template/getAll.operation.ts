import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { isApproved, templateMediaType } from '../../helpers/templates';
import { describeValue } from '../../helpers/values';
import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { withVariables } from './variables';
import { filtersCollection, listFields, optionsCollection } from '../common.descriptions';
import { readLimit } from '../parameters';

/** Callbell's template types (`template_type`), for the Media Type filter and its check. */
const MEDIA_TYPE_OPTIONS = [
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video' },
];
const MEDIA_TYPES = MEDIA_TYPE_OPTIONS.map((option) => option.value);

const properties: INodeProperties[] = [
	...listFields,
	filtersCollection([
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			default: 'text',
			description: 'Only templates of this media type',
			options: MEDIA_TYPE_OPTIONS,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'approved',
			description: 'Approved templates only (the ones you can send), or every template',
			options: [
				{ name: 'Approved', value: 'approved' },
				{ name: 'Any', value: 'any' },
			],
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['getAll'] } }, properties);

/**
 * `GET /templates`, every page or until Limit templates pass the filters. Callbell documents no
 * filter parameters (Callbell API docs, Templates → List templates), so Status (Approved by
 * default) and Media Type are applied here. One output item per template, with `variables`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { status?: unknown; mediaType?: unknown };
	const status = filters.status ?? 'approved';
	if (status !== 'approved' && status !== 'any') throw new InputError('Status', `must be Approved or Any, got ${describeValue(status)}`);
	const mediaType = filters.mediaType;
	if (mediaType !== undefined && !MEDIA_TYPES.includes(mediaType as string)) {
		throw new InputError('Media Type', `must be one of ${MEDIA_TYPES.join(', ')}, got ${describeValue(mediaType)}`);
	}
	const templates = await requestList.call(this, context.api, {
		path: '/templates',
		key: 'templates',
		keep: (template) => (status === 'any' || isApproved(template)) && (mediaType === undefined || templateMediaType(template) === mediaType),
		limit,
		itemIndex,
		adviceWhenCapped: setALimit,
	});
	return templates.map(withVariables);
}
