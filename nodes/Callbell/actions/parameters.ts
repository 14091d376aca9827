import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { isEmptyValue, toCallbellId, toLimit } from '../helpers/values';

/** The item's Limit, or undefined for Return All. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false);
	if (returnAll === true) return undefined;
	return toLimit(this.getNodeParameter('limit', itemIndex, 50));
}

function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const raw = this.getNodeParameter(name, itemIndex, '') as INodeParameterResourceLocator | string;
	return typeof raw === 'object' && raw !== null ? raw.value : raw;
}

/** The id a locator (or a plain string from an older workflow) holds, checked so it cannot leave its path segment. */
export function readLocatorId(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string {
	return toCallbellId(field, locatorValue.call(this, name, itemIndex));
}

/** The same for a picker that may stay empty (Send's Channel): undefined when it is. */
export function readOptionalLocatorId(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string | undefined {
	const value = locatorValue.call(this, name, itemIndex);
	return isEmptyValue(value) ? undefined : toCallbellId(field, value);
}
