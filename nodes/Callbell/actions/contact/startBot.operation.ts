import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionContext } from '../types';
import { setBotStatus } from './bot';
import { contactOnlyDescription } from './conversation';

export const description = contactOnlyDescription('startBot');

/** `POST /contacts/:uuid/bot` `{ status: "bot_start" }`. Callbell refuses it when no bot is enabled. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	return await setBotStatus.call(this, itemIndex, context, 'bot_start');
}
