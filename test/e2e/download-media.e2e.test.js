'use strict';
// Message → Download Media inside real n8n (2.41.1 here; 1.123.81 and 2.8.4 in npm run test:compat):
// attachment URLs served by the sandbox's storage become binary data; a missing file is an error item.
const { useRealN8n, importWorkflows, runWorkflow, SANDBOX_CREDENTIAL } = require('./real-n8n');

const WORKFLOW_ID = 'cbTestDownloadMedia';

/** Manual Trigger → voice note → invoice (into "invoice") → a 404 (Continue On Fail). URLs are the running sandbox's. */
function workflow(sandbox) {
	const download = (name, x, url, options = {}, extra = {}) => ({
		id: `dm-${x}`,
		name,
		type: 'n8n-nodes-callbell.callbell',
		typeVersion: 1,
		position: [x * 220, 0],
		parameters: { resource: 'message', operation: 'downloadMedia', url, options },
		credentials: { callbellApi: SANDBOX_CREDENTIAL },
		...extra,
	});
	const nodes = [
		{ id: 'dm-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		download('Download voice note', 1, sandbox.mediaUrl('voice')),
		download('Download invoice', 2, sandbox.mediaUrl('document'), { binaryPropertyName: 'invoice' }),
		download('Download missing file', 3, sandbox.mediaUrl('image', { status: 404 }), {}, { onError: 'continueRegularOutput' }),
	];
	const chain = nodes.map((node) => node.name);
	const connections = Object.fromEntries(chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]));
	return { id: WORKFLOW_ID, name: 'Download Media (e2e)', active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

const env = useRealN8n({ prepare: async (e) => importWorkflows(e.userFolder, [workflow(e.sandbox)], 'download-media.json') });

test('an Ogg voice note and a PDF become binary data with mime type, file name and size; a 404 is an error item; no token to the storage host', async () => {
	const { sandbox } = env();
	const run = await runWorkflow(env().userFolder, WORKFLOW_ID, 'Download voice note');
	expect(run.ok).toBe(true);

	const [voice] = run.itemsOf('Download voice note');
	expect(voice.json).toEqual({ url: sandbox.mediaUrl('voice'), fileName: 'voice-note.ogg', mimeType: 'audio/ogg', size: sandbox.media.voice.bytes.length, binaryPropertyName: 'data' });
	expect(voice.binary.data).toMatchObject({ mimeType: 'audio/ogg', fileName: 'voice-note.ogg' });
	expect(voice.pairedItem).toEqual({ item: 0 });

	const [invoice] = run.itemsOf('Download invoice');
	expect(invoice.json).toEqual({ url: sandbox.mediaUrl('document'), fileName: 'invoice-1042.pdf', mimeType: 'application/pdf', size: sandbox.media.document.bytes.length, binaryPropertyName: 'invoice' });
	expect(invoice.binary.invoice).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-1042.pdf' });
	if (invoice.binary.invoice.data && invoice.binary.invoice.data !== 'filesystem-v2') {
		expect(Buffer.from(invoice.binary.invoice.data, 'base64')).toEqual(sandbox.media.document.bytes);
	}

	const [missing] = run.itemsOf('Download missing file');
	expect(missing.json.error).toBe('Attachment URL: The file server answered 404 [item 0]');
	expect(missing.pairedItem).toEqual({ item: 0 });

	expect(sandbox.storage.requests.map((r) => [r.path, r.hasAuthorization, r.status])).toEqual([
		['/media/voice-note.ogg', false, 200],
		['/media/invoice.pdf', false, 200],
		['/media/photo.png', false, 404],
	]);
	expect(sandbox.requests).toHaveLength(0); // nothing went to Callbell's API
});
