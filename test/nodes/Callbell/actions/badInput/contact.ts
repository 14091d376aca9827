import type { IDataObject } from 'n8n-workflow';

import { contactRef } from '../../../../harness/contact';
import { SEED } from '../../../../harness/sandbox';
import { buildSeed } from '../../../../sandbox/seed';
import type { BadInputCase, ItemValue } from './corpus';
import { aroundGrace, badContactId, contactFromItem, notAnId, valueCase } from './corpus';

/**
 * The contact operations besides Update (contactUpdate.ts): bad ids, missing or malformed text,
 * bad identifiers and filters; Create or Update, and the By BSUID locator.
 */

function create(
	title: string,
	bad: IDataObject,
	field: string,
	message: RegExp,
	additionalFields: IDataObject = {},
	good: ItemValue = '',
): BadInputCase {
	return {
		title: `create: ${title}`,
		operation: 'create',
		parameters: {
			identifier: '={{ $json.identifier }}',
			source: '={{ $json.source }}',
			name: '={{ $json.name }}',
			additionalFields,
		},
		valid: [
			{ identifier: '+44 7700 900700', source: 'whatsapp', name: 'New One', value: good },
			{ identifier: '17841400001234', source: 'instagram', name: 'New Two', value: good },
		],
		bad: { identifier: '+44 7700 900701', source: 'whatsapp', name: 'Bad One', value: good, ...bad },
		field,
		message,
	};
}

const withValue = (field: string) => ({ [field]: '={{ $json.value }}' });

/** An operation with one parameter read from the item's `value`. */
function valueOf(operation: string, title: string, parameters: IDataObject, good: ItemValue, bad: ItemValue, field: string, message: RegExp): BadInputCase {
	return {
		title: `${operation}: ${title}`,
		operation,
		parameters: { contact: contactFromItem, ...parameters },
		...aroundGrace({ value: good }, { value: bad }),
		field,
		message,
	};
}

function getAll(title: string, filters: IDataObject, good: ItemValue, bad: ItemValue, field: string, message: RegExp, limit: ItemValue = 1): BadInputCase {
	return {
		title: `getAll: ${title}`,
		operation: 'getAll',
		parameters: { returnAll: false, limit: '={{ $json.limit }}', filters },
		valid: [{ value: good, limit: 1 }, { value: good, limit: 1 }],
		bad: { value: bad, limit },
		field,
		message,
	};
}

const awareness = SEED.funnels.awareness.uuid;
const messages = (title: string, limit: ItemValue) =>
	valueOf('getMessages', title, { returnAll: false, limit: '={{ $json.value }}' }, 1, limit, 'Limit', /^Limit must be a whole number of at least 1, got .+$/);
const upsert = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase(
		'contact',
		'createOrUpdate',
		title,
		{ identifier: '={{ $json.identifier }}', source: '={{ $json.source }}', channelUuid: '={{ $json.channel }}', name: '={{ $json.name }}', tagMode: '={{ $json.tagMode }}' },
		[
			{ identifier: '+44 7700 900001', source: 'whatsapp', channel: '', name: 'Ada', tagMode: 'replace' },
			{ identifier: '+44 7700 900555', source: 'whatsapp', channel: '', name: 'Newcomer', tagMode: 'add' },
		],
		{ identifier: '+44 7700 900556', source: 'whatsapp', channel: '', name: 'Bad', tagMode: 'replace', ...bad },
		field,
		message,
	);
const bsuid = (operation: string, title: string, value: ItemValue, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('contact', operation, `By BSUID ${title}`, { contact: contactRef('={{ $json.value }}', 'bsuid'), ...parameters }, [{ value: SEED.bsuids.barbara }, { value: 'bsuid_radia_perlman_01' }], { value }, 'Contact (By BSUID)', message);

/** Each seeded contact's newest message, a customer's: long quiet, so Wait for Customer to Finish continues at once. */
const seededConversations = buildSeed().messages as Map<string, IDataObject[]>;
const newestMessage = (uuid: string) => (seededConversations.get(uuid) ?? []).slice(-1)[0]?.uuid as string;

/** Wait for Customer to Finish, every parameter from the item; Ada and Alan valid, Grace bad. */
function waitFor(title: string, bad: IDataObject, field: string, message: RegExp): BadInputCase {
	const good = (id: string) => ({ id, message: newestMessage(id), quiet: 1, maxWait: 5 });
	return {
		title: `waitForCustomer: ${title}`,
		operation: 'waitForCustomer',
		parameters: { contact: contactFromItem, messageId: '={{ $json.message }}', quietPeriod: '={{ $json.quiet }}', maxWait: '={{ $json.maxWait }}' },
		valid: [good(SEED.contacts.ada.uuid), good(SEED.contacts.alan.uuid)],
		bad: { ...good(SEED.contacts.grace.uuid), ...bad },
		field,
		message,
	};
}
const quietRange = /^Quiet Period must be a number of seconds from 1 to 120, got .+$/;
const maxWaitRange = /^Max Wait must be a number of seconds from 1 to 600, got .+$/;

export const contactCases: BadInputCase[] = [
	create('an empty identifier', { identifier: '' }, 'Identifier', /^Identifier is required$/),
	create('a WhatsApp identifier that is an email', { identifier: 'grace@example.com' }, 'Identifier', /^Identifier "grace@example.com" is not a phone number$/),
	create('a WhatsApp identifier with too few digits', { identifier: '+1 23' }, 'Identifier', /^Identifier "\+1 23" is not a phone number$/),
	create('a platform id of 101 characters', { identifier: '7'.repeat(101), source: 'instagram' }, 'Identifier', /^Identifier ".+" is not a phone number or platform ID$/),
	create('a platform id with a line break', { identifier: '1784\n1400', source: 'telegram' }, 'Identifier', /^Identifier "1784\n1400" is not a phone number or platform ID$/),
	create('an identifier that is an object', { identifier: { phone: '+44 7700 900701' } }, 'Identifier', /^Identifier must be text, got an object$/),
	create('an unknown source', { source: 'sms text' }, 'Source', /^Source "sms text" is not a Callbell source$/),
	create('an empty source', { source: ' ' }, 'Source', /^Source is required$/),
	create('an empty name', { name: '' }, 'Name', /^Name is required$/),
	create('a name that is an object', { name: { first: 'Bad' } }, 'Name', /^Name must be text, got an object$/),
	create('a channel id with a slash', { value: 'a/b' }, 'Channel', notAnId('Channel'), withValue('channelUuid')),
	create('a note of 1001 characters', { value: 'x'.repeat(1001) }, 'Note', /^Note is 1001 characters long; Callbell allows at most 1000$/, withValue('note'), 'Short note'),
	create('tags that are numbers', { value: [7] }, 'Tags', /^Tags every entry must be text, got number 7$/, withValue('tags'), ['VIP']),
	create(
		'an impossible custom date',
		{ value: '2026-02-30' },
		'Custom Field "Birthday"',
		/^Custom Field "Birthday" is not a real calendar date: "2026-02-30"$/,
		{ customFields: { field: [{ name: 'Birthday', type: 'date', value: '={{ $json.value }}' }] } },
		'1990-01-02',
	),

	badContactId('get', 'a path traversal', '../auth/me', notAnId('Contact')),
	badContactId('get', 'an encoded slash', '%2F', notAnId('Contact')),
	badContactId('get', 'an object as id', { uuid: 'x' }, /^Contact must be text, got an object$/),
	badContactId('delete', 'a contact id ".."', '..', notAnId('Contact')),
	badContactId('delete', 'a contact id "/"', '/', notAnId('Contact')),
	badContactId('delete', 'an id with a sub-path', '8edec4252c32fa257e8466d17525c6e4/conversation', notAnId('Contact')),
	badContactId('delete', 'an empty contact id', '', /^Contact is required$/),
	badContactId('getMessages', 'a query in the id', 'abc?page=2', notAnId('Contact'), { returnAll: false, limit: 1 }),
	badContactId('addNote', 'a fragment in the id', 'abc#x', notAnId('Contact'), { text: 'Hello' }),
	badContactId('setFunnelStage', 'a unicode id', 'café', notAnId('Contact'), { funnelId: awareness }),
	badContactId('startBot', 'a contact id of whitespace', ' \n ', /^Contact is required$/),
	badContactId('stopBot', 'a very long id', 'b'.repeat(300), notAnId('Contact')),
	badContactId('getBotStatus', 'a contact id ".."', '..', notAnId('Contact')),
	badContactId('openConversation', 'an encoded dot-dot', '%2E%2E', notAnId('Contact')),
	badContactId('closeConversation', 'a path traversal', '../../v1/auth/me', notAnId('Contact')),

	messages('a Limit that is text', 'all'),
	messages('a Limit of 0', 0),
	messages('a negative Limit', -5),
	messages('a fractional Limit', 1.5),

	valueOf('addNote', 'an empty text', withValue('text'), 'Call back', '', 'Text', /^Text is required$/),
	valueOf('addNote', 'a text of spaces', withValue('text'), 'Call back', '   ', 'Text', /^Text is required$/),
	valueOf('addNote', 'a text that is an object', withValue('text'), 'Call back', { text: 'x' }, 'Text', /^Text must be text, got an object$/),
	valueOf('addNote', 'a text that is a list', withValue('text'), 'Call back', ['x'], 'Text', /^Text must be text, got a list$/),

	valueOf('setFunnelStage', 'an empty stage', withValue('funnelId'), awareness, '', 'Funnel Stage', /^Funnel Stage is required$/),
	valueOf('setFunnelStage', 'a stage id with a slash', withValue('funnelId'), awareness, 'a/b', 'Funnel Stage', notAnId('Funnel Stage')),
	valueOf('setFunnelStage', 'a stage id ".."', withValue('funnelId'), awareness, '..', 'Funnel Stage', notAnId('Funnel Stage')),
	valueOf('setFunnelStage', 'a stage that is an object', withValue('funnelId'), awareness, { id: awareness }, 'Funnel Stage', /^Funnel Stage must be text, got an object$/),

	getAll('an unknown source filter', withValue('source'), 'whatsapp', 'sms text', 'Source', /^Source "sms text" is not a Callbell source$/),
	getAll('a tags filter that is an object', withValue('tags'), 'VIP', { tag: 'VIP' }, 'Tags', /^Tags must be a list or a comma-separated text, got an object$/),
	getAll('a tag holding a comma', withValue('tags'), 'VIP', ['VIP,Lead'], 'Tags', /^Tags entries cannot contain commas$/),
	getAll('a team filter with a slash', withValue('teamUuid'), SEED.teams.sales.uuid, '../teams', 'Team', notAnId('Team')),
	getAll('Include Field Types that is not a boolean', withValue('includeFieldTypes'), true, 'yes', 'Include Field Types', /^Include Field Types must be true or false, got "yes"$/),
	getAll('a Limit that is text', {}, '', '', 'Limit', /^Limit must be a whole number of at least 1, got "ten"$/, 'ten'),

	upsert('a platform ID without a channel', { identifier: '17841400001234', source: 'instagram' }, 'Channel', /^Channel is required for instagram contacts$/),
	upsert('a WhatsApp identifier that is an email', { identifier: 'ada@example.com' }, 'Identifier', /^Identifier "ada@example.com" is not a phone number$/),
	upsert('a platform ID ".."', { identifier: '..', source: 'instagram', channel: SEED.channels.instagram.uuid }, 'Identifier', /^Identifier "\.\." is not a platform ID$/),
	upsert('an empty name', { name: ' ' }, 'Name', /^Name is required$/),
	upsert('an unknown tag mode', { tagMode: 'merge' }, 'Tag Mode', /^Tag Mode must be replace, add or remove, got "merge"$/),
	upsert('a channel id with a slash', { channel: '../channels' }, 'Channel', notAnId('Channel')),
	bsuid('get', 'a path traversal', '../x', /^Contact \(By BSUID\) "\.\.\/x" is not a BSUID$/),
	bsuid('get', 'an empty BSUID', '', /^Contact \(By BSUID\) is required$/),
	bsuid('delete', 'a BSUID with a slash', 'US/123', /^Contact \(By BSUID\) "US\/123" is not a BSUID$/),
	waitFor('a Quiet Period of 0', { quiet: 0 }, 'Quiet Period', quietRange),
	waitFor('a Quiet Period above 120 s', { quiet: 121 }, 'Quiet Period', quietRange),
	waitFor('a Quiet Period that is text', { quiet: 'soon' }, 'Quiet Period', quietRange),
	waitFor('a negative Max Wait', { maxWait: -1 }, 'Max Wait', maxWaitRange),
	waitFor('a Max Wait above 600 s', { maxWait: 601 }, 'Max Wait', maxWaitRange),
	waitFor('a Max Wait shorter than the Quiet Period', { quiet: 10, maxWait: 5 }, 'Max Wait', /^Max Wait must be at least the Quiet Period \(10 s\), got 5$/),
	waitFor('an empty Message ID', { message: '' }, 'Message ID', /^Message ID is required$/),
	waitFor('a Message ID with a slash', { message: '../messages' }, 'Message ID', notAnId('Message ID')),
	waitFor('a contact id with a query', { id: 'abc?page=2' }, 'Contact', notAnId('Contact')),
];
