import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { normalizeBaseUrl } from './baseUrl';
import { DEFAULT_TIMEOUT_MS } from './runSettings';
import { InputError } from '../helpers/InputError';
import type { ConcurrencyController } from './concurrencyController';
import { attemptFailureOf, noteRetries, toCallbellApiError } from './errors';
import type { RateLimiter } from './rateLimiter';
import { createRateLimiter } from './rateLimiter';
import type { RateShare } from './rateShare';
import { createPacing, joinProcessShare } from './processShare';
import type { RetrySettings } from './retryPolicy';
import { DEFAULT_RETRY, decideRetry, isFateUnknown, isIdempotent } from './retryPolicy';
import { lostAnswerReason, noteMayHaveTakenEffect, requestWording } from './unknownFate';

export const CREDENTIAL_TYPE = 'callbellApi';

/** Node executions, the editor's pickers and a trigger's webhook lifecycle (subscribe, unsubscribe). */
type CallbellContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export interface CallbellRequest {
	method: IHttpRequestMethods;
	/** Path below the Base URL, starting with `/`, with every id already encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex?: number;
}

/** Where and how an execution talks to Callbell: resolved once, shared by every request. */
export interface CallbellConnection {
	baseUrl: string;
	retry: RetrySettings;
	timeoutMs: number;
	limiter: RateLimiter;
	/** The credential as read once for this execution (absent when the node names none by id). */
	credential?: IAdditionalCredentialOptions;
	/** Concurrency Auto: told every request's time and every wait before a retry. */
	concurrency?: ConcurrencyController;
	/** This execution's share of the account's rate (under Max Requests Per Second), told every answer. */
	share?: RateShare;
	/** The execution is done: it stops pacing together with this process's others (processShare.ts). */
	leave?: () => void;
	/**
	 * Items whose request that is not idempotent (a POST) Callbell carried out or may have: it
	 * answered 2xx, or the answer was lost. Such an item is never run again (see earlierTries).
	 */
	itemsWithEffect?: Set<number>;
}

export interface ConnectionSettings {
	retry?: Partial<RetrySettings>;
	timeoutMs?: number;
	/** The most requests this execution sends per second; 0 means no cap. */
	maxRequestsPerSecond?: number;
}

/** Pickers in the editor: a person is waiting, so fail fast rather than back off for minutes. */
export const EDITOR_SETTINGS: ConnectionSettings = { retry: { maxRetries: 2, maxTotalWaitMs: 10_000 }, timeoutMs: 15_000 };

function checkedBaseUrl(this: CallbellContext, raw: unknown): string {
	try {
		return normalizeBaseUrl(raw);
	} catch (error) {
		const problem = error instanceof InputError ? error : undefined;
		throw new NodeOperationError(this.getNode(), problem?.message ?? 'Invalid Base URL in the Callbell credential', {
			description: problem?.hint,
		});
	}
}

/**
 * The connection for this execution: the credential is read and its Base URL checked (https
 * unless loopback) once, and every request hands the decrypted credential to n8n's helper, which
 * otherwise loads and decrypts it again for each request.
 */
export async function getConnection(this: CallbellContext, settings: ConnectionSettings = {}): Promise<CallbellConnection> {
	const data = await this.getCredentials<ICredentialDataDecryptedObject & { baseUrl?: string }>(CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const baseUrl = checkedBaseUrl.call(this, data.baseUrl);
	const cap = settings.maxRequestsPerSecond ?? 0;
	// Without a cap (0) nothing paces or adapts: 429s are only retried. With one, executions of the
	// workflow running at the same time in this process pace together (transport/processShare.ts).
	const joined =
		cap > 0 && reference?.id
			? joinProcessShare({ credentialId: reference.id, baseUrl, workflowId: this.getWorkflow().id ?? '', ceiling: cap })
			: undefined;
	const pacing = joined ?? (cap > 0 ? createPacing(cap) : undefined);
	const connection: CallbellConnection = {
		baseUrl,
		retry: { ...DEFAULT_RETRY, ...settings.retry },
		timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		limiter: pacing?.limiter ?? createRateLimiter(0),
	};
	if (pacing) connection.share = pacing.share;
	if (joined) connection.leave = joined.leave;
	if (reference?.id) {
		connection.credential = { credentialsDecrypted: { id: reference.id, name: reference.name, type: CREDENTIAL_TYPE, data } };
	}
	return connection;
}

function isCancelled(context: CallbellContext): boolean {
	return 'getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted === true;
}

/**
 * The only door to Callbell: every request goes through n8n's authenticated HTTP helper, paced by
 * the execution's rate limiter and retried as `retryPolicy` allows (429, 5xx, network failures).
 */
export async function callbellApiRequest(
	this: CallbellContext,
	api: CallbellConnection,
	request: CallbellRequest,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${api.baseUrl}${request.path}`,
		headers: { Accept: 'application/json' },
		json: true,
		timeout: api.timeoutMs,
	};
	if (request.body !== undefined) options.body = request.body;
	if (request.qs !== undefined) options.qs = request.qs;

	let waitedMs = 0;
	let throttled = 0;
	for (let retries = 0; ; retries++) {
		const askedAt = Date.now();
		const slot = await api.limiter.take();
		const sentAt = Date.now();
		// A retry's wait for its turn counts as waiting too: a slowed-down share must not stretch the bound.
		if (retries > 0) waitedMs += sentAt - askedAt;
		try {
			// A fresh copy each attempt: n8n's helper adds the Authorization header to the options it gets.
			const response: unknown = await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, headers: { ...options.headers } },
				api.credential,
			);
			api.concurrency?.recordLatency(Date.now() - sentAt, Date.now());
			api.share?.recordAnswer(Date.now(), Date.now() - sentAt, false);
			if (!isIdempotent(request.method) && request.itemIndex !== undefined) api.itemsWithEffect?.add(request.itemIndex);
			return response;
		} catch (error) {
			const failure = attemptFailureOf(error);
			if (failure.status === 429) {
				// Never processed by Callbell: it frees its place in this execution's second.
				throttled++;
				api.limiter.refused(slot);
			} else if (failure.status !== undefined) api.concurrency?.recordLatency(Date.now() - sentAt, Date.now());
			if (failure.status !== undefined) api.share?.recordAnswer(Date.now(), Date.now() - sentAt, failure.status === 429);
			const decision = decideRetry(request.method, failure, { retries, throttled }, waitedMs, api.retry, Math.random(), Date.now());
			if (!decision.retry || isCancelled(this)) {
				const apiError = toCallbellApiError(this.getNode(), error, request.itemIndex);
				const why = decision.retry ? 'the execution was cancelled' : decision.reason;
				if (why !== undefined || retries > 0) noteRetries(apiError, retries, waitedMs, why);
				if (isFateUnknown(request.method, failure)) {
					noteMayHaveTakenEffect(apiError, lostAnswerReason(failure, api.timeoutMs), requestWording(request.method, request.path));
					if (request.itemIndex !== undefined) api.itemsWithEffect?.add(request.itemIndex);
				}
				throw apiError;
			}
			api.concurrency?.waiting(1);
			try {
				await sleep(decision.delayMs);
			} finally {
				api.concurrency?.waiting(-1);
			}
			waitedMs += decision.delayMs;
		}
	}
}
