import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BotStatus } from './helpers/contactUpdate';
import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { resolveContactId } from './locator';
import { botFromResponse } from './results';

/** `POST /contacts/:uuid/bot` with `{ status }`; outputs the bot plus `contactUuid`. */
export async function setBotStatus(
	this: IExecuteFunctions,
	itemIndex: number,
	context: ExecutionContext,
	status: BotStatus,
): Promise<IDataObject> {
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const response = await callbellApiRequest.call(this, context.api, {
		method: 'POST',
		path: contactPath(uuid, '/bot'),
		body: { status },
		itemIndex,
	});
	return botFromResponse.call(this, response, uuid, itemIndex);
}
