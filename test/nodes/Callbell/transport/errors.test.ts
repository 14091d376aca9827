import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeCallbellError, toCallbellApiError } from '../../../../nodes/Callbell/transport/errors';
import { findSecret } from '../../../harness/secrets';

const node: INode = {
	id: 'n',
	name: 'Callbell',
	type: 'n8n-nodes-callbell.callbell',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
// A recognisable value standing in for the API token.
const MARKER = 'marker-4f1c-must-not-leak';

/** An error shaped like axios's: request config with the Authorization header, and the response. */
function axiosLikeError(status: number, data: unknown) {
	const headers = { Authorization: `Bearer ${MARKER}`, Accept: 'application/json' };
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		config: { headers, url: 'https://api.callbell.eu/v1/contacts/x' },
		request: { _header: `PATCH /v1/contacts/x HTTP/1.1\r\nAuthorization: Bearer ${MARKER}\r\n` },
		response: { status, data, config: { headers: { ...headers } } },
	});
}

describe('describeCallbellError', () => {
	it('puts Callbell’s message and per-field details into one sentence', () => {
		expect(describeCallbellError({ error: 'Validation failed', details: { tags: 'unknown tag "X"' } })).toBe(
			'Callbell says: Validation failed; tags: unknown tag "X"',
		);
		expect(describeCallbellError({ message: 'Contact not found' })).toBe('Callbell says: Contact not found');
		expect(describeCallbellError({ error: 'Validation failed: tags unknown tag(s): X', details: { tags: 'unknown tag(s): X' } })).toBe(
			'Callbell says: Validation failed: tags unknown tag(s): X',
		);
		expect(describeCallbellError('Bad gateway')).toBe('Bad gateway');
		expect(describeCallbellError({})).toBeUndefined();
		expect(describeCallbellError(undefined)).toBeUndefined();
	});
});

describe('toCallbellApiError', () => {
	it('mutates the helper’s NodeApiError: item index, Callbell’s explanation, no token left on it', () => {
		const original = new NodeApiError(node, axiosLikeError(422, { error: 'Validation failed' }) as unknown as JsonObject);
		expect(findSecret(original, MARKER).length).toBeGreaterThan(0);

		const error = toCallbellApiError(node, original, 3);
		expect(error).toBe(original);
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toBe('Callbell says: Validation failed');
		expect(findSecret(error, MARKER)).toEqual([]);
	});

	it('recognises a NodeApiError from another copy of n8n-workflow and mutates it in place', () => {
		// What n8n's helper throws when the package resolved its own n8n-workflow (npm installs peers).
		class NodeApiError extends Error {
			context: Record<string, unknown> = { data: { error: 'Contact not found' } };
			httpCode = '404';
			description = 'Request failed with status code 404';
		}
		const foreign = new NodeApiError('The resource you are requesting could not be found');
		foreign.name = 'NodeApiError';

		const error = toCallbellApiError(node, foreign, 2);
		expect(error).toBe(foreign);
		expect(error.description).toBe('Callbell says: Contact not found');
		expect(error.context.itemIndex).toBe(2);
	});

	it.each([
		[404, { error: 'Contact not found' }, 'Callbell answered 404: Contact not found'],
		[422, { error: 'Validation failed', details: { tags: 'unknown tag "X"' } }, 'Callbell answered 422: Validation failed; tags: unknown tag "X"'],
	])('puts Callbell’s reason for a %s into the headline', (status, body, headline) => {
		const error = toCallbellApiError(node, new NodeApiError(node, axiosLikeError(status, body) as unknown as JsonObject));
		expect(error.message).toBe(headline);
		expect(error.description).toBe(`Callbell says: ${headline.replace(/^Callbell answered \d+: /, '')}`);
	});

	it('keeps n8n’s headline when Callbell gives no reason, and for 401 and 429', () => {
		for (const [status, body] of [[404, {}], [401, { error: 'Unauthorized' }], [429, { error: 'Too many requests' }]] as const) {
			const original = new NodeApiError(node, axiosLikeError(status, body) as unknown as JsonObject);
			const before = original.message;
			expect(toCallbellApiError(node, original).message).toBe(before);
			expect(before).not.toMatch(/^Callbell answered/);
		}
	});

	it('tells the user to check the token on a 401', () => {
		const error = toCallbellApiError(node, new NodeApiError(node, axiosLikeError(401, { error: 'Unauthorized' }) as unknown as JsonObject));
		expect(error.httpCode).toBe('401');
		expect(error.description).toBe('Callbell says: Unauthorized Check the API Token in the Callbell credential.');
	});

	it('wraps anything else (e.g. a network failure) into a NodeApiError', () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', config: { headers: { authorization: `Bearer ${MARKER}` } } });
		const error = toCallbellApiError(node, reset, 1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(1);
		expect(findSecret(error, MARKER)).toEqual([]);
	});
});

describe('findSecret', () => {
	it('finds a secret in non-enumerable properties, nested objects and Maps', () => {
		const holder = new Error('x');
		Object.defineProperty(holder, 'hidden', { value: { deep: [`a ${MARKER}`] }, enumerable: false });
		expect(findSecret(holder, MARKER)).toEqual(['$.hidden.deep.0']);
		expect(findSecret(new Map([['k', MARKER]]), MARKER)).toEqual(['$<k>']);
	});
});
