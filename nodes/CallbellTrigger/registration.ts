import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callbellApiRequest, getConnection } from '../Callbell/transport/request';

/**
 * Automatic registration. Callbell keeps ONE webhook per account and cannot tell which one it is,
 * so the trigger protects the published (production) webhook from "Listen for test event":
 *
 * - the node has a GET `setup` webhook on the same path answering 200 {"status":"ok"}, so the
 *   production URL of this node can be probed over HTTP;
 * - before subscribing a test URL, create() probes this node's production URL: when it answers,
 *   the workflow is published and owns the account's webhook, and the test is refused with a
 *   message saying what to do (nothing is sent to Callbell);
 * - delete() for a test URL unsubscribes only when this test listen subscribed it, and only
 *   when production is still not live, so a refused or outdated test never removes the
 *   production webhook.
 */

const TEST_SEGMENT = '/webhook-test/';
const PRODUCTION_SEGMENT = '/webhook/';
const PROBE_TIMEOUT_MS = 5_000;

export type ProductionState = 'live' | 'absent' | 'unknown';

export function isTestUrl(url: string): boolean {
	return url.includes(TEST_SEGMENT);
}

/** n8n serves test URLs under /webhook-test/ and production ones under /webhook/, same path. */
export function productionUrlOf(testUrl: string): string {
	const at = testUrl.lastIndexOf(TEST_SEGMENT);
	return `${testUrl.slice(0, at)}${PRODUCTION_SEGMENT}${testUrl.slice(at + TEST_SEGMENT.length)}`;
}

function statusOf(error: unknown): number | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const { httpCode, status, response } = (candidate ?? {}) as { httpCode?: unknown; status?: unknown; response?: { status?: unknown } };
		for (const value of [httpCode, status, response?.status]) {
			if (value !== undefined && /^\d{3}$/.test(String(value))) return Number(value);
		}
	}
	return undefined;
}

/** GET the production URL: 200 {"status":"ok"} means this node's published webhook is live; n8n's 404 means it is not. */
export async function probeProduction(this: IHookFunctions, productionUrl: string): Promise<{ state: ProductionState; detail: string }> {
	try {
		const body = (await this.helpers.httpRequest({ method: 'GET', url: productionUrl, json: true, timeout: PROBE_TIMEOUT_MS })) as IDataObject;
		if (body?.status === 'ok') return { state: 'live', detail: 'it answered 200 {"status":"ok"}' };
		return { state: 'unknown', detail: `it answered 200 with ${JSON.stringify(body).slice(0, 100)}` };
	} catch (error) {
		const status = statusOf(error);
		if (status === 404) return { state: 'absent', detail: 'it answered 404 (not registered)' };
		return { state: 'unknown', detail: status ? `it answered ${status}` : `it could not be reached (${(error as Error).message})` };
	}
}

function selectedEvents(this: IHookFunctions): string[] {
	const events = this.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event to subscribe to', {
			description: 'Pick the Callbell events that should start this workflow in the Events field.',
		});
	}
	return events;
}

export async function subscribe(this: IHookFunctions, url: string): Promise<void> {
	const connection = await getConnection.call(this);
	await callbellApiRequest.call(this, connection, {
		method: 'POST',
		path: '/webhooks/subscribe',
		body: { url, subscriptions: selectedEvents.call(this) },
	});
}

export async function unsubscribe(this: IHookFunctions): Promise<void> {
	const connection = await getConnection.call(this);
	await callbellApiRequest.call(this, connection, { method: 'DELETE', path: '/webhooks/unsubscribe' });
}

/** A test listen must not take the account's webhook from the published workflow. */
export async function assertTestMayRegister(this: IHookFunctions, testUrl: string): Promise<void> {
	const productionUrl = productionUrlOf(testUrl);
	const probe = await probeProduction.call(this, productionUrl);
	if (probe.state === 'absent') return;
	const live = probe.state === 'live';
	throw new NodeOperationError(
		this.getNode(),
		live
			? 'This workflow is published: its Callbell Trigger owns the account’s only webhook, and a test listen would take it from production. Unpublish the workflow to listen for a test event.'
			: 'Could not check whether this workflow’s published Callbell webhook is live, so the test listen did not touch Callbell. Use Registration: Manual to test, or unpublish the workflow.',
		{
			description: `${live ? '' : `The production URL ${productionUrl}: ${probe.detail}. `}Production keeps receiving events. To see test data, open a past production execution (Executions tab) and use "Debug in editor", or unpublish the workflow and listen again, or set Registration to Manual and paste the test URL into Callbell yourself.`,
		},
	);
}
