import type { INodePropertyOptions } from 'n8n-workflow';

import { WEBHOOK_EVENTS } from '../../helpers/webhookInput';

const titles: Record<string, string> = {
	message_created: 'Message Created',
	message_status_updated: 'Message Status Updated',
	contact_created: 'Contact Created',
	contact_updated: 'Contact Updated',
	contact_deleted: 'Contact Deleted',
	conversation_opened: 'Conversation Opened',
	conversation_closed: 'Conversation Closed',
	agent_status_updated: 'Agent Status Updated',
	agent_session_updated: 'Agent Session Updated',
	team_membership_updated: 'Team Membership Updated',
};

/** Every Callbell webhook event, for the multi-selects. */
export const EVENT_OPTIONS: INodePropertyOptions[] = WEBHOOK_EVENTS.map((event) => ({ name: titles[event] ?? event, value: event }));
