import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isDiscarded } from '../../helpers/channels';
import { idLocator } from '../common.descriptions';

/** The Channel picker of Get and Rename: every channel, deactivated ones marked. */
export const channelLocator = idLocator({
	displayName: 'Channel',
	name: 'channel',
	description: 'The Callbell channel: By ID its ID (32 hex characters, e.g. 35f6f8ccb55042788a2e099f3a4e0730)',
	searchListMethod: 'searchChannels',
	listPlaceholder: 'Select a channel...',
	placeholder: 'e.g. 35f6f8ccb55042788a2e099f3a4e0730',
});

export function channelPath(uuid: string): string {
	return `/channels/${encodeURIComponent(uuid)}`;
}

/**
 * The channel as Callbell gave it, plus `active`: `discardedAt` is documented as a date but shown
 * as a boolean in the examples (Callbell API docs, Channels → the Channel object); both readings are accepted, and `active` says it plainly.
 */
export function withActive(channel: IDataObject): IDataObject {
	return { ...channel, active: !isDiscarded(channel) };
}

export function channelFromResponse(this: IExecuteFunctions, response: unknown, itemIndex: number): IDataObject {
	const found = (response as { channel?: unknown } | undefined)?.channel;
	const channel = Array.isArray(found) ? found[0] : found;
	if (typeof channel !== 'object' || channel === null || Array.isArray(channel)) {
		throw new NodeOperationError(this.getNode(), `Callbell answered without a channel [item ${itemIndex}]`, { itemIndex });
	}
	return withActive(channel as IDataObject);
}
