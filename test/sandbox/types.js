'use strict';
// @ts-check

// JSDoc types shared by the sandbox modules (no runtime code).

/**
 * `uuid` is what PUT/DELETE /users/:uuid/status take; no documented endpoint returns it (API digest §3.6).
 * @typedef {{ uuid: string, email: string, name: string, available: boolean, lastUpdatedAt: string,
 *   userCustomStatus?: { id: string, name: string, emoji: string, updatedAt: string } }} User
 */
/** @typedef {{ uuid: string, name: string, createdAt: string, default: boolean, memberEmails: string[] }} Team */
/** @typedef {{ uuid: string, title: string, type: string, main: boolean, discardedAt: boolean, identifier: string }} Channel */
/**
 * @typedef {{ uuid: string, title: string, text: string, templateType: 'text'|'image'|'video'|'document',
 *   category: string, status: string, createdAt: string }} Template
 */
/** @typedef {{ uuid: string, position: number, name: string, emoji: string, createdAt: string }} Funnel */
/** @typedef {{ id: string, name: string, emoji: string, createdAt: string, updatedAt: string }} CustomStatus */
/** @typedef {{ plan: string, includedChannels: number, licenses: number }} Plan */
/** @typedef {{ uuid: string, name: string, enabled: boolean, version: number, latestBotVersion: boolean }} Bot */
/** @typedef {{ name: string, type: 'text'|'email'|'number'|'date'|'dropdown'|'checkbox', options?: string[] }} FieldDef */
/**
 * @typedef {{ owner: { email: string, name: string }, tags: string[], customFields: FieldDef[], users: User[],
 *   teams: Team[], channels: Channel[], funnels: Funnel[], customStatuses: CustomStatus[], plan: Plan, bot: Bot, templates: Template[] }} Account
 */

/**
 * Internal contact record. Custom field values are stored as validated: strings,
 * or string[] for checkbox fields (serialize.js turns them into API strings).
 * `lastMessageAt` is the "most recent conversation" sort key of GET /contacts.
 * `seq` is the creation counter used by cursors to skip contacts created later.
 * @typedef {{ uuid: string, seq: number, name: string|null, identifier: string, phoneNumber: string|null,
 *   avatarUrl: string|null, blockedAt: string|null, createdAt: string, lastMessageAt: string, source: string,
 *   channelUuid: string, funnelId: string|null, closedAt: string|null, tags: string[], assignedUser: string|null,
 *   customFields: Record<string, string|string[]>, teamUuid: string|null, note: string|null,
 *   bot: { status: 'started'|'ended'|'in_progress', conversationStartedAt: string|null }, bsuid?: string }} ContactRecord
 */

/**
 * A conversation item; notes carry no uuid, like the docs' example. `attachments` only on media
 * messages sent or received while the sandbox runs.
 * @typedef {{ uuid?: string, createdAt: string, text: string, status: 'sent'|'received'|'note',
 *   channel: string, from: string|null, to: string|null, attachments?: string[] }} Message
 */
/**
 * A message sent through POST /messages/send (the MessageSendRequest behind /messages/status).
 * `item` is the same object listed in the contact's conversation. `plan` is when each later status
 * is reached (sandbox-clock ms); `deleted` after DELETE /messages/:uuid.
 * @typedef {{ uuid: string, providerId: string, gsId: string, contactUuid: string, channelUuid: string,
 *   type: string, templateUuid: string|null, metadata: Record<string, string>|null, createdMs: number,
 *   status: string, messageStatusPayload: Record<string, unknown>|null, history: { status: string, at: string }[],
 *   plan: { status: string, atMs: number, reason?: { code: number, reason: string } }[], deleted: boolean,
 *   item: Message }} SentMessage
 */
/** @typedef {{ text: string, createdAt: string }} Note */

/**
 * The live store (`sb.state`). Mutated in place; reset() refills the same object.
 * `sent` holds messages sent through the API, by uuid, in send order.
 * @typedef {{ account: Account, contacts: Map<string, ContactRecord>, messages: Map<string, Message[]>,
 *   notes: Map<string, Note[]>, lastSeq: number, webhook: import('./webhooks-store').Webhook|null,
 *   webhookEvents: import('./webhooks-store').WebhookEventRecord[], sent: Map<string, SentMessage>, sentSeq: number, idEpoch: string }} State
 */

module.exports = {};
