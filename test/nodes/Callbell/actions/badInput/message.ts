import type { IDataObject } from 'n8n-workflow';

import type { BadInputCase, ItemValue } from './corpus';
import { escapeRegExp, notAnId } from './corpus';
import { ref } from '../../../../harness/messages';
import { SEED } from '../../../../harness/sandbox';

/**
 * Message → Send with one bad value in the middle item. Valid items go to Ada and Alan, whose
 * 24-hour window is open in the seed, so their free-form messages are accepted.
 */

const ADA = '+44 7700 900001';
const ALAN = '+44 7700 900003';
const T = SEED.templates;

type Parameters = IDataObject;

function sendCase(title: string, parameters: Parameters, good: IDataObject, bad: IDataObject, field: string, message: RegExp): BadInputCase {
	return {
		title: `send: ${title}`,
		operation: 'send',
		parameters: { resource: 'message', sendTo: 'phone', phoneNumber: '={{ $json.phone }}', ...parameters },
		valid: [
			{ phone: ADA, ...good },
			{ phone: ALAN, ...good },
		],
		bad: { phone: ADA, ...good, ...bad },
		field,
		message,
	};
}

const TEXT: Parameters = { messageType: 'text', text: '={{ $json.text }}' };
const text = (title: string, bad: IDataObject, field: string, message: RegExp, parameters: Parameters = {}) =>
	sendCase(title, { ...TEXT, ...parameters }, { text: 'Hello' }, bad, field, message);

const phone = (title: string, value: ItemValue, message: RegExp) => text(`a phone number ${title}`, { phone: value }, 'Phone Number', message);
const noCountryCode = (value: string) => new RegExp(`^Phone Number "${escapeRegExp(value)}" has no country code$`);
const notAPhone = /^Phone Number ".*" is not a phone number: /;

const media = (type: string, title: string, url: ItemValue, message: RegExp, extra: Parameters = {}, badExtra: IDataObject = {}) =>
	sendCase(`${type}: ${title}`, { messageType: type, mediaUrl: '={{ $json.url }}', ...extra }, { url: 'https://example.com/files/a.pdf', caption: 'ok' }, { url, ...badExtra }, badExtra.caption ? 'Caption' : 'Media URL', message);

const TEMPLATE: Parameters = {
	messageType: 'template',
	template: ref('={{ $json.template }}'),
	templateValues: { values: [{ value: '={{ $json.values }}' }] },
	optIn: '={{ $json.optIn }}',
	mediaUrl: '={{ $json.url }}',
};
const shipped = { template: T.orderShipped.uuid, values: ['Ada', 'A-1', 'Friday'], optIn: true, url: '' };
const template = (title: string, bad: IDataObject, field: string, message: RegExp) => sendCase(`template: ${title}`, TEMPLATE, shipped, bad, field, message);
// Template By Name: the good items name "Order shipped" (in another case and spacing).
const byName = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	sendCase(`template by name: ${title}`, { ...TEMPLATE, template: { __rl: true, mode: 'name', value: '={{ $json.template }}' } }, { ...shipped, template: ' order SHIPPED' }, bad, field, message);
const count = (given: number, expected: number, title: string) =>
	new RegExp(`^Template Values has ${given} values?, but the template "${escapeRegExp(title)}" has ${expected} variables?$`);

const urlRefused = /^Media URL ".*" (is not an absolute URL|must start with https:\/\/ or http:\/\/|is not a valid URL)$/;

const pairs = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `={{ $json.keys[${index}] }}`, value: `={{ $json.values[${index}] }}` }));
const metadata = (title: string, bad: IDataObject, field: string, message: RegExp, size = 11) =>
	sendCase(
		`metadata: ${title}`,
		{ ...TEXT, additionalFields: { metadata: { pair: pairs(size) } } },
		{ text: 'Hello', keys: ['orderId'], values: ['A-1'] },
		bad,
		field,
		message,
	);
const extra = (title: string, name: string, good: ItemValue, bad: ItemValue, field: string, message: RegExp) =>
	sendCase(title, { ...TEXT, additionalFields: { [name]: '={{ $json.extra }}' } }, { text: 'Hello', extra: good }, { extra: bad }, field, message);
const channel = (title: string, value: ItemValue, message: RegExp) =>
	sendCase(`a channel ${title}`, { ...TEXT, channel: ref('={{ $json.channel }}', 'id') }, { text: 'Hello', channel: SEED.channels.whatsapp.uuid }, { channel: value }, 'Channel', message);

const bsuid = (title: string, value: ItemValue, message: RegExp): BadInputCase => ({
	...sendCase(
		`a BSUID ${title}`,
		{ sendTo: 'bsuid', bsuid: '={{ $json.bsuid }}', messageType: 'template', template: ref(T.welcome.uuid), optIn: true },
		{ bsuid: SEED.bsuids.radia },
		{ bsuid: value },
		'BSUID',
		message,
	),
});
const contact = (title: string, value: ItemValue, message: RegExp): BadInputCase => ({
	title: `send: a contact ${title}`,
	operation: 'send',
	parameters: { resource: 'message', sendTo: 'contact', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, messageType: 'text', text: 'Hello' },
	valid: [{ id: SEED.contacts.ada.uuid }, { id: SEED.contacts.alan.uuid }],
	bad: { id: value },
	field: 'Contact',
	message,
});

export const sendCases: BadInputCase[] = [
	phone('without a country code', '07700 900001', noCountryCode('07700 900001')),
	phone('of digits only, without +', '447700900001', noCountryCode('447700900001')),
	phone('given as a number', 7700900001, noCountryCode('7700900001')),
	phone('with a letter O for a zero', '+44 7700 9OO001', notAPhone),
	phone('in words', 'call me maybe', notAPhone),
	phone('with an extension', '+44 7700 900001 ext 2', notAPhone),
	phone('that is an email', 'ada@example.com', notAPhone),
	phone('with slashes', '+44/7700/900001', notAPhone),
	phone('with two plus signs', '++447700900001', notAPhone),
	phone('that is too short', '+44 12', notAPhone),
	phone('that is too long', '+1234567890123456', notAPhone),
	phone('starting +0', '+0 7700 900001', notAPhone),
	phone('that is empty', '', /^Phone Number is required$/),
	phone('of spaces', '   ', /^Phone Number is required$/),
	phone('that is a list', [ADA], /^Phone Number must be text, got a list$/),
	phone('that is an object', { phone: ADA }, /^Phone Number must be text, got an object$/),

	text('an empty text', { text: '' }, 'Text', /^Text is required$/),
	text('a text of spaces', { text: '  \n ' }, 'Text', /^Text is required$/),
	text('a missing text', { text: null }, 'Text', /^Text is required$/),
	text('a text of 4097 characters', { text: 'x'.repeat(4097) }, 'Text', /^Text has 4097 characters, more than WhatsApp's 4096$/),
	text('a text of 4097 emoji', { text: '😀'.repeat(4097) }, 'Text', /^Text has 4097 characters, more than WhatsApp's 4096$/),
	text('a text that is an object', { text: { body: 'x' } }, 'Text', /^Text must be text, got an object$/),
	text('a text that is a list', { text: ['x'] }, 'Text', /^Text must be text, got a list$/),

	media('image', 'no URL', '', /^Media URL is required$/),
	media('image', 'a relative URL', '/files/a.png', urlRefused),
	media('image', 'a URL without scheme', 'example.com/a.png', urlRefused),
	media('image', 'an ftp URL', 'ftp://example.com/a.png', urlRefused),
	media('image', 'a file URL', 'file:///etc/passwd', urlRefused),
	media('image', 'a data URL', 'data:image/png;base64,AAAA', urlRefused),
	media('image', 'a javascript URL', 'javascript:alert(1)', urlRefused),
	media('image', 'https:// without a host', 'https://', urlRefused),
	media('image', 'a URL with a space in the host', 'https://exa mple.com/a.png', urlRefused),
	media('image', 'a URL that is an object', { href: 'https://example.com' }, /^Media URL must be text, got an object$/),
	media('image', 'a caption of 1025 characters', 'https://example.com/a.png', /^Caption has 1025 characters, more than WhatsApp's 1024$/, { caption: '={{ $json.caption }}' }, { caption: 'c'.repeat(1025) }),
	media('document', 'no URL', ' ', /^Media URL is required$/),
	media('document', 'a mailto URL', 'mailto:ada@example.com', urlRefused),
	media('audio', 'a relative URL', 'sounds/hello.ogg', urlRefused),
	media('audio', 'http:// without a host', 'http://', urlRefused),
	media('video', 'no URL', '', /^Media URL is required$/),
	media('video', 'an http URL with an empty host', 'http://:80/v.mp4', urlRefused),

	template('two values for three variables', { values: ['Ada', 'A-1'] }, 'Template Values', count(2, 3, 'Order shipped')),
	template('four values for three variables', { values: ['Ada', 'A-1', 'Friday', 'extra'] }, 'Template Values', count(4, 3, 'Order shipped')),
	template('no values for three variables', { values: [] }, 'Template Values', count(0, 3, 'Order shipped')),
	template('a value for a template without variables', { template: T.welcome.uuid, values: ['Ada'] }, 'Template Values', count(1, 0, 'Welcome')),
	template('no value for a one-variable template', { template: T.appointment.uuid, values: [] }, 'Template Values', count(0, 1, 'Appointment reminder')),
	template('an empty value', { values: ['Ada', '', 'Friday'] }, 'Template Values', /^Template Values 2 is empty$/),
	template('a value that is an object', { values: ['Ada', { id: 1 }, 'Friday'] }, 'Template Values', /^Template Values 2 must be text, got an object$/),
	template('a pending template', { template: T.promoPending.uuid, values: ['Ada'] }, 'Template', /^Template "Weekend promo" is pending, not approved$/),
	template('a rejected template', { template: T.rejected.uuid, values: [] }, 'Template', /^Template "Flash sale" is rejected, not approved$/),
	template('a paused template', { template: T.summerPaused.uuid, values: ['Ada'], url: 'https://example.com/s.png' }, 'Template', /^Template "Summer sale" is paused, not approved$/),
	template('an unknown template', { template: '0123456789abcdef0123456789abcdef' }, 'Template', /^Template "0123456789abcdef0123456789abcdef" is not one of the account’s templates$/),
	template('a template id with a slash', { template: 'a/b' }, 'Template', notAnId('Template')),
	template('no template', { template: '' }, 'Template', /^Template is required$/),
	byName('a name no template has', { template: 'Order shiped' }, 'Template', /^Template "Order shiped" is not the name of any of the account’s templates$/),
	byName('an empty name', { template: '  ' }, 'Template', /^Template is empty$/),
	byName('a name that is a list', { template: ['Order shipped'] }, 'Template', /^Template must be a template’s name, got a list$/),
	byName('the name of a rejected template', { template: 'Flash sale', values: [] }, 'Template', /^Template "Flash sale" is rejected, not approved$/),
	byName('the right name with too few values', { values: ['Ada'] }, 'Template Values', count(1, 3, 'Order shipped')),
	template('the opt-in not confirmed', { optIn: false }, 'Opt-in Confirmation', /^Opt-in Confirmation must be on to send a template$/),
	template('an opt-in of "yes"', { optIn: 'yes' }, 'Opt-in Confirmation', /^Opt-in Confirmation must be true or false, got "yes"$/),
	template('a document template without its file', { template: T.brochure.uuid, values: ['Ada'] }, 'Media URL', /^Media URL is required: the template "Brochure" is a document template$/),
	template('a video template without its file', { template: T.tutorialVideo.uuid, values: ['Ada'] }, 'Media URL', /^Media URL is required: the template "Getting started video" is a video template$/),
	template('an image template with a relative URL', { template: T.newCollection.uuid, values: [], url: 'img/new.png' }, 'Media URL', urlRefused),
	template('a media template with an ftp URL', { template: T.brochure.uuid, values: ['Ada'], url: 'ftp://example.com/b.pdf' }, 'Media URL', urlRefused),

	metadata('11 pairs', { keys: Array.from({ length: 11 }, (_, i) => `k${i}`), values: Array.from({ length: 11 }, (_, i) => `v${i}`) }, 'Metadata', /^Metadata has more than Callbell's 10 pairs$/),
	metadata('a key of 51 characters', { keys: ['k'.repeat(51)], values: ['v'] }, 'Metadata 1 key', /^Metadata 1 key has 51 characters, more than Callbell's 50$/),
	metadata('a value of 501 characters', { keys: ['k'], values: ['v'.repeat(501)] }, 'Metadata 1 value', /^Metadata 1 value has 501 characters, more than Callbell's 500$/),
	metadata('a value without a key', { keys: [''], values: ['v'] }, 'Metadata 1', /^Metadata 1 has a value but no key$/),
	metadata('a key given twice', { keys: ['a', 'a'], values: ['1', '2'] }, 'Metadata 2 key', /^Metadata 2 key "a" is given twice$/),
	metadata('a value that is an object', { keys: ['a'], values: [{ x: 1 }] }, 'Metadata 1 value', /^Metadata 1 value must be text, got an object$/),

	channel('that does not exist', '0123456789abcdef0123456789abcdef', /^Channel "0123456789abcdef0123456789abcdef" is not one of the account’s channels$/),
	channel('that is deactivated', SEED.channels.whatsappOld.uuid, /^Channel "WhatsApp · Old number" is deactivated$/),
	channel('id with a space', 'a b', notAnId('Channel')),
	channel('id that is a path', '../channels', notAnId('Channel')),

	bsuid('that is empty', '', /^BSUID is required$/),
	bsuid('with a space', 'bsuid radia', /^BSUID "bsuid radia" is not a BSUID$/),
	bsuid('with a slash', 'bsuid/1', /^BSUID "bsuid\/1" is not a BSUID$/),
	bsuid('that is a number', 42, /^BSUID must be text, got number 42$/),

	contact('id with a slash', 'a/b', notAnId('Contact')),
	contact('id that is empty', '', /^Contact is required$/),

	extra('an assigned user that is not an email', 'assignedUser', 'ben.agent@example.com', 'ben', 'Assigned User', /^Assigned User must be an email address, got "ben"$/),
	extra('a team id with a slash', 'teamUuid', SEED.teams.sales.uuid, '../teams', 'Team', notAnId('Team')),
	extra('an unknown bot status', 'botStatus', 'bot_end', 'pause', 'Bot Status', /^Bot Status must be bot_start or bot_end, got "pause"$/),
	extra('Return Contact and Conversation of "maybe"', 'returnContactAndConversation', true, 'maybe', 'Return Contact and Conversation', /^Return Contact and Conversation must be true or false, got "maybe"$/),
];

/**
 * Message → Download Media with one bad value in the middle item. The valid items name a sandbox
 * file by kind (`{ file: 'image' }`): the test turns it into the running sandbox's URL, as ports
 * are known only then. A bad item downloads nothing (the storage's request log shows it).
 */
export interface DownloadMediaBadInputCase {
	title: string;
	/** Item 1's `url`, or `options` when the bad value is an option read per item. */
	bad: { url?: ItemValue; options?: IDataObject };
	field: string;
	message: RegExp;
}

const attachmentUrlRefused = (value: string) => new RegExp(`^Attachment URL "${escapeRegExp(value)}" (is not an absolute URL|must start with https:\\/\\/ or http:\\/\\/|has no host)$`);

export const downloadMediaCases: DownloadMediaBadInputCase[] = [
	{ title: 'an empty URL', bad: { url: '' }, field: 'Attachment URL', message: /^Attachment URL is required$/ },
	{ title: 'a URL of only spaces', bad: { url: '   ' }, field: 'Attachment URL', message: /^Attachment URL is required$/ },
	{ title: 'a relative URL', bad: { url: 'media/photo.png' }, field: 'Attachment URL', message: attachmentUrlRefused('media/photo.png') },
	{ title: 'an ftp URL', bad: { url: 'ftp://files.example.com/a.pdf' }, field: 'Attachment URL', message: attachmentUrlRefused('ftp://files.example.com/a.pdf') },
	{ title: 'a file: URL', bad: { url: 'file:///etc/passwd' }, field: 'Attachment URL', message: attachmentUrlRefused('file:///etc/passwd') },
	{ title: 'a data: URL', bad: { url: 'data:image/png;base64,AAAA' }, field: 'Attachment URL', message: attachmentUrlRefused('data:image/png;base64,AAAA') },
	{ title: 'a URL with a space inside', bad: { url: 'https://files.example.com/my photo.png' }, field: 'Attachment URL', message: attachmentUrlRefused('https://files.example.com/my photo.png') },
	{ title: 'a list of URLs instead of one', bad: { url: ['https://files.example.com/a.png'] }, field: 'Attachment URL', message: /^Attachment URL must be one URL \(text\), got a list$/ },
	{ title: 'a number', bad: { url: 42 }, field: 'Attachment URL', message: /^Attachment URL must be one URL \(text\), got number 42$/ },
	{ title: 'an object', bad: { url: { href: 'https://files.example.com/a.png' } }, field: 'Attachment URL', message: /^Attachment URL must be one URL \(text\), got an object$/ },
	{ title: 'Max File Size of 0', bad: { options: { maxFileSizeMb: 0 } }, field: 'Max File Size (MB)', message: /^Max File Size \(MB\) must be more than 0 and at most 1024 MB, got 0$/ },
	{ title: 'Max File Size of -5', bad: { options: { maxFileSizeMb: -5 } }, field: 'Max File Size (MB)', message: /^Max File Size \(MB\) must be more than 0 and at most 1024 MB, got -5$/ },
	{ title: 'Max File Size that is text', bad: { options: { maxFileSizeMb: 'big' } }, field: 'Max File Size (MB)', message: /^Max File Size \(MB\) must be a number of MB, got "big"$/ },
	{ title: 'a binary field name with a space', bad: { options: { binaryPropertyName: 'my file' } }, field: 'Put Output File in Field', message: /^Put Output File in Field "my file" may hold only letters, digits, "_" and "-" \(at most 64\)$/ },
];
