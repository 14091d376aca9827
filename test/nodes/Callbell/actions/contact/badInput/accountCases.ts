import type { IDataObject } from 'n8n-workflow';

import { contactRef } from '../../../../../harness/contact';
import { SEED } from '../../../../../harness/sandbox';
import type { BadInputCase, ItemValue } from './corpus';
import { ada, alan, notAnId } from './corpus';

/**
 * Bad input for the account resources (Team, Custom Status, User, Webhook, Funnel) and for
 * Contact → Create or Update and the By BSUID locator: ids that escape the path, empty names,
 * statuses and events Callbell does not know, webhook URLs that are not public https.
 */

const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
const fromValue = '={{ $json.value }}';

/** A case whose parameter reads the item's `value`; the valid items carry `good`. */
function valueCase(
	resource: string,
	operation: string,
	title: string,
	parameters: IDataObject,
	good: [IDataObject, IDataObject],
	bad: IDataObject,
	field: string,
	message: RegExp,
): BadInputCase {
	return { title: `${resource} ${operation}: ${title}`, resource, operation, parameters, valid: good, bad, field, message };
}

const sales = SEED.teams.sales.uuid;
const support = SEED.teams.support.uuid;
const teamIds: [IDataObject, IDataObject] = [{ id: sales, value: 'Team A' }, { id: support, value: 'Team B' }];
const team = (operation: string, title: string, id: ItemValue, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('team', operation, title, { team: byId, ...parameters }, teamIds, { id, value: 'Team C' }, 'Team', message);
const rename = (title: string, value: ItemValue, message: RegExp) =>
	valueCase('team', 'rename', title, { team: byId, name: fromValue }, teamIds, { id: sales, value }, 'New Name', message);
const members = (title: string, status: ItemValue, message: RegExp) =>
	valueCase('team', 'getMembers', title, { team: byId, returnAll: false, limit: 1, filters: { status: fromValue } }, [{ id: sales, value: 'away' }, { id: support, value: 'available' }], { id: support, value: status }, 'Status', message);

const lunch = SEED.customStatuses.lunch.id;
const vacation = SEED.customStatuses.vacationing.id;
const statusIds: [IDataObject, IDataObject] = [{ id: lunch, value: 'Status A' }, { id: vacation, value: 'Status B' }];
const status = (operation: string, title: string, id: ItemValue, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('customStatus', operation, title, { customStatus: byId, ...parameters }, statusIds, { id, value: 'Status C' }, 'Custom Status', message);
const createStatus = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('customStatus', 'create', title, { name: fromValue, additionalFields: { emoji: '={{ $json.emoji }}' } }, [{ value: 'Coffee', emoji: '☕' }, { value: 'Gym', emoji: '' }], { value: 'Bad', emoji: '', ...bad }, field, message);
const updateStatus = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('customStatus', 'update', title, { customStatus: byId, updateFields: { name: fromValue, emoji: '={{ $json.emoji }}' } }, [{ id: lunch, value: 'Lunch 2', emoji: '' }, { id: vacation, value: '', emoji: '🏖️' }], { id: lunch, value: 'Bad', emoji: '', ...bad }, field, message);

const ben = SEED.users.ben.uuid;
const dan = SEED.users.dan.uuid;
const userIds: [IDataObject, IDataObject] = [{ id: ben, value: 'available' }, { id: dan, value: 'away' }];
const setStatus = (title: string, bad: IDataObject, field: string, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('user', 'setStatus', title, { userUuid: '={{ $json.id }}', availability: fromValue, customStatusAction: 'unchanged', ...parameters }, userIds, { id: ben, value: 'away', ...bad }, field, message);
const clearStatus = (title: string, id: ItemValue, message: RegExp) =>
	valueCase('user', 'clearCustomStatus', title, { userUuid: '={{ $json.id }}' }, userIds, { id }, 'User UUID', message);

const hooks: [IDataObject, IDataObject] = [
	{ url: 'https://hooks.example.com/a', events: ['message_created'] },
	{ url: 'https://hooks.example.com/b', events: ['contact_created', 'team_membership_updated'] },
];
const subscribe = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('webhook', 'subscribe', title, { url: '={{ $json.url }}', events: '={{ $json.events }}' }, hooks, { ...hooks[0], ...bad }, field, message);
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

const notAnyOf = (field: string, list: string) => new RegExp(`^${field} must be ${list}, got .+$`);
const httpsOnly = /^URL must start with https:\/\/, got .+$/;

export const accountCases: BadInputCase[] = [
	team('get', 'a path traversal', '../x', notAnId('Team')),
	team('get', 'an id with a slash', 'a/b', notAnId('Team')),
	team('get', 'an encoded slash', '%2F', notAnId('Team')),
	team('get', 'an empty id', '', /^Team is required$/),
	team('getMembers', 'a team id ".."', '..', notAnId('Team'), { returnAll: false, limit: 1 }),
	team('rename', 'an id with a sub-path', `${sales}/members`, notAnId('Team'), { name: fromValue }),
	members('a status that is neither available nor away', 'busy', notAnyOf('Status', 'available or away')),
	members('a status in capitals', 'AWAY', notAnyOf('Status', 'available or away')),
	rename('an empty name', '', /^New Name is required$/),
	rename('a name of spaces', '   ', /^New Name is required$/),
	rename('a name with a line break', 'Sales\nEMEA', /^New Name "Sales\nEMEA" contains a line break or control character$/),
	rename('a name of 256 characters', 'n'.repeat(256), /^New Name is 256 characters long; at most 255 are accepted$/),
	rename('a name that is an object', { name: 'x' }, /^New Name must be text, got an object$/),

	status('get', 'a path traversal', '../x', notAnId('Custom Status')),
	status('get', 'an encoded slash', '%2F', notAnId('Custom Status')),
	status('delete', 'an id with a slash', 'a/b', notAnId('Custom Status')),
	status('delete', 'an id ".."', '..', notAnId('Custom Status')),
	status('update', 'an empty id', '', /^Custom Status is required$/, { updateFields: { name: fromValue } }),
	createStatus('an empty name', { value: '' }, 'Name', /^Name is required$/),
	createStatus('a name that is a list', { value: ['Lunch'] }, 'Name', /^Name must be text, got a list$/),
	createStatus('an emoji that is a sentence', { emoji: 'this is not an emoji at all' }, 'Emoji', /^Emoji ".+" is not an emoji$/),
	updateStatus('nothing to update', { value: '', emoji: '' }, 'Update Fields', /^Update Fields contain nothing to update$/),
	updateStatus('a name with a tab', { value: 'Out\tsick' }, 'Name', /^Name ".+" contains a line break or control character$/),

	setStatus('a user uuid that escapes the path', { id: '../custom_statuses' }, 'User UUID', notAnId('User UUID')),
	setStatus('a user uuid with a slash', { id: 'a/b' }, 'User UUID', notAnId('User UUID')),
	setStatus('an empty user uuid', { id: ' ' }, 'User UUID', /^User UUID is required$/),
	setStatus('an email instead of a user uuid', { id: 'ben.agent@example.com' }, 'User UUID', notAnId('User UUID')),
	setStatus('an availability that is neither available nor away', { value: 'busy' }, 'Availability', notAnyOf('Availability', 'available, away or unchanged')),
	setStatus('nothing to change', { value: 'unchanged' }, 'Availability', /^Availability and Custom Status Action leave nothing to change$/),
	valueCase(
		'user',
		'setStatus',
		'a custom status id with a slash',
		{ userUuid: '={{ $json.id }}', availability: 'unchanged', customStatusAction: 'set', customStatus: { __rl: true, mode: 'id', value: fromValue } },
		[{ id: ben, value: lunch }, { id: dan, value: vacation }],
		{ id: ben, value: 'a/b' },
		'Custom Status',
		notAnId('Custom Status'),
	),
	valueCase(
		'user',
		'setStatus',
		'an unknown custom status action',
		{ userUuid: '={{ $json.id }}', customStatusAction: fromValue, customStatus: { __rl: true, mode: 'id', value: lunch } },
		[{ id: ben, value: 'clear' }, { id: dan, value: 'set' }],
		{ id: ben, value: 'remove' },
		'Custom Status Action',
		notAnyOf('Custom Status Action', 'set, clear or unchanged'),
	),
	clearStatus('an encoded path', '%2F..', notAnId('User UUID')),
	clearStatus('a user uuid ".."', '..', notAnId('User UUID')),

	subscribe('a plain http URL', { url: 'http://hooks.example.com/a' }, 'URL', httpsOnly),
	subscribe('an ftp URL', { url: 'ftp://hooks.example.com/a' }, 'URL', httpsOnly),
	subscribe('a URL without protocol', { url: 'hooks.example.com/a' }, 'URL', /^URL "hooks.example.com\/a" is not an absolute URL$/),
	subscribe('an empty URL', { url: '' }, 'URL', /^URL is required$/),
	subscribe('a localhost URL', { url: 'https://localhost:5678/webhook/x' }, 'URL', /^URL ".+" is a local address$/),
	subscribe('a loopback IP URL', { url: 'https://127.0.0.1/webhook' }, 'URL', /^URL ".+" is a local address$/),
	subscribe('a URL with a password', { url: 'https://user:secret@hooks.example.com/a' }, 'URL', /^URL must not contain a user name or password$/),
	subscribe('an events list with an unknown event', { events: ['message_created', 'message_deleted'] }, 'Events', /^Events contain an unknown event: "message_deleted"$/),
	subscribe('an empty events list', { events: [] }, 'Events', /^Events is required$/),
	subscribe('events that are numbers', { events: [1] }, 'Events', /^Events every entry must be text, got number 1$/),
	valueCase('funnel', 'getAll', 'a Limit that is text', { returnAll: false, limit: fromValue }, [{ value: 1 }, { value: 1 }], { value: 'many' }, 'Limit', /^Limit must be a whole number of at least 1, got "many"$/),

	upsert('a platform ID without a channel', { identifier: '17841400001234', source: 'instagram' }, 'Channel', /^Channel is required for instagram contacts$/),
	upsert('a WhatsApp identifier that is an email', { identifier: 'ada@example.com' }, 'Identifier', /^Identifier "ada@example.com" is not a phone number$/),
	upsert('a platform ID ".."', { identifier: '..', source: 'instagram', channel: SEED.channels.instagram.uuid }, 'Identifier', /^Identifier "\.\." is not a platform ID$/),
	upsert('an empty name', { name: ' ' }, 'Name', /^Name is required$/),
	upsert('an unknown tag mode', { tagMode: 'merge' }, 'Tag Mode', /^Tag Mode must be replace, add or remove, got "merge"$/),
	upsert('a channel id with a slash', { channel: '../channels' }, 'Channel', notAnId('Channel')),
	bsuid('get', 'a path traversal', '../x', /^Contact \(By BSUID\) "\.\.\/x" is not a BSUID$/),
	bsuid('get', 'an empty BSUID', '', /^Contact \(By BSUID\) is required$/),
	bsuid('delete', 'a BSUID with a slash', 'US/123', /^Contact \(By BSUID\) "US\/123" is not a BSUID$/),
];

// The two valid contacts of the contact cases, kept referenced for readers comparing corpora.
export const contactCaseContacts = [ada, alan];
