import { channelLabel, channelSource, isDiscarded, sortChannels } from '../../../../nodes/Callbell/helpers/channels';

describe('channels', () => {
	it.each([
		[false, false],
		[null, false],
		[undefined, false],
		['', false],
		['false', false],
		[true, true],
		['2026-01-05T10:00:00Z', true],
	])('discardedAt %p → deactivated %p (boolean or date, §9.8)', (discardedAt, expected) => expect(isDiscarded({ discardedAt })).toBe(expected));

	it('names a channel as users know it, without repeating the type', () => {
		expect(channelLabel({ type: 'whatsapp', title: 'Main line' })).toBe('WhatsApp · Main line');
		expect(channelLabel({ type: 'whatsapp', title: 'WhatsApp · Main line' })).toBe('WhatsApp · Main line');
		expect(channelLabel({ type: 'facebook', title: 'Shop page' })).toBe('Messenger · Shop page');
		expect(channelLabel({ type: 'telegram' })).toBe('Telegram');
		expect(channelLabel({ type: 'webchat', title: 'Site' })).toBe('webchat · Site');
	});

	it('sorts the main channel first, then by label', () => {
		const sorted = sortChannels([
			{ uuid: 'b', type: 'telegram', title: 'Bot' },
			{ uuid: 'a', type: 'instagram', title: 'Shop' },
			{ uuid: 'm', type: 'whatsapp', title: 'Main', main: true },
		]);
		expect(sorted.map((channel) => channel.uuid)).toEqual(['m', 'a', 'b']);
	});

	it('derives from from the type', () => {
		expect(channelSource({ type: 'WhatsApp' })).toBe('whatsapp');
		expect(channelSource({})).toBeUndefined();
	});
});
