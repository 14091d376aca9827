import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { contactOnlyDescription } from './conversation';
import { botFromResponse } from './results';
import { resolveContactId } from '../contactLookup';

export const description = contactOnlyDescription('getBotStatus');

/** `GET /contacts/:uuid/bot`; outputs the bot (name, status, version…) plus `contactUuid`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, { method: 'GET', path: contactPath(uuid, '/bot'), itemIndex });
	return botFromResponse.call(this, response, uuid, itemIndex);
}
