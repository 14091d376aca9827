import { createSandbox, SEED } from '../sandbox';

export { SEED };

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

/** A sandbox on a free loopback port for one test file; reset between tests. */
export function useSandbox(): { get: () => Sandbox } {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await createSandbox({ port: 0 });
	});
	beforeEach(() => sandbox?.reset());
	afterAll(async () => {
		await sandbox?.close();
	});
	return {
		get: () => {
			if (!sandbox) throw new Error('The sandbox is not running');
			return sandbox;
		},
	};
}

/** The /v1 requests the sandbox received, without control calls. */
export function requestsTo(sandbox: Sandbox, method?: string) {
	return sandbox.requests.filter((request) => !method || request.method === method);
}
