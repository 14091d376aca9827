import type { IHttpRequestMethods } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES } from './runSettings';

/** How a request is retried. Pure data, read once per execution from the node's Options. */
export interface RetrySettings {
	/**
	 * Retries after the first attempt for 5xx and network failures; 0 sends each request once.
	 * Retries after a 429 do not count: they go on until `maxTotalWaitMs` (unless this is 0).
	 */
	maxRetries: number;
	/** The most one request waits between its attempts, all waits added up: what bounds 429 retries. */
	maxTotalWaitMs: number;
	/** The first backoff; it doubles with every retry, up to `maxDelayMs`. */
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRetries: DEFAULT_MAX_RETRIES,
	maxTotalWaitMs: 120_000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** What one failed attempt tells about retrying it. */
export interface AttemptFailure {
	/** The HTTP status when Callbell answered. */
	status?: number;
	/** The network error code when it did not (ECONNRESET, ECONNABORTED for a timeout, …). */
	code?: string;
	/** The answer's Retry-After header, as sent. */
	retryAfter?: string;
}

/** `reason` says why a retryable failure is not retried; it is absent when the failure is final by nature. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason?: string };

/** The connection was never made, so the request cannot have been processed. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** The request may or may not have reached Callbell: safe to repeat only when idempotent. */
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);
/** Repeating these changes nothing on Callbell's side. */
const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PATCH', 'PUT', 'DELETE']);

/** Whether repeating the request changes nothing on Callbell's side (POST creates and sends). */
export function isIdempotent(method: IHttpRequestMethods): boolean {
	return IDEMPOTENT_METHODS.has(method);
}

/** Whether `code` is a network error code this policy knows (never-sent or lost-answer). */
export function isNetworkCode(code: string): boolean {
	return NOT_SENT_CODES.has(code) || NETWORK_CODES.has(code);
}

function isServerError(status: number): boolean {
	return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * Whether a failed attempt may be sent again. Idempotent methods: 429, 5xx and network failures.
 * POST (create, send): only 429 and failures that prove the request never reached Callbell,
 * so a contact is never created or a message sent twice.
 */
export function isRetryable(method: IHttpRequestMethods, failure: AttemptFailure): boolean {
	if (failure.status === 429) return true;
	if (failure.code !== undefined && NOT_SENT_CODES.has(failure.code)) return true;
	if (!isIdempotent(method)) return false;
	if (failure.status !== undefined) return isServerError(failure.status);
	return failure.code !== undefined && NETWORK_CODES.has(failure.code);
}

/**
 * Whether a failed request may still have been carried out by Callbell: a POST (not idempotent)
 * that got a 5xx or lost its connection after it may have reached Callbell (timeout, reset), or
 * failed in a way the node cannot read (no status, no known code): then it may have, too.
 * Such a request is never repeated, and its error says so.
 */
export function isFateUnknown(method: IHttpRequestMethods, failure: AttemptFailure): boolean {
	if (isIdempotent(method)) return false;
	if (failure.status !== undefined) return failure.status >= 500 && failure.status <= 599;
	return failure.code === undefined || !NOT_SENT_CODES.has(failure.code);
}

/** Retry-After in milliseconds from now: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	// An HTTP date names its weekday or month and its time, e.g. "Wed, 02 Dec 2026 10:00:05 GMT".
	if (!/[A-Za-z]{3}/.test(text) || !/\d{1,2}:\d{2}/.test(text)) return undefined;
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - nowMs);
}

/** Exponential backoff with jitter: half fixed, half random, so waiting clients spread out. */
export function backoffMs(retry: number, settings: RetrySettings, random: number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
	return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Retries already made: all of them, and how many of those followed a 429. */
export interface RetriesDone {
	retries: number;
	throttled: number;
}

/**
 * Whether and when to send a request again.
 * `done` counts the retries already made (a number: none of them after a 429), `waitedMs` the time
 * already spent waiting (backoff, and a retry's wait for its turn under the rate cap). A 429 (never
 * processed by Callbell, so safe for a POST too) does not use up Max Retries: other executions may
 * be using the account's rate, and no item must fail for that; it is retried until the waits would
 * pass `maxTotalWaitMs`. Max Retries 0 still retries nothing.
 * A Retry-After is honoured as given, plus up to 10 % jitter; without one the backoff applies.
 */
export function decideRetry(
	method: IHttpRequestMethods,
	failure: AttemptFailure,
	done: number | RetriesDone,
	waitedMs: number,
	settings: RetrySettings,
	random: number,
	nowMs: number,
): RetryDecision {
	if (!isRetryable(method, failure)) return { retry: false };
	const { retries: retriesDone, throttled } = typeof done === 'number' ? { retries: done, throttled: 0 } : done;
	const counted = failure.status === 429 ? 0 : retriesDone - throttled;
	if (settings.maxRetries === 0 || counted >= settings.maxRetries) {
		return { retry: false, reason: `it reached Max Retries (${settings.maxRetries})` };
	}
	const asked = parseRetryAfter(failure.retryAfter, nowMs);
	const delayMs =
		asked !== undefined ? Math.round(asked + Math.min(1000, asked * 0.1) * random) : backoffMs(retriesDone, settings, random);
	if (waitedMs + delayMs > settings.maxTotalWaitMs) {
		const wait = asked !== undefined ? `Callbell asked to wait ${Math.ceil(asked / 1000)} s` : 'the next wait';
		return { retry: false, reason: `${wait} would pass the ${settings.maxTotalWaitMs / 1000} s a request waits at most` };
	}
	return { retry: true, delayMs };
}
