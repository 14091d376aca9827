import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { attemptFailureOf } from '../../../../nodes/Callbell/transport/errors';
import { isFateUnknown } from '../../../../nodes/Callbell/transport/retryPolicy';
import { lostAnswerReason, mayHaveTakenEffect, noteMayHaveTakenEffect, reasonOf, requestWording } from '../../../../nodes/Callbell/transport/unknownFate';

const node: INode = { id: '1', name: 'Callbell', type: 'n8n-nodes-callbell.callbell', typeVersion: 1, position: [0, 0], parameters: {} };

describe('isFateUnknown: a failed POST that Callbell may have carried out', () => {
	it.each([[{ status: 500 }], [{ status: 502 }], [{ status: 504 }], [{ code: 'ECONNRESET' }], [{ code: 'ECONNABORTED' }], [{ code: 'ETIMEDOUT' }], [{ code: 'UND_ERR_SOCKET' }], [{}]])(
		'POST after %p: unknown (an unreadable failure counts as unknown)',
		(failure) => expect(isFateUnknown('POST', failure)).toBe(true),
	);
	it.each([[{ status: 429 }], [{ status: 400 }], [{ status: 402 }], [{ status: 422 }], [{ code: 'ECONNREFUSED' }], [{ code: 'ENOTFOUND' }]])(
		'POST after %p: known (refused or never sent)',
		(failure) => expect(isFateUnknown('POST', failure)).toBe(false),
	);
	it('idempotent methods never count (they are retried, and repeating them is harmless)', () => {
		for (const method of ['GET', 'PATCH', 'PUT', 'DELETE'] as const) expect(isFateUnknown(method, { status: 503 })).toBe(false);
	});
});

describe('attemptFailureOf: the network code whatever shape the n8n version gives the error', () => {
	const apiError = (error: JsonObject, options: { httpCode?: string } = {}) => new NodeApiError(node, error, options);

	it('n8n 1.123 and 2.8: httpCode "ECONNRESET" and no cause', () => {
		const error = apiError({ message: 'socket hang up' });
		error.httpCode = 'ECONNRESET';
		delete (error as { cause?: unknown }).cause;
		expect(attemptFailureOf(error)).toEqual({ code: 'ECONNRESET' });
	});
	it.each(['ETIMEDOUT', 'ECONNABORTED', 'EPIPE'])('httpCode %s', (code) => {
		const error = apiError({ message: 'x' });
		error.httpCode = code;
		expect(attemptFailureOf(error)).toEqual({ code });
	});
	it('n8n 2.41: the code on the cause', () => {
		const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
		expect(attemptFailureOf(apiError(cause as unknown as JsonObject))).toEqual({ code: 'ECONNRESET' });
	});
	it.each([
		['read ECONNRESET', 'ECONNRESET'],
		['write EPIPE', 'EPIPE'],
		['timeout of 1500ms exceeded', 'ETIMEDOUT'],
		['socket hang up', 'ECONNRESET'],
		['The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.', 'ECONNRESET'],
		["The connection timed out, consider setting the 'Retry on Fail' option in the node settings", 'ETIMEDOUT'],
		['The connection was aborted, perhaps the server is offline', 'ECONNABORTED'],
		['The service refused the connection - perhaps it is offline', 'ECONNREFUSED'],
		['connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'],
	])('only a message: %s → %s', (message, code) => {
		const error = new Error(message);
		expect(attemptFailureOf(error)).toEqual({ code });
	});
	it('an ERROR in capitals is not a network code; an unreadable failure has neither status nor code', () => {
		expect(attemptFailureOf(new Error('UNKNOWN ERROR happened'))).toEqual({});
	});
	it('an HTTP status wins over any code', () => {
		const error = apiError({ message: 'x' }, { httpCode: '503' });
		expect(attemptFailureOf(error)).toEqual({ status: 503 });
	});
});

describe('noteMayHaveTakenEffect: the headline says it, the description says how to check', () => {
	it('replaces n8n’s “you can retry” headline and keeps Callbell’s words after how to check', () => {
		const error = new NodeApiError(node, { message: 'Bad gateway' } as JsonObject, { httpCode: '502' });
		error.description = 'Callbell says: upstream down';
		expect(mayHaveTakenEffect(error)).toBe(false);
		noteMayHaveTakenEffect(error, lostAnswerReason({ status: 502 }, 30_000), requestWording('POST', '/contacts'));
		expect(error.message).toBe('POST /contacts may already have taken effect in Callbell, so it was not sent again; do not repeat it before checking Callbell (Callbell answered 502, which does not say whether it was carried out)');
		expect(error.description).toBe('Look in Callbell whether it took effect before you run this item again: sending it again could make it happen twice. Callbell says: upstream down');
		expect(mayHaveTakenEffect(error)).toBe(true);
		expect(reasonOf(error)).toMatch(/answered 502/);
	});
	it('rewording keeps Callbell’s words once', () => {
		const error = new NodeApiError(node, { message: 'x' } as JsonObject);
		error.description = 'Callbell says: busy';
		noteMayHaveTakenEffect(error, 'r', requestWording('POST', '/a'));
		noteMayHaveTakenEffect(error, 'r', { headline: (reason) => `H ${reason}`, howToCheck: 'Check.' });
		expect([error.message, error.description]).toEqual(['H r', 'Check. Callbell says: busy']);
	});
	it.each([
		[{ code: 'ECONNABORTED' }, 'no answer came within the 1.5 s timeout'],
		[{ code: 'ETIMEDOUT' }, 'no answer came within the 1.5 s timeout'],
		[{ code: 'ECONNRESET' }, 'the connection was lost before the answer, ECONNRESET'],
		[{}, 'the answer was lost'],
	])('reason for %p', (failure, reason) => expect(lostAnswerReason(failure, 1500)).toBe(reason));
});
