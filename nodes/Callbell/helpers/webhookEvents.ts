import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The events Callbell can deliver: one catalog for the Webhook resource (Subscribe, Get Delivery
 * Events) and the Callbell Trigger. Callbell's API documentation lists them on its Webhooks pages;
 * its Webhook object names only the first seven as subscriptions. The agent and team events are
 * offered too, since the docs' event catalog documents them (whether POST /webhooks/subscribe
 * accepts them is undocumented).
 */
export const WEBHOOK_EVENTS = [
	'message_created',
	'message_status_updated',
	'contact_created',
	'contact_updated',
	'contact_deleted',
	'conversation_opened',
	'conversation_closed',
	'agent_status_updated',
	'agent_session_updated',
	'team_membership_updated',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Events the docs' Webhook object does not list among subscribable ones: Callbell may accept them
 * only from its dashboard (Settings → API → Webhooks), not from POST /webhooks/subscribe.
 */
export const DASHBOARD_EVENTS: readonly WebhookEvent[] = ['agent_status_updated', 'agent_session_updated', 'team_membership_updated'];

const DASHBOARD_NOTE = ' Callbell may let you subscribe to it only in its dashboard.';

/** Every event for the multi-selects, by name, with what it means. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Agent Session Updated', value: 'agent_session_updated', description: `An agent logged in or out.${DASHBOARD_NOTE}` },
	{ name: 'Agent Status Updated', value: 'agent_status_updated', description: `An agent became available or unavailable.${DASHBOARD_NOTE}` },
	{ name: 'Contact Created', value: 'contact_created', description: 'A new contact (conversation) appeared' },
	{ name: 'Contact Deleted', value: 'contact_deleted', description: 'A contact (conversation) was deleted' },
	{ name: 'Contact Updated', value: 'contact_updated', description: 'A contact changed, tags included' },
	{ name: 'Conversation Closed', value: 'conversation_closed', description: 'A conversation was closed' },
	{ name: 'Conversation Opened', value: 'conversation_opened', description: 'A conversation was opened or reopened' },
	{ name: 'Message Created', value: 'message_created', description: 'A message came in or went out (see Direction)' },
	{ name: 'Message Status Updated', value: 'message_status_updated', description: 'A sent message was delivered, read or failed' },
	{ name: 'Team Membership Updated', value: 'team_membership_updated', description: `An agent joined or left a team.${DASHBOARD_NOTE}` },
];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
	return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
