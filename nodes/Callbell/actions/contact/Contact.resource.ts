import { defineResource } from '../defineResource';
import * as addNote from './addNote.operation';
import * as closeConversation from './closeConversation.operation';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteContact from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getBotStatus from './getBotStatus.operation';
import * as getMessages from './getMessages.operation';
import * as openConversation from './openConversation.operation';
import * as setFunnelStage from './setFunnelStage.operation';
import * as startBot from './startBot.operation';
import * as stopBot from './stopBot.operation';
import * as update from './update.operation';
import * as waitForCustomer from './waitForCustomer.operation';

export const contact = defineResource(
	{
		name: 'Contact',
		value: 'contact',
		description: 'A person you talk to on WhatsApp, Instagram, Messenger or Telegram',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add Note',
				value: 'addNote',
				description: 'Add an internal note to the conversation, with @mentions',
				action: 'Add a note to a contact',
			},
			{
				name: 'Close Conversation',
				value: 'closeConversation',
				description: 'Close the contact’s conversation',
				action: 'Close a conversation',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contact from a phone number or platform ID',
				action: 'Create a contact',
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Update the contact with this phone number or platform ID, or create it when there is none',
				action: 'Create or update a contact',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact for good',
				action: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contact by ID, phone number or BSUID',
				action: 'Get a contact',
			},
			{
				name: 'Get Bot Status',
				value: 'getBotStatus',
				description: 'Get the state of the bot for a contact',
				action: 'Get the bot status of a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List contacts, filtered by source, tags or team',
				action: 'Get many contacts',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				description: 'List the messages of a contact’s conversation, newest first',
				action: 'Get the messages of a contact',
			},
			{
				name: 'Open Conversation',
				value: 'openConversation',
				description: 'Reopen the contact’s conversation',
				action: 'Open a conversation',
			},
			{
				name: 'Set Funnel Stage',
				value: 'setFunnelStage',
				description: 'Move the contact’s conversation to a funnel stage',
				action: 'Set the funnel stage of a contact',
			},
			{
				name: 'Start Bot',
				value: 'startBot',
				description: 'Start the bot for a contact',
				action: 'Start the bot for a contact',
			},
			{
				name: 'Stop Bot',
				value: 'stopBot',
				description: 'Stop the bot for a contact, e.g. to hand over to an agent',
				action: 'Stop the bot for a contact',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change name, tags, custom fields, assignment, team, bot status or note',
				action: 'Update a contact',
			},
			{
				name: 'Wait for Customer to Finish',
				value: 'waitForCustomer',
				description: 'Wait until the customer stops writing, then continue once with the whole burst of messages',
				action: 'Wait for the customer to finish writing',
			},
		],
		default: 'update',
	},
	{
		addNote,
		closeConversation,
		create,
		createOrUpdate,
		delete: deleteContact,
		get,
		getAll,
		getBotStatus,
		getMessages,
		openConversation,
		setFunnelStage,
		startBot,
		stopBot,
		update,
		waitForCustomer,
	},
);
