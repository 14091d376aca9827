import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AttemptFailure } from './retryPolicy';
import { isNetworkCode } from './retryPolicy';

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
			const text = typeof why === 'string' ? why : JSON.stringify(why);
			// A field's reason that the error already states is not said twice.
			if (!headline?.includes(text)) parts.push(`${key}: ${text}`);
		}
	}
	return parts.length > 0 ? `Callbell says: ${parts.join('; ')}` : undefined;
}

/** Callbell's documented answer to a send when the WhatsApp balance is used up: 402 `whatsapp_wallet_depleted_credit`. */
const WALLET_DEPLETED = 'whatsapp_wallet_depleted_credit';

function isWalletDepleted(body: unknown): boolean {
	if (typeof body !== 'object' || body === null) return false;
	const { code, error } = body as Record<string, unknown>;
	return code === WALLET_DEPLETED || error === WALLET_DEPLETED;
}

/** Answers in which Callbell refused the request for a reason it states (not 401, 402, 429). */
const REFUSALS = /^(400|403|404|405|409|410|413|415|422)$/;

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
	if (apiError.httpCode === '402' && isWalletDepleted(apiError.context.data)) {
		apiError.message = 'The WhatsApp wallet in Callbell is out of credit: nothing was sent';
		apiError.description = `Top up the WhatsApp balance in Callbell (billing settings), then run the item again. ${fromBody ?? ''}`.trim();
	} else if (fromBody && REFUSALS.test(apiError.httpCode ?? '')) {
		// Callbell's reason in the headline: error outputs, notifications and an AI agent's tool
		// result often show only the message, and n8n's ("Your request is invalid…") says no why.
		apiError.message = `Callbell answered ${apiError.httpCode}: ${fromBody.replace(/^Callbell says: /, '')}`;
	}
	return apiError;
}

const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/**
 * n8n's own sentences for network errors (n8n-workflow's NodeError), for n8n versions whose error
 * keeps only the message, and the raw client messages; each gives the code it stands for.
 */
const MESSAGE_CODES: Array<[RegExp, string]> = [
	[/closed unexpectedly|socket hang up/i, 'ECONNRESET'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/timed out|timeout of \d+ ?ms exceeded/i, 'ETIMEDOUT'],
	[/refused the connection/i, 'ECONNREFUSED'],
	[/incorrect host/i, 'ENOTFOUND'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
	[/host is unreachable/i, 'EHOSTUNREACH'],
];

/** The error and its causes, outermost first. */
function chainOf(error: unknown): object[] {
	const chain: object[] = [];
	for (let current = error; chain.length < 5 && typeof current === 'object' && current !== null; ) {
		chain.push(current);
		current = (current as { cause?: unknown }).cause;
	}
	return chain;
}

/**
 * The network error code of a failed attempt, whatever shape the n8n version gives it: `httpCode`
 * (n8n before 2.41 puts ECONNRESET there, without a cause), `code` on the error or its causes, a
 * known code named in a message ("read ECONNRESET"), or n8n's sentence for it.
 */
function networkCodeOf(error: unknown): string | undefined {
	const chain = chainOf(error);
	for (const link of chain) {
		const { code, httpCode } = link as { code?: unknown; httpCode?: unknown };
		for (const candidate of [httpCode, code]) {
			if (typeof candidate === 'string' && NETWORK_CODE.test(candidate)) return candidate;
		}
	}
	const messages = chain.flatMap((link) => {
		const { message, messages } = link as { message?: unknown; messages?: unknown };
		return [message, ...(Array.isArray(messages) ? messages : [])].filter((text): text is string => typeof text === 'string');
	});
	for (const text of messages) {
		const named = text.match(/\b(E[A-Z_]{3,}|UND_ERR_[A-Z_]+)\b/g)?.find(isNetworkCode);
		if (named) return named;
	}
	for (const text of messages) {
		const known = MESSAGE_CODES.find(([pattern]) => pattern.test(text));
		if (known) return known[1];
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
	else {
		const code = networkCodeOf(error);
		if (code !== undefined) failure.code = code;
	}
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
