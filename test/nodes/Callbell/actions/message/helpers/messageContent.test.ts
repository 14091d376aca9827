import { toCaption, toMediaType, toMediaUrl, toMessageText } from '../../../../../../nodes/Callbell/actions/message/helpers/messageContent';

describe('toMessageText', () => {
	it('keeps the text as written (no trimming inside a message)', () => expect(toMessageText('Text', ' Hi\nthere ')).toBe(' Hi\nthere '));
	it('takes a number', () => expect(toMessageText('Text', 42)).toBe('42'));
	it('accepts exactly 4096 characters, counting emoji as one', () => {
		expect(toMessageText('Text', 'x'.repeat(4096))).toHaveLength(4096);
		expect(toMessageText('Text', '😀'.repeat(4096))).toHaveLength(8192);
	});
	it('refuses 4097 characters, naming both numbers', () =>
		expect(() => toMessageText('Text', 'x'.repeat(4097))).toThrow("Text has 4097 characters, more than WhatsApp's 4096"));
	it.each([[''], ['  '], [undefined], [null]])('%p is required', (value) => expect(() => toMessageText('Text', value)).toThrow('Text is required'));
	it('refuses an object', () => expect(() => toMessageText('Text', { a: 1 })).toThrow('must be text'));
});

describe('toMediaUrl', () => {
	it.each([['https://example.com/a.png'], ['http://example.com/a.pdf'], [' https://cdn.example.com/x?y=1 ']])('accepts %p', (url) =>
		expect(toMediaUrl('Media URL', url)).toBe(url.trim()),
	);
	it.each([
		['/files/a.png', /is not an absolute URL/],
		['example.com/a.png', /is not an absolute URL/],
		['ftp://example.com/a.png', /must start with https:\/\/ or http:\/\//],
		['file:///etc/passwd', /must start with https/],
		['data:image/png;base64,AAAA', /must start with https/],
		['https://exa mple.com/a.png', /is not/],
	])('refuses %p', (url, message) => expect(() => toMediaUrl('Media URL', url)).toThrow(message));
	it('is required', () => expect(() => toMediaUrl('Media URL', '')).toThrow('Media URL is required'));
});

describe('toCaption and toMediaType', () => {
	it('an empty caption is none', () => expect(toCaption('Caption', '')).toBeUndefined());
	it('refuses a caption over 1024 characters', () => expect(() => toCaption('Caption', 'c'.repeat(1025))).toThrow(/1025 characters/));
	it('knows the media types', () => {
		expect(toMediaType('Message Type', 'video')).toBe('video');
		expect(() => toMediaType('Message Type', 'sticker')).toThrow(/must be one of image, document, audio, video/);
	});
});
