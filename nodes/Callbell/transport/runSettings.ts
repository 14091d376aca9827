import { InputError } from '../helpers/InputError';
import { describeValue } from '../helpers/values';

/** How an execution sends its requests, read once from the node's Options. */
export interface RunSettings {
	/** Items in flight at once; 1 runs them strictly one after another; 0 (Auto) adapts it. */
	concurrency: number;
	/** Requests per second for the whole execution; 0 means no cap. */
	maxRequestsPerSecond: number;
	maxRetries: number;
	timeoutMs: number;
}

/**
 * Concurrency 0 is Auto (transport/concurrencyController.ts): as many items in flight as the rate
 * cap and Callbell's observed response time need. A fixed number such as 20 (the old default,
 * chosen on loopback) caps the node far below the rate limit once the network adds round trips:
 * n8n opens a new TCP + TLS connection for every request (bench/RESULTS.md).
 */
export const AUTO_CONCURRENCY = 0;
export const DEFAULT_CONCURRENCY = AUTO_CONCURRENCY;
/**
 * The most items Auto keeps in flight, and the largest fixed Concurrency: one second of Callbell's
 * limit. At the 290/s cap it is enough for request times up to about 0.8 s (a new TLS connection
 * across continents, or an n8n busy with other work, which delays every answer).
 */
export const MAX_CONCURRENCY = 300;
/** Callbell allows 300 requests per second per account; this leaves room for jitter. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 290;
export const CALLBELL_RATE_LIMIT = 300;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;

interface Bounds {
	min: number;
	max: number;
}

function toWholeNumber(field: string, value: unknown, fallback: number, { min, max }: Bounds): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new InputError(field, `must be a whole number, got ${describeValue(value)}`);
	}
	if (number < min || number > max) throw new InputError(field, `must be from ${min} to ${max}, got ${number}`);
	return number;
}

/** The Options collection's values, checked, with defaults for what is not set. */
export function toRunSettings(options: Record<string, unknown>): RunSettings {
	return {
		concurrency: toWholeNumber('Concurrency', options.concurrency, DEFAULT_CONCURRENCY, { min: 0, max: MAX_CONCURRENCY }),
		maxRequestsPerSecond: toWholeNumber('Max Requests Per Second', options.maxRequestsPerSecond, DEFAULT_MAX_REQUESTS_PER_SECOND, {
			min: 0,
			max: CALLBELL_RATE_LIMIT,
		}),
		maxRetries: toWholeNumber('Max Retries', options.maxRetries, DEFAULT_MAX_RETRIES, { min: 0, max: 10 }),
		timeoutMs: toWholeNumber('Timeout', options.timeout, DEFAULT_TIMEOUT_MS, { min: 100, max: 300_000 }),
	};
}
