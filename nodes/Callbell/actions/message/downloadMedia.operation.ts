import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_SIZE_MB, toAttachmentUrl, toBinaryPropertyName, toMaxBytes } from '../../helpers/attachments';
import { downloadFile } from '../../transport/download';
import { optionsCollection } from '../common.descriptions';
import type { ExecutionContext } from '../types';
import { ResultWithBinary } from '../types';

const URL_FIELD = 'Attachment URL';
const BINARY_FIELD = 'Put Output File in Field';
const SIZE_FIELD = 'Max File Size (MB)';

const properties: INodeProperties[] = [
	{
		displayName: URL_FIELD,
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.attachments[0] }}',
		description:
			'One URL from a message’s attachments: the attachments list of Contact → Get Messages or of the Callbell Trigger. An absolute http(s) URL, e.g. https://storage.example.com/photo.jpg.',
	},
	optionsCollection([
		{
			displayName: BINARY_FIELD,
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'The name of the output binary field to put the file in',
		},
		{
			displayName: SIZE_FIELD,
			name: 'maxFileSizeMb',
			type: 'number',
			typeOptions: { minValue: 0.01, maxValue: 1024, numberPrecision: 2 },
			default: DEFAULT_MAX_FILE_SIZE_MB,
			description: 'A larger file is not downloaded: the item fails (or, with Continue On Fail, carries the error)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['downloadMedia'] } }, properties);

/** The URL without its query string (storage links often carry signatures there). */
function shownUrl(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}

/**
 * Downloads one attachment URL into the item's binary data (transport/download.ts): the Callbell
 * token goes with the request only when the file is on the credential's API host. Outputs
 * `{url, fileName, mimeType, size, binaryPropertyName}` and the file under that binary field.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<ResultWithBinary> {
	const url = toAttachmentUrl(URL_FIELD, this.getNodeParameter('url', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const binaryPropertyName = toBinaryPropertyName(BINARY_FIELD, options.binaryPropertyName);
	const maxBytes = toMaxBytes(SIZE_FIELD, options.maxFileSizeMb);
	const file = await downloadFile.call(this, {
		url,
		apiBaseUrl: context.api.baseUrl,
		credential: context.api.credential,
		maxBytes,
		timeoutMs: context.api.timeoutMs,
	});
	if (!file.ok) {
		throw new NodeOperationError(this.getNode(), `${URL_FIELD}: ${file.reason} [item ${itemIndex}]`, {
			itemIndex,
			description: `While downloading ${shownUrl(url)}. Check that the link is still valid (storage links can expire) and that the file is within ${SIZE_FIELD}.`,
		});
	}
	const json = { url, fileName: file.fileName, mimeType: file.mimeType, size: file.size, binaryPropertyName };
	return new ResultWithBinary(json, { [binaryPropertyName]: file.binary });
}
