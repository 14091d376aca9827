import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AttemptFailure } from './retryPolicy';

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/** Callbell's error body: `{ "error": "…" }`, sometimes with `details` per field. */
export function describeCallbellError(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const { error, message, details, errors } = body as Record<string, unknown>;
	const parts: string[] = [];
	const headline = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
	if (headline) parts.push(headline);
	const perField = details ?? errors;
	if (typeof perField === 'object' && perField !== null) {
		for (const [key, why] of Object.entries(perField as Record<string, unknown>)) {
			parts.push(`${key}: ${typeof why === 'string' ? why : JSON.stringify(why)}`);
		}
	}
	return parts.length > 0 ? `Callbell says: ${parts.join('; ')}` : undefined;
}

/** How deep the HTTP client's objects are searched for credentials. */
const REDACT_DEPTH = 10;

function isSecretKey(key: string | symbol): boolean {
	return typeof key === 'string' && (SECRET_HEADERS.includes(key.toLowerCase()) || key === '_header');
}

/**
 * Remove credentials that the HTTP client keeps on the underlying error: request config
 * headers, the raw request header text, and the options of redirect-following requests
 * (e.g. `request._redirectable._options.headers`). Every own property is searched, symbol
 * keys included (Node keeps outgoing headers under one), without calling getters.
 */
function redactSecrets(value: unknown, depth = 0, seen = new Set<object>()): void {
	if (typeof value !== 'object' || value === null || seen.has(value) || depth > REDACT_DEPTH) return;
	seen.add(value);
	for (const key of Reflect.ownKeys(value)) {
		const descriptor = Object.getOwnPropertyDescriptor(value, key);
		if (!descriptor || !('value' in descriptor)) continue;
		if (isSecretKey(key) && descriptor.writable && descriptor.value !== undefined) {
			(value as Record<string | symbol, unknown>)[key] = '[redacted]';
		} else {
			redactSecrets(descriptor.value, depth + 1, seen);
		}
	}
}

/**
 * Whether a value is n8n's NodeApiError. Checked by name as well as by class: when the package
 * is installed with its own copy of n8n-workflow (npm installs peers), n8n's errors come from
 * another copy of the class and `instanceof` alone would miss them.
 */
export function isNodeApiError(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError || (error instanceof Error && error.name === 'NodeApiError' && 'context' in error);
}

/**
 * Give the error n8n's helper threw the item index and Callbell's own explanation.
 * The existing NodeApiError is mutated (re-wrapping it would drop the options), and any
 * credential left on its cause is redacted.
 */
export function toCallbellApiError(node: INode, error: unknown, itemIndex?: number): NodeApiError {
	const apiError = isNodeApiError(error) ? error : new NodeApiError(node, error as JsonObject, { itemIndex });
	redactSecrets(apiError.cause);
	if (itemIndex !== undefined) apiError.context.itemIndex = itemIndex;
	const fromBody = describeCallbellError(apiError.context.data);
	if (fromBody) apiError.description = fromBody;
	if (apiError.httpCode === '401') {
		apiError.description = `${fromBody ?? 'Callbell rejected the API token.'} Check the API Token in the Callbell credential.`;
	}
	return apiError;
}

const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/** The first `code` that looks like a network error code, on the error or its causes. */
function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	const value = (headers as Record<string, unknown>)[name];
	return typeof value === 'string' ? value : undefined;
}

/** What a failed attempt says for retrying: the status, the network code, Retry-After. */
export function attemptFailureOf(error: unknown): AttemptFailure {
	const apiError = isNodeApiError(error) ? error : undefined;
	const response = ((apiError?.cause ?? error) as { response?: { status?: unknown; headers?: unknown } } | undefined)
		?.response;
	const httpCode = apiError?.httpCode ?? (typeof response?.status === 'number' ? String(response.status) : undefined);
	const failure: AttemptFailure = {};
	if (httpCode && /^\d{3}$/.test(httpCode)) failure.status = Number(httpCode);
	else failure.code = networkCodeOf(apiError?.cause ?? error);
	const retryAfter = headerOf(response?.headers, 'retry-after');
	if (retryAfter !== undefined) failure.retryAfter = retryAfter;
	return failure;
}

/** Tells, in the error's description, how many times the node tried and why it stopped. */
export function noteRetries(error: NodeApiError, retries: number, waitedMs: number, why?: string): void {
	const tries = `${retries + 1} ${retries === 0 ? 'try' : 'tries'}`;
	const waited = retries > 0 ? ` over ${(waitedMs / 1000).toFixed(1)} s of waiting` : '';
	const sentence = `The node made ${tries}${waited}${why ? `; ${why}` : ''}.`;
	error.description = error.description ? `${error.description} ${sentence}` : sentence;
}

/** What the error of a POST whose fate is unknown says (operations may reword it). */
export const MAY_HAVE_TAKEN_EFFECT =
	'The request may already have taken effect in Callbell: the answer was lost (timeout, reset connection or server error), and the node does not send it again, so that it cannot happen twice. Check in Callbell before repeating it.';

/** Errors of requests that Callbell may have carried out although they failed (see isFateUnknown). */
const fateUnknown = new WeakSet<object>();

/**
 * Marks a failed POST whose fate is unknown and says so in its description: it may already
 * have taken effect, and it was not sent again so that it cannot take effect twice.
 */
export function noteMayHaveTakenEffect(error: NodeApiError): void {
	fateUnknown.add(error);
	error.description = error.description ? `${error.description} ${MAY_HAVE_TAKEN_EFFECT}` : MAY_HAVE_TAKEN_EFFECT;
}

/** Whether the error is a failed POST that may already have taken effect. */
export function mayHaveTakenEffect(error: unknown): boolean {
	return typeof error === 'object' && error !== null && fateUnknown.has(error);
}
