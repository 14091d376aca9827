import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { SEED, useSandbox } from '../../harness/sandbox';
import { deliver } from '../../harness/trigger';
import type { TriggerSetup } from '../../harness/trigger';

const SECRET = 'whsec_example_attachments_5d2e9c';
const sandbox = useSandbox();

let workflowCounter = 0;
/** A fresh workflow id per test: the trigger's duplicate record is per workflow and node. */
function setup(parameters: IDataObject = {}, webhookSecret?: string): TriggerSetup {
	return {
		parameters: { registration: 'manual', events: ['message_created'], downloadAttachments: true, ...parameters },
		credentials: { apiToken: SEED.token, baseUrl: sandbox.get().url, webhookSecret },
		workflowId: `wfAttach${++workflowCounter}`,
		staticData: {},
	};
}

/** A customer's message with attachments, as the sandbox emits it for Callbell's message_created. */
function inbound(attachments: string[], text = 'See attached'): { event: string; payload: IDataObject } {
	const sb = sandbox.get();
	sb.inbound({ contact_uuid: SEED.contacts.ada.uuid, text, attachments });
	const emitted = [...sb.events.emitted].reverse().find((e: { event: string }) => e.event === 'message_created') as { payload: IDataObject };
	return { event: 'message_created', payload: emitted.payload };
}

const signed = (body: unknown) => {
	const raw = JSON.stringify(body);
	const t = Math.floor(Date.now() / 1000);
	return { body, rawBody: raw, headers: { 'X-Callbell-Signature': `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex')}` } };
};
const bytesOf = (data: string | undefined) => Buffer.from(data ?? '', 'base64');

describe('Download Attachments (Callbell Trigger)', () => {
	test('image, voice note and PDF become attachment_0…2 with mime type, file name and size; Callbell is answered before the downloads', async () => {
		const sb = sandbox.get();
		const body = inbound([sb.mediaUrl('image', { delayMs: 400 }), sb.mediaUrl('voice'), sb.mediaUrl('document')]);
		const started = Date.now();
		const { result, response } = await deliver(setup(), { body });
		const finished = Date.now();

		expect(response).toMatchObject({ status: 200, body: { status: 'ok' } });
		expect(response.answeredAt! - started).toBeLessThan(300); // before the 400 ms download
		expect(finished - response.answeredAt!).toBeGreaterThanOrEqual(380);
		expect(result.noWebhookResponse).toBe(true);
		expect(result.webhookResponse).toBeUndefined();

		const [[item]] = result.workflowData!;
		const urls = body.payload.attachments as string[];
		expect(item.json).toMatchObject({ event: 'message_created', text: 'See attached', attachments: urls, direction: 'incoming' });
		expect(item.json.attachmentFiles).toEqual([
			{ url: urls[0], binaryKey: 'attachment_0', fileName: 'photo.png', mimeType: 'image/png', size: sb.media.image.bytes.length },
			{ url: urls[1], binaryKey: 'attachment_1', fileName: 'voice-note.ogg', mimeType: 'audio/ogg', size: sb.media.voice.bytes.length },
			{ url: urls[2], binaryKey: 'attachment_2', fileName: 'invoice-1042.pdf', mimeType: 'application/pdf', size: sb.media.document.bytes.length },
		]);
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0', 'attachment_1', 'attachment_2']);
		expect(item.binary!.attachment_0).toMatchObject({ mimeType: 'image/png', fileName: 'photo.png' });
		expect(item.binary!.attachment_1).toMatchObject({ mimeType: 'audio/ogg', fileName: 'voice-note.ogg' });
		expect(item.binary!.attachment_2).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-1042.pdf' });
		expect(bytesOf(item.binary!.attachment_1.data)).toEqual(sb.media.voice.bytes);
		expect(bytesOf(item.binary!.attachment_2.data)).toEqual(sb.media.document.bytes);
		// Third-party storage never sees the Callbell token.
		expect(sb.storage.requests.map((r: { hasAuthorization: boolean }) => r.hasAuthorization)).toEqual([false, false, false]);
	});

	test('failed downloads (404, too large, not a URL) leave errors with the URL kept; the event still starts the run', async () => {
		const sb = sandbox.get();
		const urls = [sb.mediaUrl('voice', { status: 404 }), sb.mediaUrl('large', { bytes: 2 * 1024 * 1024 }), 'not a url', sb.mediaUrl('image')];
		const body = inbound(urls.filter((url) => url !== 'not a url'));
		body.payload = { ...body.payload, attachments: urls }; // Callbell's list as delivered, one entry broken
		const { result, response } = await deliver(setup({ maxAttachmentSizeMb: 1 }), { body });
		expect(response).toMatchObject({ status: 200, body: { status: 'ok' } });
		const [[item]] = result.workflowData!;
		expect(item.json.attachmentFiles).toEqual([
			{ url: urls[0], error: 'The file server answered 404' },
			{ url: urls[1], error: 'The file is 2 MB, larger than the limit of 1 MB' },
			{ url: 'not a url', error: 'Attachment 2 "not a url" is not an absolute URL' },
			{ url: urls[3], binaryKey: 'attachment_3', fileName: 'photo.png', mimeType: 'image/png', size: sb.media.image.bytes.length },
		]);
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_3']);
	});

	test('a file on the credential’s API host gets the token; off by default: no downloads, answered by n8n as before', async () => {
		const sb = sandbox.get();
		const onApi = sb.mediaUrl('image', { onApiHost: true });
		const { result } = await deliver(setup(), { body: inbound([onApi]) });
		expect(result.workflowData![0][0].json.attachmentFiles).toEqual([expect.objectContaining({ url: onApi, binaryKey: 'attachment_0' })]);
		expect(sb.storage.requests.at(-1)).toMatchObject({ path: '/media/photo.png', hasAuthorization: true });

		sb.storage.clear();
		const off = await deliver(setup({ downloadAttachments: undefined }), { body: inbound([sb.mediaUrl('image')], 'No download') });
		expect(off.result.webhookResponse).toEqual({ status: 'ok' });
		expect(off.result.noWebhookResponse).toBeUndefined();
		expect(off.result.workflowData![0][0].json.attachmentFiles).toBeUndefined();
		expect(off.result.workflowData![0][0].binary).toBeUndefined();
		expect(sb.storage.requests).toHaveLength(0);
	});

	test('a message without attachments, another event, a bad signature and a repeated delivery download nothing', async () => {
		const sb = sandbox.get();
		const plain = await deliver(setup(), { body: inbound([], 'Just text') });
		expect(plain.result.webhookResponse).toEqual({ status: 'ok' });
		expect(plain.result.workflowData![0][0].json.attachmentFiles).toBeUndefined();

		const s = setup({}, SECRET);
		const body = inbound([sb.mediaUrl('image')]);
		const forged = await deliver(s, { ...signed(body), headers: { 'X-Callbell-Signature': 't=1,v1=00' } });
		expect(forged.response.status).toBe(401);
		expect(sb.storage.requests).toHaveLength(0);

		const first = await deliver(s, signed(body));
		expect(first.result.workflowData![0][0].json.attachmentFiles).toHaveLength(1);
		const again = await deliver(s, signed(body));
		expect(again.result).toEqual({ webhookResponse: { status: 'ok' } });
		expect(sb.storage.requests).toHaveLength(1);
	});
});
