import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { Settled } from '../helpers/inOrder';

/**
 * How many times n8n runs the node when its Retry On Fail setting is on: Max Tries from 2 to 5,
 * 3 when unset (n8n-core's WorkflowExecute.getRetryParams); 1 when the setting is off.
 */
export function triesOf(node: INode): number {
	if (node.retryOnFail !== true) return 1;
	return Math.min(5, Math.max(2, node.maxTries || 3));
}

interface TriesRecord<T> {
	/** Tries of this node run so far. */
	tries: number;
	/** Per item: what the next try reuses instead of running the item again. */
	kept: Map<number, Settled<T>>;
}

/**
 * One record per node run that n8n may run again, found from what every try of that run receives:
 * the first input item's data (n8n hands each try the same input, also to a node run as an AI
 * agent's tool, where each call has its own arguments), then the node's name (nodes fed by the
 * same items). A record goes with its execution's data and is never shared with another run.
 */
const records = new WeakMap<object, Map<string, TriesRecord<unknown>>>();

export interface EarlierTries<T> {
	/** What an earlier try left for the item: its output, or the error of a request that may have taken effect. */
	kept(itemIndex: number): Settled<T> | undefined;
	/**
	 * After a try: keeps every item that succeeded, and every failed item whose POST Callbell carried
	 * out or may have (`itemsWithEffect`), for the next try; releases the record when no try follows.
	 */
	settle(outcomes: Array<Settled<T> | undefined>, itemsWithEffect: ReadonlySet<number>, failed: boolean): void;
}

/**
 * n8n's Retry On Fail runs the node again over every input item, in the same execution, when a try
 * throws or (with Continue On Fail) outputs an error first. Without a memory of the earlier tries,
 * a message sent in try 1 would be sent again in try 2. Undefined when Retry On Fail is off or
 * n8n gives no handle on the node run.
 */
export function earlierTriesOf<T>(functions: IExecuteFunctions): EarlierTries<T> | undefined {
	const node = functions.getNode();
	const maxTries = triesOf(node);
	const first: unknown = maxTries > 1 ? functions.getInputData()[0]?.json : undefined;
	if (typeof first !== 'object' || first === null) return undefined;
	const byNode = records.get(first) ?? new Map<string, TriesRecord<unknown>>();
	records.set(first, byNode);
	const record = (byNode.get(node.name) as TriesRecord<T> | undefined) ?? { tries: 0, kept: new Map<number, Settled<T>>() };
	record.tries++;
	byNode.set(node.name, record);
	return {
		kept: (itemIndex) => record.kept.get(itemIndex),
		settle(outcomes, itemsWithEffect, failed) {
			if (!failed || record.tries >= maxTries) {
				byNode.delete(node.name);
				return;
			}
			outcomes.forEach((outcome, itemIndex) => {
				if (outcome && (outcome.ok || itemsWithEffect.has(itemIndex))) record.kept.set(itemIndex, outcome);
			});
		},
	};
}
