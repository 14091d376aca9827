import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactPath } from '../../transport/paths';
import { callbellApiRequest } from '../../transport/request';
import type { ExecutionContext } from '../types';
import { botFromResponse } from './results';
import type { BotStatus } from '../../helpers/contacts';
import { resolveContactId } from '../contactLookup';

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
