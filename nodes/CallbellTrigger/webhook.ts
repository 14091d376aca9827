import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../Callbell/transport/request';
import { attachmentsToDownload, withAttachments } from './attachments';
import { PERSIST_EVERY_MS, PERSIST_QUIET_EVERY_MS, deliveryKey, firstTime, fromStatic, mergeRecords, toStatic } from './helpers/dedupe';
import type { SeenKeys } from './helpers/dedupe';
import type { Direction } from './helpers/events';
import { eventOf, passesDirection, toOutputJson } from './helpers/events';
import { describeSignatureProblem, verifySignature } from './helpers/signature';

const OK = { status: 'ok' };

/**
 * One trigger's record in this n8n process: keys seen, the newest new one, and when it was last
 * written by a call that starts a run and by one that starts none.
 */
interface DeliveryRecord {
	seen: SeenKeys;
	newest?: string;
	writtenAt: { run: number; quiet: number };
}

/**
 * Delivery keys seen by this n8n process, per workflow, node and mode (test or production).
 * Checked and updated synchronously, so two copies of a delivery arriving at once start one run.
 */
const records = new Map<string, DeliveryRecord>();

function recordFor(this: IWebhookFunctions): DeliveryRecord {
	const scope = `${this.getWorkflow().id}:${this.getNode().id}:${this.getMode()}`;
	let record = records.get(scope);
	if (!record) {
		// After a restart, start from what n8n kept in the workflow's static data, if anything.
		record = { seen: fromStatic(this.getWorkflowStaticData('node').deliveries), writtenAt: { run: 0, quiet: 0 } };
		records.set(scope, record);
	}
	return record;
}

/**
 * Writes the record into the node's static data (n8n saves that to the database after this call)
 * when the stored copy lacks this process's newest key and this kind of call last wrote it
 * PERSIST_EVERY_MS ago (one that starts a run) or PERSIST_QUIET_EVERY_MS ago (one that starts
 * none): under a burst, a row update every few seconds instead of one per delivery. The stored
 * copy (maybe another webhook process's) is merged in. n8n 2.41.1 keeps such a write only when the
 * call starts no run (docs/queue-mode.md §9).
 */
function persistIfDue(this: IWebhookFunctions, record: DeliveryRecord, kind: 'run' | 'quiet', nowMs: number): void {
	const every = kind === 'run' ? PERSIST_EVERY_MS : PERSIST_QUIET_EVERY_MS;
	if (record.newest === undefined || nowMs - record.writtenAt[kind] < every) return;
	const staticData = this.getWorkflowStaticData('node');
	const stored = staticData.deliveries;
	if (typeof stored === 'object' && stored !== null && record.newest in stored) return;
	record.seen = mergeRecords(stored, record.seen, nowMs);
	staticData.deliveries = toStatic(record.seen);
	record.writtenAt[kind] = nowMs;
}

function rawBodyOf(this: IWebhookFunctions): Buffer {
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw);
	return Buffer.from(JSON.stringify(this.getBodyData()));
}

/** Answers 401 itself (n8n would send 200 for a webhookResponse status) and starts nothing. */
function refuse(this: IWebhookFunctions, why: string): IWebhookResponseData {
	this.logger.warn(`Callbell Trigger refused a delivery (401): ${why}`, {
		workflowId: this.getWorkflow().id,
		node: this.getNode().name,
	});
	this.getResponseObject().status(401).json({ error: 'Invalid Callbell signature', reason: why });
	return { noWebhookResponse: true };
}

async function signatureFailure(this: IWebhookFunctions): Promise<string | undefined> {
	const credential = await this.getCredentials<{ webhookSecret?: string }>(CREDENTIAL_TYPE);
	const secret = typeof credential.webhookSecret === 'string' ? credential.webhookSecret.trim() : '';
	if (secret === '') return undefined;
	const check = verifySignature(
		this.getHeaderData()['x-callbell-signature'],
		rawBodyOf.call(this),
		secret,
		Math.floor(Date.now() / 1000),
	);
	return check.valid ? undefined : describeSignatureProblem(check.problem);
}

/**
 * One Callbell delivery: GET probes and bodies without `event` (connection checks) get 200
 * {"status":"ok"}; a bad signature gets 401; events not selected, messages of the other
 * direction and repeated deliveries get 200 and start nothing; every other delivery starts the
 * workflow with one item (carrying its `deliveryKey`), answered 200 {"status":"ok"} before the workflow runs. With Download
 * Attachments, a message's attachments are downloaded after that answer (attachments.ts).
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getWebhookName() === 'setup') return { webhookResponse: OK };
	const body = this.getBodyData();
	const event = eventOf(body);
	if (event === undefined) return { webhookResponse: OK };

	const problem = await signatureFailure.call(this);
	if (problem !== undefined) return refuse.call(this, problem);

	const payload = (typeof body.payload === 'object' && body.payload !== null ? body.payload : {}) as IDataObject;
	const events = this.getNodeParameter('events', []) as string[];
	const direction = this.getNodeParameter('direction', 'incoming') as Direction;
	const record = recordFor.call(this);
	const now = Date.now();
	if (!events.includes(event) || !passesDirection(event, payload, direction)) {
		persistIfDue.call(this, record, 'quiet', now);
		return { webhookResponse: OK };
	}

	const key = deliveryKey(event, payload);
	const first = firstTime(record.seen, key, now);
	if (first) record.newest = key;
	persistIfDue.call(this, record, first ? 'run' : 'quiet', now);
	if (!first) {
		this.logger.debug(`Callbell Trigger ignored a repeated ${event} delivery`, { workflowId: this.getWorkflow().id });
		return { webhookResponse: OK };
	}
	// deliveryKey: the same for a delivery and Callbell's retries of it, for a Remove Duplicates
	// node shared by several webhook processes (this record is per process).
	const item = { json: { ...toOutputJson(event, body.payload), deliveryKey: key } };
	const attachments = attachmentsToDownload.call(this, event, payload);
	if (attachments.length === 0) return { webhookResponse: OK, workflowData: [[item]] };
	// Download Attachments: answer Callbell now, download, then start the run (n8n starts it with
	// workflowData and sends nothing more after noWebhookResponse).
	this.getResponseObject().status(200).json(OK);
	return { noWebhookResponse: true, workflowData: [[await withAttachments.call(this, item, attachments)]] };
}
