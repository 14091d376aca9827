import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { channelLabel, channelSource, isDiscarded } from '../../helpers/channels';
import { InputError } from '../../helpers/InputError';
import { idLocator } from '../common.descriptions';
import type { ExecutionContext } from '../types';
import { accountList } from './accountLists';

/** Send's Channel: the account's active channels, main first; empty means the main channel. */
export const sendChannelField: INodeProperties = {
	...idLocator({
		displayName: 'Channel',
		name: 'channel',
		description:
			'The channel to send from: By ID its ID (32 hex characters, e.g. 35f6f8ccb55042788a2e099f3a4e0730). Leave empty for the main channel (for a Contact recipient: the contact’s own channel). Callbell gets its ID as channel_uuid and its type as from.',
		searchListMethod: 'searchActiveChannels',
		listPlaceholder: 'Main channel',
		placeholder: 'e.g. 35f6f8ccb55042788a2e099f3a4e0730',
	}),
	required: false,
};

export interface SendChannel {
	uuid: string;
	source: string;
}

/**
 * The channel to send from, among the account's channels (read once per execution): the one
 * chosen, else `fallback` (the contact's channel), else the main channel. A deactivated or
 * unknown channel is refused, and so is one whose type Callbell does not name.
 */
export async function resolveSendChannel(
	this: IExecuteFunctions,
	context: ExecutionContext,
	chosen: string | undefined,
	fallback?: string,
): Promise<SendChannel> {
	const channels = await accountList.call(this, context, 'channels');
	const wanted = chosen ?? fallback;
	let channel: IDataObject | undefined;
	if (wanted) {
		channel = channels.find((entry) => entry.uuid === wanted);
		if (!channel) {
			throw new InputError('Channel', `"${wanted}" is not one of the account’s channels`, 'Choose the channel from the list, or copy its ID from Channel → Get Many.');
		}
	} else {
		channel = channels.find((entry) => entry.main === true && !isDiscarded(entry)) ?? channels.find((entry) => !isDiscarded(entry));
		if (!channel) throw new InputError('Channel', 'is required: the account has no active channel');
	}
	if (isDiscarded(channel)) {
		throw new InputError('Channel', `"${channelLabel(channel)}" is deactivated`, 'Choose an active channel.');
	}
	const source = channelSource(channel);
	if (!source) throw new InputError('Channel', `"${channelLabel(channel)}" has no type in Callbell’s answer`);
	return { uuid: String(channel.uuid), source };
}
