import type { NodeApiError } from 'n8n-workflow';

import type { AttemptFailure } from './retryPolicy';

/** Codes of a request that got no answer in time (n8n's helper reports a timeout as one of these). */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Why a request's answer is missing, in the words an item's headline uses. */
export function lostAnswerReason(failure: AttemptFailure, timeoutMs: number): string {
	if (failure.status !== undefined) return `Callbell answered ${failure.status}, which does not say whether it was carried out`;
	if (failure.code !== undefined && TIMEOUT_CODES.has(failure.code)) {
		return `no answer came within the ${timeoutMs / 1000} s timeout`;
	}
	if (failure.code !== undefined) return `the connection was lost before the answer, ${failure.code}`;
	return 'the answer was lost';
}

/** What a request of unknown fate says: its headline tells what happened, its description how to check. */
export interface UnknownFateWording {
	headline: (reason: string) => string;
	howToCheck: string;
}

/** The wording for any request that is not repeated; operations with their own words (Send) replace it. */
export function requestWording(method: string, path: string): UnknownFateWording {
	return {
		headline: (reason) =>
			`${method} ${path} may already have taken effect in Callbell, so it was not sent again; do not repeat it before checking Callbell (${reason})`,
		howToCheck:
			'Look in Callbell whether it took effect before you run this item again: sending it again could make it happen twice.',
	};
}

/** Errors of requests that Callbell may have carried out although they failed: why, and what was said before. */
const fateUnknown = new WeakMap<object, { reason: string; said?: string }>();

/**
 * Marks a failed request whose fate is unknown and says so in its headline (the error's message,
 * which error outputs, notifications and an AI agent's tool result show) and how to check in its
 * description, before what Callbell said. n8n's own message ("You can retry…") is dropped.
 */
export function noteMayHaveTakenEffect(error: NodeApiError, reason: string, wording: UnknownFateWording): void {
	const said = fateUnknown.has(error) ? fateUnknown.get(error)?.said : (error.description ?? undefined);
	fateUnknown.set(error, { reason, said });
	error.message = wording.headline(reason);
	error.description = said ? `${wording.howToCheck} ${said}` : wording.howToCheck;
}

/** Whether the error is a failed request that may already have taken effect. */
export function mayHaveTakenEffect(error: unknown): boolean {
	return typeof error === 'object' && error !== null && fateUnknown.has(error);
}

/** Why the answer of a request of unknown fate is missing (undefined for other errors). */
export function reasonOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null ? fateUnknown.get(error)?.reason : undefined;
}
