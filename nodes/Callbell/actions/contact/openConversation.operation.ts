import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionContext } from '../types';
import { changeConversation, contactOnlyDescription } from './conversation';

export const description = contactOnlyDescription('openConversation');

/** `POST /contacts/:uuid/conversation/open`; outputs the contact (closedAt null). */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	return await changeConversation.call(this, itemIndex, context, 'open');
}
