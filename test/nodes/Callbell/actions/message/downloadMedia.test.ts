import type { IBinaryData } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { operationParameters } from '../../../../harness/messages';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { expectNamedMessage } from '../badInput/checks';
import type { BadInputCase } from '../badInput/corpus';
import { downloadMediaCases } from '../badInput/message';
import type { DownloadMediaBadInputCase } from '../badInput/message';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const download = (options: Record<string, unknown> = {}) => operationParameters('message', 'downloadMedia', { url: '={{ $json.url }}', options });
const bytesOf = (binary: IBinaryData | undefined) => Buffer.from(binary?.data ?? '', 'base64');

describe('Message → Download Media through n8n’s engine against the sandbox', () => {
	it('an image, a voice note and a PDF from Get Messages become binary data with their type, name and size; no token to the storage host', async () => {
		const sb = sandbox.get();
		sb.inbound({ contact_uuid: SEED.contacts.ada.uuid, text: 'Here you go', attachments: ['image', 'voice', 'document'] });
		const history = await run(operationParameters('contact', 'getMessages', { contact: { __rl: true, mode: 'id', value: SEED.contacts.ada.uuid } }));
		const urls = history.output?.[0].json.attachments as string[];
		expect(urls).toEqual([sb.mediaUrl('image'), sb.mediaUrl('voice'), sb.mediaUrl('document')]);
		sb.requests.length = 0;

		const result = await run(download(), urls.map((url) => ({ url })));
		expect(result.error).toBeUndefined();
		expect(pairs(result)).toEqual([
			[{ url: urls[0], fileName: 'photo.png', mimeType: 'image/png', size: sb.media.image.bytes.length, binaryPropertyName: 'data' }, 0],
			[{ url: urls[1], fileName: 'voice-note.ogg', mimeType: 'audio/ogg', size: sb.media.voice.bytes.length, binaryPropertyName: 'data' }, 1],
			[{ url: urls[2], fileName: 'invoice-1042.pdf', mimeType: 'application/pdf', size: sb.media.document.bytes.length, binaryPropertyName: 'data' }, 2],
		]);
		const files = result.output!.map((item) => item.binary?.data);
		expect(files.map((file) => [file?.mimeType, file?.fileName])).toEqual([
			['image/png', 'photo.png'],
			['audio/ogg', 'voice-note.ogg'],
			['application/pdf', 'invoice-1042.pdf'],
		]);
		expect(bytesOf(files[0])).toEqual(sb.media.image.bytes);
		expect(bytesOf(files[1])).toEqual(sb.media.voice.bytes);
		expect(bytesOf(files[2])).toEqual(sb.media.document.bytes);
		expect(sb.storage.requests.slice(-3).map((request) => [request.path, request.hasAuthorization])).toEqual([
			['/media/photo.png', false],
			['/media/voice-note.ogg', false],
			['/media/invoice.pdf', false],
		]);
		expect(requestsTo(sb)).toHaveLength(0); // nothing went to Callbell's API
	});

	it('a file on the credential’s own API host is fetched with the credential; Put Output File in Field names the binary field', async () => {
		const sb = sandbox.get();
		const url = sb.mediaUrl('image', { onApiHost: true });
		const result = await run(download({ binaryPropertyName: 'photo' }), [{ url }]);
		expect(pairs(result)).toEqual([[{ url, fileName: 'photo.png', mimeType: 'image/png', size: sb.media.image.bytes.length, binaryPropertyName: 'photo' }, 0]]);
		expect(Object.keys(result.output![0].binary ?? {})).toEqual(['photo']);
		expect(sb.storage.requests.at(-1)).toMatchObject({ path: '/media/photo.png', hasAuthorization: true });
	});

	it('a 404, a file over Max File Size and bad input: one error item each, naming the field and the item; bad input sends nothing', async () => {
		const sb = sandbox.get();
		const items = [
			{ url: sb.mediaUrl('voice', { status: 404 }) },
			{ url: sb.mediaUrl('large', { bytes: 2 * 1024 * 1024 }) },
			{ url: 'ftp://files.example.com/a.pdf' },
			{ url: 'not a url' },
			{ url: '' },
			{ url: sb.mediaUrl('image') },
		];
		const result = await run(download({ maxFileSizeMb: 1 }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.error ?? json.fileName, item])).toEqual([
			['Attachment URL: The file server answered 404 [item 0]', 0],
			['Attachment URL: The file is 2 MB, larger than the limit of 1 MB [item 1]', 1],
			['Attachment URL "ftp://files.example.com/a.pdf" must start with https:// or http:// [item 2]', 2],
			['Attachment URL "not a url" is not an absolute URL [item 3]', 3],
			['Attachment URL is required [item 4]', 4],
			['photo.png', 5],
		]);
		expect(result.output![5].binary?.data?.mimeType).toBe('image/png');
		expect(sb.storage.requests.map((request) => request.path)).toEqual(['/media/voice-note.ogg', '/media/video.mp4', '/media/photo.png']);
	});

	it('a file without Content-Length that grows past the limit is cut off', async () => {
		const sb = sandbox.get();
		const result = await run(download({ maxFileSizeMb: 0.5 }), [{ url: sb.mediaUrl('large', { bytes: 3 * 1024 * 1024, chunked: true }) }], { continueOnFail: true });
		expect(pairs(result)[0][0].error).toBe('Attachment URL: The file is larger than the limit of 0.5 MB [item 0]');
		const whole = await run(download(), [{ url: sb.mediaUrl('document', { chunked: true }) }]);
		expect(whole.output?.[0].json).toMatchObject({ fileName: 'invoice-1042.pdf', size: sb.media.document.bytes.length });
	});

	it('without Continue On Fail the first failure stops the node with the item named', async () => {
		const sb = sandbox.get();
		const result = await run(download(), [{ url: sb.mediaUrl('document', { status: 503 }) }]);
		expect(result.error?.message).toBe('Attachment URL: The file server answered 503 [item 0]');
		expect(result.error?.description).toContain(`While downloading ${sb.storage.url}/invoice.pdf`);
	});
});

describe('Message → Download Media: bad input (badInput/message.ts), the bad item in the middle', () => {
	const rows = downloadMediaCases.map((badCase) => [badCase.title, badCase] as const);
	/** Option values come from the item, so one item can carry a bad one. */
	const perItem = operationParameters('message', 'downloadMedia', {
		url: '={{ $json.url }}',
		options: { binaryPropertyName: '={{ $json.options?.binaryPropertyName ?? "data" }}', maxFileSizeMb: '={{ $json.options?.maxFileSizeMb ?? 25 }}' },
	});
	const itemsOf = (badCase: DownloadMediaBadInputCase) => {
		const sb = sandbox.get();
		return [{ url: sb.mediaUrl('image') }, { url: sb.mediaUrl('voice'), ...badCase.bad }, { url: sb.mediaUrl('document') }];
	};

	it('holds at least 12 distinct cases', () => {
		expect(new Set(downloadMediaCases.map((badCase) => badCase.title)).size).toBe(downloadMediaCases.length);
		expect(downloadMediaCases.length).toBeGreaterThanOrEqual(12);
	});

	it.each(rows)('with Continue On Fail: %s', async (_title, badCase) => {
		const result = await run(perItem, itemsOf(badCase), { continueOnFail: true });
		expect(result.output?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first, failed, last] = result.output!.map((item) => item.json);
		expect([first.fileName, last.fileName]).toEqual(['photo.png', 'invoice-1042.pdf']);
		expect(Object.keys(failed).filter((key) => key !== 'description')).toEqual(['error']);
		expectNamedMessage(failed.error, badCase as unknown as BadInputCase);
		expect(sandbox.get().storage.requests.map((request) => request.path)).toEqual(['/media/photo.png', '/media/invoice.pdf']);
		expect(requestsTo(sandbox.get())).toHaveLength(0);
	});

	it.each(rows)('without Continue On Fail: %s', async (_title, badCase) => {
		const result = await run({ ...perItem, options: { ...(perItem.options as object), concurrency: 1 } }, itemsOf(badCase));
		expect(result.output).toBeUndefined();
		expect(result.error?.name).toBe('NodeOperationError');
		expectNamedMessage(result.error?.message, badCase as unknown as BadInputCase);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(sandbox.get().storage.requests.map((request) => request.path)).toEqual(['/media/photo.png']);
	});
});
