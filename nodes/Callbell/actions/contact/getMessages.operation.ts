import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toToggle } from '../../helpers/values';
import type { ListPaging } from '../../transport/listPage';
import { requestList, setALimit } from '../../transport/pagination';
import { contactPath } from '../../transport/paths';
import type { ExecutionContext } from '../types';
import { contactLocator, listFields, optionsCollection, phoneLookupChannel } from '../common.descriptions';
import { resolveContactId } from '../contactLookup';
import { readLimit } from '../parameters';
import { belongsInConversation, conversationItem, toConversationOutput } from './helpers/conversationForModel';

/**
 * Callbell documents neither the page size nor a `meta` (Callbell API docs, Contacts → List a
 * contact's messages), so pages are read until an empty one, or `meta.pages` when given. The cap bounds a
 * server that never returns an empty page: 100,000 messages at Callbell's 20 per page.
 */
const MESSAGE_PAGES: ListPaging = { cap: 5000, untilEmptyPage: true };

const FOR_A_MODEL = ['conversation', 'text'];

const outputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'messages',
	description:
		'How to return the messages. "messages": one item per message, newest first, as Callbell lists them. "conversation": one item whose "messages" list is oldest first, each message as {role: "customer", "agent" or "note", text, attachments: [URLs], time}. "text": one item whose "text" is the whole conversation, oldest first, one line per message, e.g. "Customer: Hi!\\nAgent: Hello, how can I help?". For both conversation outputs, Limit is how many of the latest messages to include, e.g. 20.',
	options: [
		{ name: 'Callbell’s Messages', value: 'messages', description: 'One item per message, newest first, with every field Callbell sends' },
		{
			name: 'Conversation for a Model',
			value: 'conversation',
			description: 'One item: the last messages oldest first, each with role (customer, agent or note), text, attachments and time',
		},
		{ name: 'Conversation as Text', value: 'text', description: 'One item with a "text" block such as "Customer: Hi!\\nAgent: Hello"' },
	],
};

const includeNotesField: INodeProperties = {
	displayName: 'Include Notes',
	name: 'includeNotes',
	type: 'boolean',
	default: false,
	description:
		'Whether to include the team’s internal notes (role "note"; the customer never sees them). true or false, e.g. false to give a model only what the customer and the agents wrote.',
	displayOptions: { show: { output: FOR_A_MODEL } },
};

const properties: INodeProperties[] = [
	contactLocator,
	phoneLookupChannel,
	outputField,
	...listFields,
	includeNotesField,
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMessages'] } }, properties);

/**
 * `GET /contacts/:uuid/messages?page=`, newest first, every page or up to Limit (see MESSAGE_PAGES).
 * Output "messages": one item per message, with `contactUuid` added. Output "conversation" or
 * "text": one item with the last Limit messages oldest first (helpers/conversationForModel.ts);
 * notes and emptied messages are skipped and not counted unless Include Notes.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject | IDataObject[]> {
	const output = toConversationOutput(this.getNodeParameter('output', itemIndex, 'messages'));
	const limit = readLimit.call(this, itemIndex);
	const includeNotes = output !== 'messages' && toToggle('Include Notes', this.getNodeParameter('includeNotes', itemIndex, false));
	const uuid = await resolveContactId.call(this, itemIndex, context);
	const messages = await requestList.call(this, context.api, {
		path: contactPath(uuid, '/messages'),
		key: 'messages',
		paging: MESSAGE_PAGES,
		limit,
		keep: output === 'messages' ? undefined : belongsInConversation(includeNotes),
		itemIndex,
		adviceWhenCapped: setALimit,
	});
	if (output !== 'messages') return conversationItem(uuid, messages, output, includeNotes);
	return messages.map((message) => ({ ...message, contactUuid: uuid }));
}
