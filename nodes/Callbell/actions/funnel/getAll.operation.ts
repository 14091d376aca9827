import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestList } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { listFields, optionsCollection } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [...listFields, optionsCollection()];

export const description = updateDisplayOptions({ show: { resource: ['funnel'], operation: ['getAll'] } }, properties);

const position = (stage: IDataObject) => (typeof stage.position === 'number' ? stage.position : Number.MAX_SAFE_INTEGER);

/**
 * `GET /funnels` (one unpaged list, README → Funnel, Plan); one item per stage in position order,
 * up to Limit. The stages are sorted once all are read, so a Limit does not shorten the read.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const stages = await requestList.call(this, context.api, { path: '/funnels', key: 'funnels', itemIndex });
	const ordered = stages.map((stage, index) => ({ stage, index })).sort((a, b) => position(a.stage) - position(b.stage) || a.index - b.index);
	return ordered.slice(0, limit ?? ordered.length).map(({ stage }) => stage);
}
