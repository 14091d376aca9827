import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as channel from './channel/Channel.resource';
import * as contact from './contact/Contact.resource';
import * as message from './message/Message.resource';
import * as template from './template/Template.resource';
import type { OperationExecute } from './types';

/** What a resource folder's `<Name>.resource.ts` exports. */
export interface CallbellResource {
	/** Its entry in the node's Resource list. */
	resource: INodePropertyOptions;
	/** Its operations' execute functions, by operation value. */
	operations: Record<string, OperationExecute>;
	/** Its Operation list and every operation's fields. */
	description: INodeProperties[];
}

/**
 * Every resource of the Callbell node. Adding a resource is one line here; the node's Resource
 * list, its fields and the router all read this list.
 */
export const resources: CallbellResource[] = [
	contact,
	message,
	template,
	channel,
];
