import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue } from '../../../helpers/values';

export type WaitTarget = 'none' | 'sent' | 'delivered' | 'read';
export type WaitResult = 'reached' | 'failed' | 'timedOut';

/** How far a message got: a later status implies the earlier ones. */
const PROGRESS: Record<string, number> = { enqueued: 0, sent: 1, mismatch: 1, delivered: 2, read: 3 };
const TARGETS: Record<Exclude<WaitTarget, 'none'>, number> = { sent: 1, delivered: 2, read: 3 };

export const DEFAULT_MAX_WAIT_SECONDS = 60;
export const MAX_WAIT_SECONDS = 600;

/** Whether the status is at or past the target (e.g. `read` reaches Delivered). */
export function reachedTarget(status: string, target: Exclude<WaitTarget, 'none'>): boolean {
	const progress = PROGRESS[status.toLowerCase()];
	return progress !== undefined && progress >= TARGETS[target];
}

/** Whether the message will not move any more: failed or deleted. */
export function isFinalFailure(status: string): boolean {
	return ['failed', 'deleted'].includes(status.toLowerCase());
}

export function toWaitTarget(field: string, value: unknown): WaitTarget {
	if (isEmptyValue(value)) return 'none';
	if (value === 'none' || value === 'sent' || value === 'delivered' || value === 'read') return value;
	throw new InputError(field, `must be No Wait, Sent, Delivered or Read, got ${describeValue(value)}`);
}

export function toMaxWaitSeconds(field: string, value: unknown): number {
	if (isEmptyValue(value)) return DEFAULT_MAX_WAIT_SECONDS;
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0 || number > MAX_WAIT_SECONDS) {
		throw new InputError(field, `must be more than 0 and at most ${MAX_WAIT_SECONDS} seconds, got ${describeValue(value)}`);
	}
	return number;
}

/**
 * The pause before poll number `poll` (0-based): 1 s, then 1.5 times longer each poll up to
 * 15 s, never past the deadline. One poll is one GET, paced by the execution's rate limiter.
 */
export function pollDelayMs(poll: number, remainingMs: number): number {
	const delay = Math.min(15_000, Math.round(1000 * 1.5 ** poll));
	return Math.max(0, Math.min(delay, remainingMs));
}

/** The provider's reason for a failed message, read from the raw payload when it names one. */
export function failureReason(payload: unknown): string | undefined {
	const found: string[] = [];
	const visit = (value: unknown, depth: number) => {
		if (depth > 5 || typeof value !== 'object' || value === null) return;
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			if (typeof entry === 'string' && /reason|message|title|description|details|error/i.test(key) && entry.trim()) found.push(entry.trim());
			else visit(entry, depth + 1);
		}
	};
	visit(payload, 0);
	return found.length > 0 ? [...new Set(found)].join('; ') : undefined;
}
