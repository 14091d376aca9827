import type { IDataObject } from 'n8n-workflow';

import { contactOperation, sandboxRunner } from '../harness/contact';
import type { Sandbox } from '../harness/sandbox';
import { useSandbox } from '../harness/sandbox';
import { CHAOS_CONCURRENCY, CHAOS_ITEMS, CHAOS_MAX_RETRIES, faultMix, NODE_TIMEOUT_MS } from './faultMix';

const FAULTS = faultMix('^/contacts/');

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

interface Attempts {
	ok: number;
	faulted: number;
	/** Of the faulted: 429s, which do not use up Max Retries (only the 120 s bound). */
	throttled: number;
	other: number;
}

/** Per contact: how many PATCHes the sandbox answered 200, how many it faulted, anything else. */
function patchAttempts(sb: Sandbox): Map<string, Attempts> {
	const byContact = new Map<string, Attempts>();
	for (const request of sb.requests) {
		if (request.method !== 'PATCH') continue;
		const uuid = request.path.replace('/contacts/', '');
		const attempts = byContact.get(uuid) ?? { ok: 0, faulted: 0, throttled: 0, other: 0 };
		if (request.status === 200) attempts.ok++;
		else if (request.fault) attempts.faulted++;
		else attempts.other++;
		if (request.fault && request.status === 429) attempts.throttled++;
		byContact.set(uuid, attempts);
	}
	return byContact;
}

describe(`Chaos: ${CHAOS_ITEMS} Contact → Update items under injected faults, with Continue On Fail`, () => {
	const timeout = Math.max(120_000, CHAOS_ITEMS * 60);

	it(
		'yields exactly one output per input, in order; successes are applied once, exhausted retries are error items',
		async () => {
			const sb = sandbox.get();
			const uuids = sb.addContacts(CHAOS_ITEMS, { namePrefix: 'Chaos' });
			const items: IDataObject[] = uuids.map((uuid, index) => ({ uuid, name: `Renamed ${index}` }));
			sb.setFaults(FAULTS);

			const result = await run(
				contactOperation('update', '={{ $json.uuid }}', {
					updateFields: { name: '={{ $json.name }}' },
					options: { concurrency: CHAOS_CONCURRENCY, maxRetries: CHAOS_MAX_RETRIES, timeout: NODE_TIMEOUT_MS, maxRequestsPerSecond: 0 },
				}),
				items,
				{ continueOnFail: true },
			);
			sb.setFaults(null);

			expect(result.error).toBeUndefined();
			const output = result.output ?? [];
			expect(output).toHaveLength(CHAOS_ITEMS);
			expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(uuids.map((_, index) => index));

			const attempts = patchAttempts(sb);
			const tries = CHAOS_MAX_RETRIES + 1;
			const problems: string[] = [];
			let failed = 0;
			output.forEach(({ json }, index) => {
				const uuid = uuids[index];
				const seen = attempts.get(uuid) ?? { ok: 0, faulted: 0, throttled: 0, other: 0 };
				const stored = sb.getContact(uuid)?.name;
				if (json.error === undefined) {
					if (json.uuid !== uuid || json.name !== `Renamed ${index}`) problems.push(`item ${index}: output ${JSON.stringify(json)}`);
					if (stored !== `Renamed ${index}`) problems.push(`item ${index}: sandbox has ${stored}`);
					if (seen.ok !== 1 || seen.other !== 0 || seen.faulted - seen.throttled > CHAOS_MAX_RETRIES) problems.push(`item ${index}: attempts ${JSON.stringify(seen)}`);
				} else {
					failed++;
					if (stored !== `Chaos ${index + 1}`) problems.push(`item ${index}: failed but the sandbox has ${stored}`);
					// Max Retries counts the other faults: a 429 adds a try without using one up.
					if (seen.ok !== 0 || seen.other !== 0 || seen.faulted - seen.throttled !== tries) problems.push(`item ${index}: failed after ${JSON.stringify(seen)}`);
					if (!String(json.description).includes(`The node made ${seen.faulted} tries`)) problems.push(`item ${index}: ${String(json.description)}`);
				}
			});
			expect(problems.slice(0, 20)).toEqual([]);

			const faults = sb.stats().faults;
			const total = Object.values(faults).reduce((sum, count) => sum + count, 0);
			expect(faults).toEqual(expect.objectContaining({ 429: expect.any(Number), reset: expect.any(Number), timeout: expect.any(Number) }));
			expect(faults['500'] + faults['502'] + faults['503']).toBeGreaterThan(0);
			// The mix as injected: about 18 % of all attempts faulted.
			expect(total / sb.stats().requests).toBeGreaterThan(0.14);
			expect(total / sb.stats().requests).toBeLessThan(0.22);
			// Some items used up their retries, most got through.
			expect(failed).toBeGreaterThan(0);
			expect(failed).toBeLessThan(CHAOS_ITEMS * 0.05);
		},
		timeout,
	);
});
