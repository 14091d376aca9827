import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestList, setALimit } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { listFields, optionsCollection } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [...listFields, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['customStatus'], operation: ['getAll'] } }, properties);

/** `GET /custom_statuses`, every page (or up to Limit); one item per status. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	return await requestList.call(this, context.api, {
		path: '/custom_statuses',
		key: 'customStatuses',
		limit,
		itemIndex,
		adviceWhenCapped: setALimit,
	});
}
