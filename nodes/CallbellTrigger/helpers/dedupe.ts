import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** How long, and how many, delivery keys are remembered per trigger. */
export const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
export const DEDUPE_MAX_KEYS = 2000;
/**
 * How often at most one process writes its record into the workflow's static data: n8n writes the
 * whole static data column (UPDATE workflow_entity) after every webhook call that changed it, so
 * writing on every delivery would cost a row update per delivery under a burst.
 */
export const PERSIST_EVERY_MS = 5000;
/**
 * The same for a call that starts no run (a repeat, a filtered event): n8n 2.41.1 keeps only
 * those writes, so they must not wait behind the run-starting ones it drops.
 */
export const PERSIST_QUIET_EVERY_MS = 1000;

function field(value: unknown, ...path: string[]): string | undefined {
	let current: unknown = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return typeof current === 'string' || typeof current === 'number' ? String(current) : undefined;
}

function digest(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex').slice(0, 32);
}

function joined(parts: Array<string | undefined>): string | undefined {
	return parts.every((part) => part !== undefined) ? parts.join('|') : undefined;
}

/**
 * What identifies one delivery across Callbell's retries (a retry is re-signed, and the contact
 * embedded in it may have changed since): the message uuid and status, the contact uuid and the
 * event's own time, and so on. When those fields are missing, a hash of the whole payload.
 */
export function deliveryKey(event: string, payload: IDataObject): string {
	const p = payload;
	let specific: string | undefined;
	switch (event) {
		case 'message_created':
			specific =
				field(p, 'uuid') ??
				joined([field(p, 'contact', 'uuid'), field(p, 'createdAt'), field(p, 'status'), digest([p.text, p.attachments])]);
			break;
		case 'message_status_updated':
			specific = joined([field(p, 'uuid'), field(p, 'status')]);
			break;
		case 'contact_created':
			specific = joined([field(p, 'uuid'), field(p, 'createdAt')]);
			break;
		case 'contact_updated':
			// No update time in the Contact object: two updates leaving the same content are one.
			specific = joined([field(p, 'uuid'), digest(p)]);
			break;
		case 'contact_deleted':
			specific = joined([field(p, 'uuid'), field(p, 'deleted')]);
			break;
		case 'conversation_opened':
			specific = joined([field(p, 'contact', 'uuid'), field(p, 'createdAt')]);
			break;
		case 'conversation_closed':
			specific = joined([field(p, 'contact', 'uuid'), field(p, 'closedAt') ?? field(p, 'createdAt')]);
			break;
		case 'agent_status_updated':
			specific = joined([field(p, 'email'), field(p, 'lastUpdatedAt')]);
			break;
		case 'agent_session_updated':
			specific = joined([field(p, 'user', 'email'), field(p, 'action'), field(p, 'user', 'lastUpdatedAt')]);
			break;
		case 'team_membership_updated':
			specific = joined([field(p, 'team', 'uuid'), field(p, 'user', 'email'), field(p, 'reason'), field(p, 'lastUpdateAt')]);
			break;
	}
	return `${event}:${specific ?? digest(p)}`;
}

/** Keys seen lately with when they were seen, oldest first (a Map keeps insertion order). */
export type SeenKeys = Map<string, number>;

/**
 * Records `key` and says whether it was already there. Keys older than the TTL are dropped, and
 * the oldest ones when more than `maxKeys` are kept, so the record stays bounded.
 */
export function firstTime(seen: SeenKeys, key: string, nowMs: number, maxKeys = DEDUPE_MAX_KEYS): boolean {
	for (const [oldKey, at] of seen) {
		if (nowMs - at <= DEDUPE_TTL_MS && seen.size <= maxKeys) break;
		seen.delete(oldKey);
	}
	const at = seen.get(key);
	if (at !== undefined && nowMs - at <= DEDUPE_TTL_MS) return false;
	seen.delete(key);
	seen.set(key, nowMs);
	while (seen.size > maxKeys) seen.delete(seen.keys().next().value as string);
	return true;
}

/**
 * The union of a stored record (as written by this or another process) and this process's record:
 * the later time per key, without keys older than the TTL, the newest `maxKeys`, oldest first.
 */
export function mergeRecords(stored: unknown, seen: SeenKeys, nowMs: number, maxKeys = DEDUPE_MAX_KEYS): SeenKeys {
	const all = new Map(fromStatic(stored));
	for (const [key, at] of seen) all.set(key, Math.max(at, all.get(key) ?? 0));
	const kept = [...all].filter(([, at]) => nowMs - at <= DEDUPE_TTL_MS).sort((a, b) => a[1] - b[1]);
	return new Map(kept.slice(Math.max(0, kept.length - maxKeys)));
}

/** The record as plain data for workflow static data, and back. */
export function toStatic(seen: SeenKeys): IDataObject {
	return Object.fromEntries(seen);
}

export function fromStatic(data: unknown): SeenKeys {
	const seen: SeenKeys = new Map();
	if (typeof data !== 'object' || data === null) return seen;
	const entries = Object.entries(data as Record<string, unknown>)
		.filter((entry): entry is [string, number] => typeof entry[1] === 'number')
		.sort((a, b) => a[1] - b[1]);
	for (const [key, at] of entries) seen.set(key, at);
	return seen;
}
