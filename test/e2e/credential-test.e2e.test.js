'use strict';
// The credential's Test (GET /auth/me) run by n8n itself: a real n8n server's
// POST /rest/credentials/test, which is what the credential dialog's Test button calls.
const { startN8n, setupOwner, restJson } = require('../../scripts/lib/n8n-instance');
const { useRealN8n, SEED, SANDBOX_CREDENTIAL } = require('./real-n8n');

const PORT = Number(process.env.E2E_N8N_PORT || 5691);
const base = `http://127.0.0.1:${PORT}`;
let n8n;
let cookie;

const env = useRealN8n({
	prepare: async ({ userFolder }) => {
		n8n = startN8n(userFolder, { port: PORT });
		await n8n.ready;
		({ cookie } = await setupOwner(base, {
			email: 'e2e@example.com',
			firstName: 'End',
			lastName: 'ToEnd',
			password: 'Callbell-E2e-1',
		}));
	},
	cleanUp: () => n8n?.stop(),
});

async function testCredential(data) {
	const response = await restJson(`${base}/rest/credentials/test`, {
		method: 'POST',
		cookie,
		body: { credentials: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name, type: 'callbellApi', data } },
	});
	expect(response.status).toBe(200);
	return response.json.data;
}

test('n8n’s credential test succeeds with the sandbox token, calling GET /auth/me with the Bearer header', async () => {
	const result = await testCredential({ apiToken: SEED.token, baseUrl: `${env().sandbox.url}/` });
	expect(result.status).toBe('OK');
	expect(env().sandbox.requests.map((request) => [request.method, request.path, request.authorized, request.status])).toEqual([
		['GET', '/auth/me', true, 200],
	]);
});

test('n8n’s credential test fails with a wrong token', async () => {
	const result = await testCredential({ apiToken: 'not-the-token', baseUrl: env().sandbox.url });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/401|Authorization|Unauthorized/i);
	expect(JSON.stringify(result)).not.toContain('not-the-token');
});
