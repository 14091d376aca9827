import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { toCallbellId } from '../../helpers/values';
import { isNodeApiError, toCallbellApiError } from '../../transport/errors';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactLocator, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { contactFromResponse, resolveContactId } from '../contactLookup';

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	{
		displayName: 'Funnel Stage Name or ID',
		name: 'funnelId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFunnels' },
		required: true,
		default: '',
		description:
			'The stage to move the conversation to, by its ID (e.g. 0b6c2f7e-3d1a-4c9b-8e5f-a2d4c6b8e0f1). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['setFunnelStage'] } }, properties);

const httpCodeOf = (error: unknown) => (isNodeApiError(error) ? error.httpCode : undefined);

/**
 * Callbell documents `PUT /contacts/:uuid/conversation/update_funnel`; its snippet uses
 * `POST /contacts/:uuid/messages/update_funnel`. The PUT is tried first. It is retried once in
 * the snippet's form when it answers 405, or 404 while the contact exists (checked with
 * `GET /contacts/:uuid`): that 404 is about the route, not the contact. Error bodies are not
 * documented, so they are not used to tell the two 404s apart.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const funnelId = toCallbellId('Funnel Stage', this.getNodeParameter('funnelId', itemIndex, ''));
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const request = { body: { funnel_id: funnelId }, itemIndex };
	let response: unknown;
	try {
		response = await callbellApiRequest.call(this, context.api, {
			method: 'PUT',
			path: contactPath(uuid, '/conversation/update_funnel'),
			...request,
		});
	} catch (error) {
		const code = httpCodeOf(error);
		if (code !== '405' && code !== '404') throw toCallbellApiError(this.getNode(), error, itemIndex);
		// A 404 for an unknown contact ends here: this GET throws Callbell's own 404.
		if (code === '404') await callbellApiRequest.call(this, context.api, { method: 'GET', path: contactPath(uuid), itemIndex });
		try {
			response = await callbellApiRequest.call(this, context.api, {
				method: 'POST',
				path: contactPath(uuid, '/messages/update_funnel'),
				...request,
			});
		} catch (retryError) {
			const apiError = toCallbellApiError(this.getNode(), retryError, itemIndex);
			apiError.description = `${apiError.description ?? ''} (Tried PUT …/conversation/update_funnel, which answered ${code}, then POST …/messages/update_funnel.)`.trim();
			throw apiError;
		}
	}
	return contactFromResponse.call(this, response, itemIndex, 'The funnel stage may have been set.');
}
