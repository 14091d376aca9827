import type { IDataObject } from 'n8n-workflow';

import { asObject, messageParts } from './messageParts';

export type Direction = 'incoming' | 'outgoing' | 'both';

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
	return contact && Object.keys(contact).length > 0 ? contact : undefined;
}

/**
 * One output item per delivery: the payload's fields at the top (`$json.text`, `$json.uuid`),
 * `event`, `contact` for every event about a contact (`$json.contact.name`), `direction` for
 * messages, a message's locations, contact cards, reply buttons, lists and replied-to message as
 * clean fields (helpers/messageParts.ts), and the raw `payload` as Callbell sent it.
 */
export function toOutputJson(event: string, rawPayload: unknown): IDataObject {
	const payload = asObject(rawPayload) ?? {};
	const json: IDataObject = { ...payload, event };
	const contact = contactOf(event, payload);
	if (contact) json.contact = contact;
	if (event === 'message_created') Object.assign(json, messageParts(payload), { direction: messageDirection(payload) });
	json.payload = rawPayload as IDataObject;
	return json;
}

/** A body that carries no `event` is a connection check (or something else that is not a delivery). */
export function eventOf(body: unknown): string | undefined {
	const event = asObject(body)?.event;
	return typeof event === 'string' && event !== '' ? event : undefined;
}
