import type { Clock, RateLimiter } from './rateLimiter';
import { createRateLimiter } from './rateLimiter';
import type { RateShare } from './rateShare';
import { createRateShare } from './rateShare';

/**
 * Executions of one workflow that run at the same time in one n8n process (a queue-mode worker runs
 * up to 10 jobs) with the same credential, Base URL and Max Requests Per Second pace their requests
 * together: one rate share and one rate limiter, so the process adapts to 429s as one sender
 * instead of several that each start on their own (slow start, rateShare.ts) into an account the
 * others fill, and together they stay under that workflow's cap. A new execution joins at what the running ones learned. The pair
 * lives while an execution uses it and is forgotten when the last one leaves: executions that do
 * not overlap (tests one after another) never meet each other's state. Nothing is shared between
 * processes; the key holds the credential's id, never its token.
 */
export interface ProcessShareKey {
	credentialId: string;
	baseUrl: string;
	/** Empty for a workflow not saved yet. */
	workflowId: string;
	/** Max Requests Per Second. */
	ceiling: number;
}

/** One sender's pacing: its share of the account, and the limiter that follows the share and holds after a cut. */
export interface Pacing {
	share: RateShare;
	limiter: RateLimiter;
}

export interface ProcessShare extends Pacing {
	/** This execution is done with it. */
	leave(): void;
}

interface Entry extends Pacing {
	users: number;
}

const entries = new Map<string, Entry>();

/** The pacing of one sender (an execution alone, or those of a workflow in this process). `clock` only for tests. */
export function createPacing(ceiling: number, clock?: Clock): Pacing {
	const share = createRateShare({ ceiling });
	const now = clock ? () => clock.now() : () => Date.now();
	return { share, limiter: createRateLimiter(() => share.rate(now()), clock, () => share.resumeAt()) };
}

/** `clock` only for tests in virtual time. */
export function joinProcessShare({ credentialId, baseUrl, workflowId, ceiling }: ProcessShareKey, clock?: Clock): ProcessShare {
	const key = JSON.stringify([credentialId, baseUrl, workflowId, ceiling]);
	let entry = entries.get(key);
	if (!entry) {
		entry = { ...createPacing(ceiling, clock), users: 0 };
		entries.set(key, entry);
	}
	entry.users++;
	const joined = entry;
	let left = false;
	return {
		share: joined.share,
		limiter: joined.limiter,
		leave() {
			if (left) return;
			left = true;
			joined.users--;
			if (joined.users === 0 && entries.get(key) === joined) entries.delete(key);
		},
	};
}

/** How many accounts are being paced together in this process now (for tests). */
export function processSharesInUse(): number {
	return entries.size;
}
