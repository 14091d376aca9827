import { InputError } from '../../../../nodes/Callbell/helpers/InputError';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, toRunSettings } from '../../../../nodes/Callbell/transport/runSettings';

describe('toRunSettings', () => {
	it('uses the defaults for what is not set', () => {
		expect(toRunSettings({})).toEqual({
			concurrency: DEFAULT_CONCURRENCY,
			maxRequestsPerSecond: DEFAULT_MAX_REQUESTS_PER_SECOND,
			maxRetries: DEFAULT_MAX_RETRIES,
			timeoutMs: DEFAULT_TIMEOUT_MS,
		});
		expect(DEFAULT_MAX_REQUESTS_PER_SECOND).toBeLessThan(300);
		expect(DEFAULT_CONCURRENCY).toBe(0); // Auto
	});

	it('keeps a number that existing workflows set, and 0 for Auto', () => {
		expect(toRunSettings({ concurrency: 20 }).concurrency).toBe(20);
		expect(toRunSettings({ concurrency: 0 }).concurrency).toBe(0);
		expect(toRunSettings({ concurrency: '300' }).concurrency).toBe(300);
	});

	it('takes numbers and numeric text, and ignores other options', () => {
		expect(toRunSettings({ concurrency: 1, maxRequestsPerSecond: '0', maxRetries: 0, timeout: '2500', includeFieldTypes: true })).toEqual({
			concurrency: 1,
			maxRequestsPerSecond: 0,
			maxRetries: 0,
			timeoutMs: 2500,
		});
	});

	it.each([
		[{ concurrency: -1 }, 'Concurrency must be from 0 to 300, got -1'],
		[{ concurrency: 301 }, 'Concurrency must be from 0 to 300, got 301'],
		[{ concurrency: 1.5 }, 'Concurrency must be a whole number, got number 1.5'],
		[{ concurrency: 'many' }, 'Concurrency must be a whole number, got "many"'],
		[{ maxRequestsPerSecond: 301 }, 'Max Requests Per Second must be from 0 to 300, got 301'],
		[{ maxRetries: -1 }, 'Max Retries must be from 0 to 10, got -1'],
		[{ maxRetries: 11 }, 'Max Retries must be from 0 to 10, got 11'],
		[{ timeout: 50 }, 'Timeout must be from 100 to 300000, got 50'],
		[{ timeout: {} }, 'Timeout must be a whole number, got an object'],
	])('refuses %p', (options, message) => {
		expect(() => toRunSettings(options)).toThrow(InputError);
		expect(() => toRunSettings(options)).toThrow(message);
	});
});
