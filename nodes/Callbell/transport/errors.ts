import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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

function redactHeaders(headers: unknown): void {
	if (typeof headers !== 'object' || headers === null) return;
	for (const key of Object.keys(headers)) {
		if (SECRET_HEADERS.includes(key.toLowerCase())) (headers as Record<string, unknown>)[key] = '[redacted]';
	}
}

/** Remove credentials that the HTTP client keeps on the underlying error (request config). */
function redactCause(cause: unknown): void {
	if (typeof cause !== 'object' || cause === null) return;
	const { config, request, response } = cause as {
		config?: { headers?: unknown };
		request?: { _header?: unknown };
		response?: { config?: { headers?: unknown } };
	};
	redactHeaders(config?.headers);
	redactHeaders(response?.config?.headers);
	if (request && typeof request._header === 'string') request._header = '[redacted]';
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
	redactCause(apiError.cause);
	if (itemIndex !== undefined) apiError.context.itemIndex = itemIndex;
	const fromBody = describeCallbellError(apiError.context.data);
	if (fromBody) apiError.description = fromBody;
	if (apiError.httpCode === '401') {
		apiError.description = `${fromBody ?? 'Callbell rejected the API token.'} Check the API Token in the Callbell credential.`;
	}
	return apiError;
}
