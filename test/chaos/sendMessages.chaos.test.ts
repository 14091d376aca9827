import type { IDataObject } from 'n8n-workflow';

import { sandboxRunner } from '../harness/contact';
import { operationParameters, ref } from '../harness/messages';
import type { Sandbox } from '../harness/sandbox';
import { SEED, useSandbox } from '../harness/sandbox';
import { CHAOS_CONCURRENCY, CHAOS_ITEMS, CHAOS_MAX_RETRIES, faultMix, NODE_TIMEOUT_MS } from './faultMix';

/**
 * The same mix as the Contact → Update chaos run, on POST /messages/send, half of the 5xx, resets
 * and timeouts after the message was sent (only the answer is lost). The template and channel
 * lists are read without faults: this run is about the send.
 */
const FAULTS = faultMix('^/messages/send', { appliedShare: 0.5 });
const FATE_UNKNOWN = ['500', '502', '503', 'reset', 'timeout'];

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

/** Per item (its metadata), the POST attempts in order: the sandbox's status or fault. */
function attemptsByItem(sb: Sandbox): Map<string, string[]> {
	const byItem = new Map<string, string[]>();
	for (const request of sb.requests) {
		if (request.method !== 'POST' || request.path !== '/messages/send') continue;
		const item = String(((request.body as IDataObject)?.metadata as IDataObject | undefined)?.item);
		byItem.set(item, [...(byItem.get(item) ?? []), request.fault ?? String(request.status)]);
	}
	return byItem;
}

/** Per item, the messages the sandbox stored (sent). */
function sentByItem(sb: Sandbox): Map<string, string[]> {
	const byItem = new Map<string, string[]>();
	for (const sent of (sb.state as unknown as { sent: Map<string, { uuid: string; metadata: IDataObject | null }> }).sent.values()) {
		const item = String(sent.metadata?.item);
		byItem.set(item, [...(byItem.get(item) ?? []), sent.uuid]);
	}
	return byItem;
}

describe(`Chaos: ${CHAOS_ITEMS} Message → Send items (an approved template) under injected faults, with Continue On Fail`, () => {
	const timeout = Math.max(120_000, CHAOS_ITEMS * 60);

	it(
		'never sends a message twice; every item whose fate is unknown (a 5xx, a reset, a timeout) says it may have been sent',
		async () => {
			const sb = sandbox.get();
			const items: IDataObject[] = Array.from({ length: CHAOS_ITEMS }, (_, index) => ({
				phone: `+1 555 ${String(index).padStart(7, '0')}`,
				name: `Customer ${index}`,
				order: `C-${index}`,
				item: String(index),
			}));
			sb.setFaults(FAULTS);
			const result = await run(
				operationParameters('message', 'send', {
					sendTo: 'phone',
					phoneNumber: '={{ $json.phone }}',
					messageType: 'template',
					template: ref(SEED.templates.orderShipped.uuid),
					templateValues: { values: [{ value: '={{ $json.name }}' }, { value: '={{ $json.order }}' }, { value: 'soon' }] },
					optIn: true,
					additionalFields: { metadata: { pair: [{ key: 'item', value: '={{ $json.item }}' }] } },
					options: { concurrency: CHAOS_CONCURRENCY, maxRetries: CHAOS_MAX_RETRIES, timeout: NODE_TIMEOUT_MS, maxRequestsPerSecond: 0 },
				}),
				items,
				{ continueOnFail: true },
			);
			sb.setFaults(null);

			expect(result.error).toBeUndefined();
			const output = result.output ?? [];
			expect(output).toHaveLength(CHAOS_ITEMS);
			expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(items.map((_, index) => index));

			const attempts = attemptsByItem(sb);
			const sent = sentByItem(sb);
			const problems: string[] = [];
			let maybeSent = 0;
			let exhausted = 0;
			let late = 0;
			output.forEach(({ json }, index) => {
				const key = String(index);
				const tries = attempts.get(key) ?? [];
				const stored = sent.get(key) ?? [];
				if (stored.length > 1) problems.push(`item ${index}: sent ${stored.length} times`);
				// A POST that may have reached Callbell is the last one for its item.
				if (tries.slice(0, -1).some((kind) => FATE_UNKNOWN.includes(kind))) problems.push(`item ${index}: repeated after ${tries.join(',')}`);
				const last = tries[tries.length - 1];
				if (json.error === undefined) {
					if (stored.length !== 1 || json.uuid !== stored[0] || json.status !== 'enqueued') problems.push(`item ${index}: output ${JSON.stringify(json)} stored ${stored}`);
					if (last !== '200') problems.push(`item ${index}: succeeded after ${tries.join(',')}`);
				} else if (String(json.error).startsWith('The message may have been sent, so it was not sent again; do not resend it before checking the conversation (')) {
					// A fault that may have reached Callbell; or the node's Timeout fired first (ECONNABORTED) on
					// a loaded machine: the sandbox answered late (the message was sent if it answered 200) or
					// never read the request. Either way the node cannot know, and says so.
					if (FATE_UNKNOWN.includes(last)) maybeSent++;
					else if (json.httpCode === 'ECONNABORTED') late++;
					else problems.push(`item ${index}: says it may have been sent after ${tries.join(',')} (${String(json.httpCode)})`);
				} else {
					exhausted++;
					if (last !== '429' || tries.length !== CHAOS_MAX_RETRIES + 1) problems.push(`item ${index}: failed after ${tries.join(',')}: ${String(json.description)}`);
				}
			});
			expect(problems.slice(0, 20)).toEqual([]);

			const faults = sb.stats().faults;
			expect(faults).toEqual(expect.objectContaining({ 429: expect.any(Number), reset: expect.any(Number), timeout: expect.any(Number) }));
			// About 8 % of the items meet a 5xx, a reset or a timeout on some attempt and stop there.
			expect(maybeSent).toBeGreaterThan(CHAOS_ITEMS * 0.04);
			expect(maybeSent).toBeLessThan(CHAOS_ITEMS * 0.13);
			expect(exhausted).toBeLessThan(CHAOS_ITEMS * 0.05);
			expect(late).toBeLessThan(CHAOS_ITEMS * 0.05);
			// The successes were sent; of the items that say they may have been sent, some were (applied faults, late answers).
			const stored = [...sent.values()].reduce((sum, list) => sum + list.length, 0);
			const succeeded = output.filter(({ json }) => json.error === undefined).length;
			expect(stored).toBeGreaterThan(succeeded);
			expect(stored).toBeLessThanOrEqual(succeeded + late + maybeSent);
		},
		timeout,
	);
});
