import type { INodeProperties } from 'n8n-workflow';

import {
	CALLBELL_RATE_LIMIT,
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_REQUESTS_PER_SECOND,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
	MAX_CONCURRENCY,
} from '../transport/runSettings';

/** How the node sends its requests: the same four options on every operation. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: DEFAULT_CONCURRENCY,
		hint: '0 = Auto: adapts to Callbell’s response time and the rate cap',
		description: `How many items are sent to Callbell at once. 0 (Auto) keeps as many in flight as Max Requests Per Second and Callbell’s response time need (up to ${MAX_CONCURRENCY}) and fewer after 429 answers. 1 sends them strictly one after another. The output keeps the order of the input either way.`,
	},
	{
		displayName: 'Max Requests Per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: CALLBELL_RATE_LIMIT, numberPrecision: 0 },
		default: DEFAULT_MAX_REQUESTS_PER_SECOND,
		description: `The most requests this node sends per second. Callbell allows ${CALLBELL_RATE_LIMIT} per account and answers 429 above it. 0 means no cap.`,
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often a request is sent again after a 429, a 5xx or a network error, waiting longer each time and as long as Callbell’s Retry-After asks. Creates and other POSTs are repeated only when Callbell surely did not receive them.',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 300_000, numberPrecision: 0 },
		default: DEFAULT_TIMEOUT_MS,
		description: 'Milliseconds to wait for Callbell’s answer before the attempt counts as failed (and is retried if it is safe)',
	},
];

/** The Options collection of an operation, with its own options (if any) sorted in. */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...requestOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
