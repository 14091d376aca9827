import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toLimit } from '../helpers/values';
import { returnAllAndLimit } from './contact/contactFields';

/** Return All + Limit (default 50), as every Get Many of the node has them. */
export const listFields: INodeProperties[] = returnAllAndLimit;

/** The item's Limit, or undefined for Return All. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false);
	if (returnAll === true) return undefined;
	return toLimit(this.getNodeParameter('limit', itemIndex, 50));
}
