import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionContext } from '../types';
import { changeConversation, contactOnlyDescription } from './conversation';

export const description = contactOnlyDescription('closeConversation');

/** `POST /contacts/:uuid/conversation/close`; outputs the contact (closedAt set). */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject> {
	return await changeConversation.call(this, itemIndex, context, 'close');
}
