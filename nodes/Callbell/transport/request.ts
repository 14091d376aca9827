import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeBaseUrl } from '../helpers/baseUrl';
import { InputError } from '../helpers/InputError';
import { toCallbellApiError } from './errors';

export const CREDENTIAL_TYPE = 'callbellApi';

type CallbellContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface CallbellRequest {
	method: IHttpRequestMethods;
	/** Path below the Base URL, starting with `/`, with every id already encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex?: number;
}

/** The credential's Base URL, read once per execution and checked (https unless loopback). */
export async function getBaseUrl(this: CallbellContext): Promise<string> {
	const credentials = await this.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
	try {
		return normalizeBaseUrl(credentials.baseUrl);
	} catch (error) {
		const problem = error instanceof InputError ? error : undefined;
		throw new NodeOperationError(this.getNode(), problem?.message ?? 'Invalid Base URL in the Callbell credential', {
			description: problem?.hint,
		});
	}
}

/** The only door to Callbell: every request goes through n8n's authenticated HTTP helper. */
export async function callbellApiRequest(
	this: CallbellContext,
	baseUrl: string,
	request: CallbellRequest,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers: { Accept: 'application/json' },
		json: true,
	};
	if (request.body !== undefined) options.body = request.body;
	if (request.qs !== undefined) options.qs = request.qs;
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw toCallbellApiError(this.getNode(), error, request.itemIndex);
	}
}
