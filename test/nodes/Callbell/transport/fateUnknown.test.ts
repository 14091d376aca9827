import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { MAY_HAVE_TAKEN_EFFECT, mayHaveTakenEffect, noteMayHaveTakenEffect } from '../../../../nodes/Callbell/transport/errors';
import { isFateUnknown } from '../../../../nodes/Callbell/transport/retryPolicy';

const node: INode = { id: '1', name: 'Callbell', type: 'n8n-nodes-callbell.callbell', typeVersion: 1, position: [0, 0], parameters: {} };

describe('isFateUnknown: a failed POST that Callbell may have carried out', () => {
	it.each([[{ status: 500 }], [{ status: 502 }], [{ status: 504 }], [{ code: 'ECONNRESET' }], [{ code: 'ECONNABORTED' }], [{ code: 'ETIMEDOUT' }], [{ code: 'UND_ERR_SOCKET' }]])(
		'POST after %p: unknown',
		(failure) => expect(isFateUnknown('POST', failure)).toBe(true),
	);
	it.each([[{ status: 429 }], [{ status: 400 }], [{ status: 422 }], [{ code: 'ECONNREFUSED' }], [{ code: 'ENOTFOUND' }], [{}]])(
		'POST after %p: known (refused or never sent)',
		(failure) => expect(isFateUnknown('POST', failure)).toBe(false),
	);
	it('idempotent methods never count (they are retried, and repeating them is harmless)', () => {
		for (const method of ['GET', 'PATCH', 'PUT', 'DELETE'] as const) expect(isFateUnknown(method, { status: 503 })).toBe(false);
	});
});

describe('noteMayHaveTakenEffect', () => {
	it('adds the sentence after Callbell’s own words and marks the error', () => {
		const error = new NodeApiError(node, { message: 'Bad gateway' } as JsonObject, { httpCode: '502' });
		error.description = 'Callbell says: upstream down';
		expect(mayHaveTakenEffect(error)).toBe(false);
		noteMayHaveTakenEffect(error);
		expect(error.description).toBe(`Callbell says: upstream down ${MAY_HAVE_TAKEN_EFFECT}`);
		expect(mayHaveTakenEffect(error)).toBe(true);
		expect(MAY_HAVE_TAKEN_EFFECT).toMatch(/may already have taken effect/);
	});
	it('is the whole description when there was none', () => {
		const error = new NodeApiError(node, { message: 'timeout' } as JsonObject);
		error.description = null;
		noteMayHaveTakenEffect(error);
		expect(error.description).toBe(MAY_HAVE_TAKEN_EFFECT);
	});
});
