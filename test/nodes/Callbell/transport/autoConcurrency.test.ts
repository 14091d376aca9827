import { startRelay } from '../../../../bench/network';
import { contactOperation, pairs, sandboxRunner } from '../../../harness/contact';
import { useSandbox } from '../../../harness/sandbox';

/**
 * Concurrency Auto through n8n's engine against the sandbox behind the benchmark's TCP relay, which
 * emulates a round-trip time (every flight RTT/2 late, a new connection's first bytes one RTT more).
 * n8n opens a new connection per request, so each costs 2 RTT + the sandbox's time over plain HTTP.
 */
const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const RTT_MS = 50;
const SERVER_MS = 20;
const ITEMS = 40;

let relay: Awaited<ReturnType<typeof startRelay>>;
beforeAll(async () => {
	relay = await startRelay({ targetPort: sandbox.get().port, rttMs: RTT_MS });
});
afterAll(async () => {
	await relay.close();
});

const renameEach = (options: Record<string, unknown>) =>
	contactOperation('update', '={{ $json.uuid }}', { updateFields: { name: '={{ "Far " + $json.index }}' }, options });

async function timed(options: Record<string, unknown>) {
	const sb = sandbox.get();
	const uuids = sb.addContacts(ITEMS);
	sb.setLatency(SERVER_MS);
	relay.clear();
	const started = Date.now();
	const result = await run(renameEach(options), uuids.map((uuid, index) => ({ uuid, index })), {
		baseUrl: `http://127.0.0.1:${relay.port}/v1`,
	});
	const ended = Date.now();
	expect(result.error).toBeUndefined();
	expect(pairs(result).map(([json, paired]) => [json.name, paired])).toEqual(uuids.map((_, index) => [`Far ${index}`, index]));
	return {
		ms: ended - started,
		// at the sandbox a request is in flight for its 20 ms only, so two slots that drift apart by more
		// than that never meet there; the relay sees each connection for its whole 2 RTT + 20 ms, and for
		// a moment after its answer while it closes (when the slot's next one may already be open)
		peakAtServer: sb.stats().peakInFlight,
		peakOpen: relay.peakOpenBetween(started, ended),
		connections: relay.connections().length,
	};
}

describe('Concurrency Auto at an emulated round-trip time', () => {
	it('keeps more requests in flight than a low fixed Concurrency and finishes far sooner', async () => {
		const fixed = await timed({ concurrency: 2 });
		const auto = await timed({}); // the default: Auto
		// each request takes at least 2 × 50 + 20 ms, so two at a time need 20 × 120 ms at least
		expect(fixed.ms).toBeGreaterThanOrEqual((ITEMS / 2) * (2 * RTT_MS + SERVER_MS));
		expect(fixed.peakAtServer).toBeLessThanOrEqual(2);
		expect(fixed.peakOpen).toBeGreaterThanOrEqual(2);
		expect(auto.peakOpen).toBeGreaterThan(8);
		expect(auto.ms * 3).toBeLessThan(fixed.ms);
		// n8n's helper opens one connection per request, whatever the concurrency
		expect(fixed.connections).toBe(ITEMS);
		expect(auto.connections).toBe(ITEMS);
	});
});
