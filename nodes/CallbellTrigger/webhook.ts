import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../Callbell/transport/request';
import { attachmentsToDownload, withAttachments } from './attachments';
import { deliveryKey, firstTime, fromStatic, toStatic } from './helpers/dedupe';
import type { SeenKeys } from './helpers/dedupe';
import type { Direction } from './helpers/events';
import { eventOf, passesDirection, toOutputJson } from './helpers/events';
import { describeSignatureProblem, verifySignature } from './helpers/signature';

const OK = { status: 'ok' };

/**
 * Delivery keys seen by this n8n process, per workflow, node and mode (test or production).
 * Checked and updated synchronously, so two copies of a delivery arriving at once start one run.
 */
const seenByTrigger = new Map<string, SeenKeys>();

function seenKeysFor(this: IWebhookFunctions): { seen: SeenKeys; save: () => void } {
	const scope = `${this.getWorkflow().id}:${this.getNode().id}:${this.getMode()}`;
	const staticData = this.getWorkflowStaticData('node');
	let seen = seenByTrigger.get(scope);
	if (!seen) {
		// After a restart, start from what n8n kept in the workflow's static data, if anything.
		seen = fromStatic(staticData.deliveries);
		seenByTrigger.set(scope, seen);
	}
	const keys = seen;
	return { seen: keys, save: () => (staticData.deliveries = toStatic(keys)) };
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
	if (!events.includes(event) || !passesDirection(event, payload, direction)) return { webhookResponse: OK };

	const { seen, save } = seenKeysFor.call(this);
	const key = deliveryKey(event, payload);
	if (!firstTime(seen, key, Date.now())) {
		this.logger.debug(`Callbell Trigger ignored a repeated ${event} delivery`, { workflowId: this.getWorkflow().id });
		return { webhookResponse: OK };
	}
	save();
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
