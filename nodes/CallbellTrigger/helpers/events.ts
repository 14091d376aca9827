import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { WebhookEvent } from '../../Callbell/helpers/webhookInput';
import { WEBHOOK_EVENTS } from '../../Callbell/helpers/webhookInput';

/** Callbell's webhook events, in the order of its docs: the same list the Webhook resource subscribes. */
export const CALLBELL_EVENTS = WEBHOOK_EVENTS;

export type CallbellEvent = WebhookEvent;

/**
 * Events the docs' Webhook object does not list among subscribable ones: Callbell may accept them
 * only from its dashboard (Settings → API → Webhooks), not from POST /webhooks/subscribe.
 */
export const DASHBOARD_EVENTS: readonly CallbellEvent[] = [
	'agent_status_updated',
	'agent_session_updated',
	'team_membership_updated',
];

const DASHBOARD_NOTE = ' Callbell may let you subscribe to it only in its dashboard.';

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

export type Direction = 'incoming' | 'outgoing' | 'both';

export function isCallbellEvent(value: unknown): value is CallbellEvent {
	return typeof value === 'string' && (CALLBELL_EVENTS as readonly string[]).includes(value);
}

function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** A message_created payload with status "received" came from the customer; every other one was sent by the account. */
export function messageDirection(payload: IDataObject): 'incoming' | 'outgoing' {
	return payload.status === 'received' ? 'incoming' : 'outgoing';
}

/** Whether a delivery of `event` passes the node's Direction option (which applies to message_created only). */
export function passesDirection(event: string, payload: IDataObject, direction: Direction): boolean {
	if (event !== 'message_created' || direction === 'both') return true;
	return messageDirection(payload) === direction;
}

/** The contact a payload is about, for `$json.contact` on every event that has one. */
function contactOf(event: string, payload: IDataObject): IDataObject | undefined {
	if (event === 'contact_created' || event === 'contact_updated' || event === 'contact_deleted') return payload;
	const contact = asObject(payload.contact);
	return Object.keys(contact).length > 0 ? contact : undefined;
}

/**
 * One output item per delivery: the payload's fields at the top (`$json.text`, `$json.uuid`),
 * `event`, `contact` for every event about a contact (`$json.contact.name`), `direction` for
 * messages, and the raw `payload` as Callbell sent it.
 */
export function toOutputJson(event: string, rawPayload: unknown): IDataObject {
	const payload = asObject(rawPayload);
	const json: IDataObject = { ...payload, event };
	const contact = contactOf(event, payload);
	if (contact) json.contact = contact;
	if (event === 'message_created') json.direction = messageDirection(payload);
	json.payload = rawPayload as IDataObject;
	return json;
}

/** A body that carries no `event` is a connection check (or something else that is not a delivery). */
export function eventOf(body: unknown): string | undefined {
	const event = asObject(body).event;
	return typeof event === 'string' && event !== '' ? event : undefined;
}
