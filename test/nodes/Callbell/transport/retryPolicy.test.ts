import type { IHttpRequestMethods } from 'n8n-workflow';

import type { AttemptFailure, RetrySettings } from '../../../../nodes/Callbell/transport/retryPolicy';
import { backoffMs, decideRetry, DEFAULT_RETRY, isRetryable, parseRetryAfter } from '../../../../nodes/Callbell/transport/retryPolicy';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const settings: RetrySettings = { maxRetries: 5, maxTotalWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 8_000 };

describe('isRetryable', () => {
	const idempotent: IHttpRequestMethods[] = ['GET', 'PATCH', 'PUT', 'DELETE'];
	it.each<[string, AttemptFailure]>([
		['429', { status: 429 }],
		['500', { status: 500 }],
		['502', { status: 502 }],
		['503', { status: 503 }],
		['504', { status: 504 }],
		['a reset', { code: 'ECONNRESET' }],
		['a timeout', { code: 'ECONNABORTED' }],
		['a timed-out socket', { code: 'ETIMEDOUT' }],
		['a refused connection', { code: 'ECONNREFUSED' }],
	])('retries %s for GET, PATCH, PUT and DELETE', (_name, failure) => {
		for (const method of idempotent) expect(isRetryable(method, failure)).toBe(true);
	});

	it.each<[string, AttemptFailure]>([
		['400', { status: 400 }],
		['401', { status: 401 }],
		['403', { status: 403 }],
		['404', { status: 404 }],
		['405', { status: 405 }],
		['422', { status: 422 }],
		['501 Not Implemented', { status: 501 }],
		['505 HTTP Version Not Supported', { status: 505 }],
		['an unknown failure', {}],
		['an unknown code', { code: 'ERR_SOMETHING' }],
	])('never retries %s', (_name, failure) => {
		for (const method of [...idempotent, 'POST' as const]) expect(isRetryable(method, failure)).toBe(false);
	});

	it('retries a POST only on 429 and when the connection was never made', () => {
		expect(isRetryable('POST', { status: 429 })).toBe(true);
		expect(isRetryable('POST', { code: 'ECONNREFUSED' })).toBe(true);
		expect(isRetryable('POST', { code: 'ENOTFOUND' })).toBe(true);
		for (const failure of [{ status: 500 }, { status: 503 }, { code: 'ECONNRESET' }, { code: 'ECONNABORTED' }, { code: 'ETIMEDOUT' }]) {
			expect(isRetryable('POST', failure)).toBe(false);
		}
	});
});

describe('parseRetryAfter', () => {
	it('reads delta seconds', () => {
		expect(parseRetryAfter('0', NOW)).toBe(0);
		expect(parseRetryAfter('1', NOW)).toBe(1000);
		expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
	});
	it('reads an HTTP date, relative to now, never negative', () => {
		expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:03 GMT', NOW)).toBe(3000);
		expect(parseRetryAfter('Wed, 02 Dec 2026 09:59:00 GMT', NOW)).toBe(0);
	});
	it.each([undefined, '', '  ', 'soon', '-1', '1.5'])('ignores %p', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('doubles from the base, with half of it random, up to the cap', () => {
		expect([0, 1, 2, 3].map((retry) => backoffMs(retry, settings, 0))).toEqual([250, 500, 1000, 2000]);
		expect([0, 1, 2, 3].map((retry) => backoffMs(retry, settings, 1))).toEqual([500, 1000, 2000, 4000]);
		expect(backoffMs(10, settings, 1)).toBe(8000);
		expect(backoffMs(10, settings, 0)).toBe(4000);
	});
});

describe('decideRetry', () => {
	it('backs off on a 429 without Retry-After', () => {
		expect(decideRetry('PATCH', { status: 429 }, 0, 0, settings, 0.5, NOW)).toEqual({ retry: true, delayMs: 375 });
		expect(decideRetry('PATCH', { status: 429 }, 2, 0, settings, 0.5, NOW)).toEqual({ retry: true, delayMs: 1500 });
	});

	it('honours Retry-After in seconds and as a date, plus at most 10 % (≤ 1 s) jitter', () => {
		expect(decideRetry('POST', { status: 429, retryAfter: '2' }, 0, 0, settings, 0, NOW)).toEqual({ retry: true, delayMs: 2000 });
		expect(decideRetry('POST', { status: 429, retryAfter: '2' }, 0, 0, settings, 1, NOW)).toEqual({ retry: true, delayMs: 2200 });
		expect(decideRetry('GET', { status: 503, retryAfter: '30' }, 0, 0, settings, 1, NOW)).toEqual({ retry: true, delayMs: 31_000 });
		expect(
			decideRetry('GET', { status: 429, retryAfter: 'Wed, 02 Dec 2026 10:00:05 GMT' }, 0, 0, settings, 0, NOW),
		).toEqual({ retry: true, delayMs: 5000 });
	});

	it('falls back to the backoff when Retry-After cannot be read', () => {
		expect(decideRetry('GET', { status: 429, retryAfter: 'later' }, 1, 0, settings, 0, NOW)).toEqual({ retry: true, delayMs: 500 });
	});

	it('429s do not use up Max Retries: only the total wait bounds them (other executions may share the account)', () => {
		// the 9th 429 of a request: still retried (Max Retries is 5), with the longest backoff
		expect(decideRetry('POST', { status: 429 }, { retries: 8, throttled: 9 }, 50_000, settings, 0, NOW)).toEqual({ retry: true, delayMs: 4000 });
		// until the waits would pass maxTotalWaitMs
		expect(decideRetry('POST', { status: 429 }, { retries: 8, throttled: 9 }, 57_000, settings, 0, NOW)).toEqual({
			retry: false,
			reason: 'the next wait would pass the 60 s a request waits at most',
		});
		// 5xx retries still count, 429 retries are left out of the count
		expect(decideRetry('GET', { status: 500 }, { retries: 7, throttled: 3 }, 0, settings, 0, NOW)).toMatchObject({ retry: true });
		expect(decideRetry('GET', { status: 500 }, { retries: 8, throttled: 3 }, 0, settings, 0, NOW)).toEqual({
			retry: false,
			reason: 'it reached Max Retries (5)',
		});
		// Max Retries 0 still sends every request once, 429 or not
		expect(decideRetry('POST', { status: 429 }, { retries: 0, throttled: 1 }, 0, { ...settings, maxRetries: 0 }, 0, NOW)).toEqual({
			retry: false,
			reason: 'it reached Max Retries (0)',
		});
	});

	it('stops at Max Retries', () => {
		expect(decideRetry('GET', { status: 500 }, 5, 0, settings, 0, NOW)).toEqual({ retry: false, reason: 'it reached Max Retries (5)' });
		expect(decideRetry('GET', { status: 500 }, 0, 0, { ...settings, maxRetries: 0 }, 0, NOW)).toEqual({
			retry: false,
			reason: 'it reached Max Retries (0)',
		});
	});

	it('stops when the wait would pass the total bound', () => {
		expect(decideRetry('GET', { status: 429, retryAfter: '3600' }, 0, 0, settings, 0, NOW)).toEqual({
			retry: false,
			reason: 'Callbell asked to wait 3600 s would pass the 60 s a request waits at most',
		});
		expect(decideRetry('GET', { status: 500 }, 3, 59_000, settings, 0, NOW)).toEqual({
			retry: false,
			reason: 'the next wait would pass the 60 s a request waits at most',
		});
	});

	it('gives no reason for failures that are final by nature', () => {
		expect(decideRetry('PATCH', { status: 422 }, 0, 0, settings, 0, NOW)).toEqual({ retry: false });
		expect(decideRetry('POST', { code: 'ECONNRESET' }, 0, 0, settings, 0, NOW)).toEqual({ retry: false });
	});

	it('keeps the worst case of the defaults bounded', () => {
		let waited = 0;
		for (let retry = 0; retry < DEFAULT_RETRY.maxRetries; retry++) waited += backoffMs(retry, DEFAULT_RETRY, 1);
		expect(waited).toBeLessThanOrEqual(DEFAULT_RETRY.maxTotalWaitMs);
		expect(waited).toBe(500 + 1000 + 2000 + 4000 + 8000);
	});
});
