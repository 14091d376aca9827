/** The parts of a Callbell channel the node reads. */
export interface ChannelRecord {
	uuid?: unknown;
	title?: unknown;
	type?: unknown;
	main?: unknown;
	discardedAt?: unknown;
}

/** Channel types as users know them. */
const TYPE_NAMES: Record<string, string> = {
	whatsapp: 'WhatsApp',
	instagram: 'Instagram',
	facebook: 'Messenger',
	telegram: 'Telegram',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Whether a channel is deactivated. `discardedAt` is documented as a string (a date) but shown as a
 * boolean in the examples (Callbell API docs, Channels → the Channel object): true or a date means deactivated; false, null or empty means active.
 */
export function isDiscarded(channel: ChannelRecord): boolean {
	const value = channel.discardedAt;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') return value.trim() !== '' && value.trim().toLowerCase() !== 'false';
	return false;
}

export function channelTypeName(type: unknown): string {
	return TYPE_NAMES[text(type).toLowerCase()] ?? (text(type) || 'Channel');
}

/** "WhatsApp · Main line": the type's name and the channel's title (once if the title starts with it). */
export function channelLabel(channel: ChannelRecord): string {
	const typeName = channelTypeName(channel.type);
	const title = text(channel.title).trim();
	if (!title) return typeName;
	return title.toLowerCase().startsWith(typeName.toLowerCase()) ? title : `${typeName} · ${title}`;
}

/** Active channels, the main one first, then by label. */
export function sortChannels<T extends ChannelRecord>(channels: T[]): T[] {
	return [...channels].sort(
		(a, b) => Number(b.main === true) - Number(a.main === true) || channelLabel(a).localeCompare(channelLabel(b)),
	);
}

/** The `from` of a send: the channel's type (`whatsapp`, `instagram`, `facebook`, `telegram`). */
export function channelSource(channel: ChannelRecord): string | undefined {
	const type = text(channel.type).trim().toLowerCase();
	return type || undefined;
}
