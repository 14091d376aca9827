import type {
	IAdditionalCredentialOptions,
	IBinaryData,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './request';

/** Node executions (Message → Download Media) and the trigger's webhook (Download Attachments). */
type DownloadContext = IExecuteFunctions | IWebhookFunctions;

export interface DownloadTarget {
	/** An absolute http(s) URL, already checked by the caller. */
	url: string;
	/** The credential's Base URL: the token goes with the request only to this host. */
	apiBaseUrl: string;
	/** The decrypted credential, when the caller has it (saves n8n loading it again). */
	credential?: IAdditionalCredentialOptions;
	maxBytes: number;
	timeoutMs: number;
}

export interface DownloadedFile {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	/** Bytes received. */
	size: number;
	/** Whether the Callbell credential went with the request (the file is on the API's host). */
	authenticated: boolean;
}

/** A download that failed: why, never with the token; `httpCode` when the file server answered. */
export interface DownloadFailure {
	ok: false;
	reason: string;
	httpCode?: number;
}

export type DownloadResult = ({ ok: true } & DownloadedFile) | DownloadFailure;

interface StreamResponse {
	body: AsyncIterable<Buffer> & { destroy?: () => void };
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/**
 * Attachments may live on third-party storage (Callbell's docs give only their URLs): the API
 * token goes with a download only when the file is on the credential's own API host (same
 * protocol, host and port); every other host gets a plain request without it.
 */
export function isApiHost(url: string, apiBaseUrl: string): boolean {
	if (!URL.canParse(url) || !URL.canParse(apiBaseUrl)) return false;
	const file = new URL(url);
	const api = new URL(apiBaseUrl);
	return file.protocol === api.protocol && file.host === api.host;
}

function header(headers: StreamResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** A file name without folders or control characters. */
function cleanName(name: string): string {
	const base = name.split(/[/\\]/).pop() ?? '';
	return [...base].filter((c) => c.charCodeAt(0) > 31 && c.charCodeAt(0) !== 127 && c !== '"').join('').trim();
}

/** Content-Disposition's `filename*=UTF-8''…` or `filename="…"`, else the URL's last path segment. */
export function fileNameOf(disposition: string | undefined, url: string): string {
	const extended = disposition && /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
	const plain = disposition && /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
	let name = '';
	try {
		if (extended) name = decodeURIComponent(extended[1].trim());
		else if (plain) name = plain[1].trim();
		else name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
	} catch {
		name = '';
	}
	return cleanName(name) || 'attachment';
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;
}

async function fetchStream(this: DownloadContext, target: DownloadTarget, authenticated: boolean): Promise<StreamResponse | DownloadFailure> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: target.url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		timeout: target.timeoutMs,
	};
	try {
		if (authenticated) {
			options.sendCredentialsOnCrossOriginRedirect = false;
			return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, target.credential)) as StreamResponse;
		}
		return (await this.helpers.httpRequest(options)) as StreamResponse;
	} catch (error) {
		return { ok: false, reason: `The file could not be downloaded: ${error instanceof Error ? error.message : String(error)}` };
	}
}

async function readAtMost(body: StreamResponse['body'], maxBytes: number): Promise<Buffer | DownloadFailure> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of body) {
			size += chunk.length;
			if (size > maxBytes) {
				body.destroy?.();
				return { ok: false, reason: `The file is larger than the limit of ${megabytes(maxBytes)}` };
			}
			chunks.push(chunk);
		}
	} catch (error) {
		return { ok: false, reason: `The download broke off: ${error instanceof Error ? error.message : String(error)}` };
	}
	return Buffer.concat(chunks);
}

/**
 * Downloads one file into n8n's binary data: refuses a file over `maxBytes` as soon as its
 * Content-Length (or the bytes received) say so, and any answer that is not 2xx. The only HTTP
 * door besides `callbellApiRequest`. Expected failures are returned, not thrown.
 */
export async function downloadFile(this: DownloadContext, target: DownloadTarget): Promise<DownloadResult> {
	const authenticated = isApiHost(target.url, target.apiBaseUrl);
	const response = await fetchStream.call(this, target, authenticated);
	if ('ok' in response) return response;
	if (response.statusCode < 200 || response.statusCode > 299) {
		response.body.destroy?.();
		return { ok: false, reason: `The file server answered ${response.statusCode}`, httpCode: response.statusCode };
	}
	const declared = Number(header(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > target.maxBytes) {
		response.body.destroy?.();
		return { ok: false, reason: `The file is ${megabytes(declared)}, larger than the limit of ${megabytes(target.maxBytes)}` };
	}
	const data = await readAtMost(response.body, target.maxBytes);
	if (!Buffer.isBuffer(data)) return data;
	const fileName = fileNameOf(header(response.headers, 'content-disposition'), target.url);
	const contentType = header(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	const binary = await this.helpers.prepareBinaryData(data, fileName, contentType || undefined);
	return { ok: true, binary, fileName, mimeType: binary.mimeType, size: data.length, authenticated };
}
