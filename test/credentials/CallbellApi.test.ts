import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import axios from 'axios';

import { CallbellApi } from '../../credentials/CallbellApi.credentials';
import { CALLBELL_NODE_TYPE } from '../harness/engine';
import { SEED, useSandbox } from '../harness/sandbox';

const sandbox = useSandbox();
const credential = new CallbellApi();

/** Resolves the credential's `test` request with n8n's expression engine, as n8n does. */
function resolveTestRequest(data: { apiToken: string; baseUrl: string }) {
	const node: INode = { id: 'n', name: 'n', type: CALLBELL_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never,
	});
	const resolve = (value: string) =>
		String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: data }));
	const request = credential.test.request;
	return { baseURL: resolve(request.baseURL!), url: request.url!, method: request.method! };
}

/** What n8n's CredentialsHelper does with a function-form `authenticate`: calls it with the request. */
async function authorizationFor(data: { apiToken: string }) {
	const options = await credential.authenticate(data, { url: '/auth/me', headers: { Accept: 'application/json' } });
	return options.headers as Record<string, string>;
}

async function runCredentialTest(data: { apiToken: string; baseUrl: string }) {
	const request = { ...resolveTestRequest(data), authorization: (await authorizationFor(data)).Authorization };
	const options: IHttpRequestOptions = { url: request.url, method: request.method };
	return await axios.request({
		baseURL: request.baseURL,
		url: options.url,
		method: options.method,
		headers: { Authorization: request.authorization },
		validateStatus: () => true,
	});
}

describe('Callbell API credential', () => {
	it('declares the fields, a Bearer header and the GET /auth/me test', () => {
		expect(credential.name).toBe('callbellApi');
		expect(credential.properties.map((property) => [property.name, property.default])).toEqual([
			['apiToken', ''],
			['baseUrl', 'https://api.callbell.eu/v1'],
			['webhookSecret', ''],
		]);
		expect(credential.properties[2].typeOptions?.password).toBe(true);
		expect(credential.properties[0].typeOptions?.password).toBe(true);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		const resolved = resolveTestRequest({ apiToken: 'tok', baseUrl: 'https://api.callbell.eu/v1/' });
		expect(resolved).toEqual({ baseURL: 'https://api.callbell.eu/v1', url: '/auth/me', method: 'GET' });
	});

	it('adds the Bearer header and keeps the request’s own headers and options', async () => {
		const given = { url: '/contacts', method: 'GET' as const, headers: { Accept: 'application/json' }, json: true };
		const options = await credential.authenticate({ apiToken: 'tok' }, given);
		expect(options).toEqual({ ...given, headers: { Accept: 'application/json', Authorization: 'Bearer tok' } });
		expect(given.headers).toEqual({ Accept: 'application/json' }); // the caller's object is not changed
	});

	it('passes its test against the sandbox with the right token, trailing slash or not', async () => {
		for (const baseUrl of [sandbox.get().url, `${sandbox.get().url}/`]) {
			const response = await runCredentialTest({ apiToken: SEED.token, baseUrl });
			expect(response.status).toBe(200);
			expect(response.data.status).toBe('ok');
			expect(JSON.stringify(response.data)).not.toContain(SEED.token);
		}
		expect(sandbox.get().requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /auth/me', 'GET /auth/me']);
	});

	it('fails its test with a wrong token (401)', async () => {
		const response = await runCredentialTest({ apiToken: 'wrong', baseUrl: sandbox.get().url });
		expect(response.status).toBe(401);
	});

	it('tells the credential dialog what a 401 or a 404 means', () => {
		const messages = Object.fromEntries(
			(credential.test.rules ?? []).map((rule) => {
				expect(rule.type).toBe('responseCode');
				const { value, message } = rule.properties as { value: number; message: string };
				return [value, message];
			}),
		);
		expect(Object.keys(messages)).toEqual(['401', '404']);
		expect(messages[401]).toMatch(/^Callbell refused the API token \(401 Unauthorized\)\. .*API settings → Keys/);
		expect(messages[404]).toMatch(/Base URL .*https:\/\/api\.callbell\.eu\/v1/);
	});
});
