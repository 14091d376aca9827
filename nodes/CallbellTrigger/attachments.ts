import type { IBinaryData, IBinaryKeyData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_SIZE_MB, toAttachmentUrl, toMaxBytes } from '../Callbell/helpers/attachments';
import { normalizeBaseUrl } from '../Callbell/transport/baseUrl';
import { downloadFile } from '../Callbell/transport/download';
import { CREDENTIAL_TYPE } from '../Callbell/transport/request';

/** A download has this long; Callbell was answered before it started. */
const DOWNLOAD_TIMEOUT_MS = 60_000;
const SIZE_FIELD = 'Max Attachment Size (MB)';

/** The attachment URLs of a message_created payload that Download Attachments should fetch, or none. */
export function attachmentsToDownload(this: IWebhookFunctions, event: string, payload: IDataObject): unknown[] {
	if (event !== 'message_created' || this.getNodeParameter('downloadAttachments', false) !== true) return [];
	return Array.isArray(payload.attachments) ? payload.attachments : [];
}

/** The credential's Base URL: the token may go to this host only. Undefined when it is not valid (then it goes nowhere). */
async function apiBaseUrlOf(this: IWebhookFunctions): Promise<string> {
	const credential = await this.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
	try {
		return normalizeBaseUrl(credential.baseUrl);
	} catch {
		return '';
	}
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Downloads each attachment into the item's binary data under `attachment_<index in attachments>`
 * and lists them in `json.attachmentFiles` (`{url, binaryKey, fileName, mimeType, size}`, or
 * `{url, error}` for one that failed). Never throws: the event is kept whatever happens.
 */
export async function withAttachments(this: IWebhookFunctions, item: INodeExecutionData, urls: unknown[]): Promise<INodeExecutionData> {
	const downloaded: Array<IBinaryData | undefined> = [];
	const failed = (index: number, raw: unknown, reason: string): IDataObject => {
		this.logger.warn(`Callbell Trigger could not download attachment ${index}: ${reason}`, { workflowId: this.getWorkflow().id });
		return { url: raw as string, error: reason };
	};
	let files: IDataObject[];
	try {
		const apiBaseUrl = await apiBaseUrlOf.call(this);
		const maxBytes = toMaxBytes(SIZE_FIELD, this.getNodeParameter('maxAttachmentSizeMb', DEFAULT_MAX_FILE_SIZE_MB));
		files = await Promise.all(
			urls.map(async (raw, index): Promise<IDataObject> => {
				try {
					const url = toAttachmentUrl(`Attachment ${index}`, raw);
					const file = await downloadFile.call(this, { url, apiBaseUrl, maxBytes, timeoutMs: DOWNLOAD_TIMEOUT_MS });
					if (!file.ok) return failed(index, raw, file.reason);
					downloaded[index] = file.binary;
					return { url: raw as string, binaryKey: `attachment_${index}`, fileName: file.fileName, mimeType: file.mimeType, size: file.size };
				} catch (error) {
					return failed(index, raw, reasonOf(error));
				}
			}),
		);
	} catch (error) {
		// No download started (the size limit or the credential could not be read): each attachment says why.
		files = urls.map((raw, index) => failed(index, raw, reasonOf(error)));
	}
	// In the attachments' order, whichever download finished first.
	const binary: IBinaryKeyData = {};
	downloaded.forEach((file, index) => {
		if (file) binary[`attachment_${index}`] = file;
	});
	const result: INodeExecutionData = { json: { ...item.json, attachmentFiles: files } };
	if (Object.keys(binary).length > 0) result.binary = binary;
	return result;
}
