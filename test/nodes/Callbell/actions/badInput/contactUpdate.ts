import type { IDataObject } from 'n8n-workflow';

import { contactRef } from '../../../../harness/contact';
import { SEED } from '../../../../harness/sandbox';
import type { BadInputCase, ItemValue } from './corpus';
import { aroundGrace, badContactId, contactFromItem, notAnId } from './corpus';

/** Every field of Contact → Update, each fed a bad value from the item. */

const fromItem = '={{ $json.value }}';
const team = SEED.teams.support.uuid;

function update(
	title: string,
	updateFields: IDataObject,
	good: ItemValue,
	bad: ItemValue,
	field: string,
	message: RegExp,
	extra: IDataObject = {},
): BadInputCase {
	return {
		title: `update: ${title}`,
		operation: 'update',
		parameters: { contact: contactFromItem, updateFields, ...extra },
		...aroundGrace({ value: good }, { value: bad }),
		field,
		message,
	};
}

const customField = (name: string, type: string) => ({ customFields: { field: [{ name, type, value: fromItem }] } });

const number = (title: string, bad: ItemValue, message = /^Custom Field "Order Count" must be a (finite )?number, got .+$/) =>
	update(`custom number ${title}`, customField('Order Count', 'number'), '1e21', bad, 'Custom Field "Order Count"', message);

const date = (title: string, bad: ItemValue, message: RegExp) =>
	update(`custom date ${title}`, customField('Birthday', 'date'), '1990-01-02', bad, 'Custom Field "Birthday"', message);
const dateFormat = /^Custom Field "Birthday" must be a date in the format YYYY-MM-DD, got .+$/;
const notRealDate = /^Custom Field "Birthday" is not a real calendar date: .+$/;

const email = (title: string, bad: ItemValue) =>
	update(`custom email ${title}`, customField('Contact Email', 'email'), 'ada@example.com', bad, 'Custom Field "Contact Email"', /^Custom Field "Contact Email" must be an email address, got .+$/);

const checkbox = (title: string, bad: ItemValue, message: RegExp) =>
	update(`checkbox values ${title}`, customField('Interests', 'checkbox'), ['Dark Mode'], bad, 'Custom Field "Interests"', message);

const json = (title: string, bad: ItemValue, field: string, message: RegExp) =>
	update(`Custom Fields (JSON) ${title}`, { customFieldsJson: fromItem }, '{"Plan": "Pro"}', bad, field, message);

const contactId = (title: string, id: ItemValue, message: RegExp = notAnId('Contact')) =>
	badContactId('update', title, id, message, { updateFields: { name: 'Renamed' } });

/** The account's custom fields as the editor saved them with the resource mapper. */
const mapperSchema = [
	{ id: 'Plan', displayName: 'Plan (Dropdown)', type: 'options', options: ['Free', 'Pro', 'Enterprise'].map((plan) => ({ name: plan, value: plan })) },
	{ id: 'Order Count', displayName: 'Order Count (Number)', type: 'number' },
	{ id: 'Interests', displayName: 'Interests', type: 'array' },
	{ id: 'Contact Email', displayName: 'Contact Email (Email)', type: 'string' },
].map((field) => ({ required: false, defaultMatch: false, display: true, ...field }));

const mapped = (title: string, name: string, good: ItemValue, bad: ItemValue, message: RegExp, updateFields: IDataObject = {}) =>
	update(`From Account ${title}`, updateFields, good, bad, `Custom Field "${name}"`, message, {
		accountCustomFields: { mappingMode: 'defineBelow', value: { [name]: fromItem }, schema: mapperSchema },
	});

const byPhone = (title: string, phone: ItemValue, field: string, message: RegExp, channel: ItemValue = ''): BadInputCase => ({
	title: `update By Phone: ${title}`,
	operation: 'update',
	parameters: { contact: contactRef('={{ $json.phone }}', 'phone'), phoneLookupChannel: '={{ $json.channel }}', updateFields: { name: 'Renamed' } },
	valid: [{ phone: '+44 7700 900001', channel: '' }, { phone: '+44 7700 900003', channel: '' }],
	bad: { phone, channel },
	field,
	message,
});

export const contactUpdateCases: BadInputCase[] = [
	contactId('an empty contact id', '', /^Contact is required$/),
	contactId('a contact id of whitespace', '  \t ', /^Contact is required$/),
	contactId('a null contact id', null, /^Contact is required$/),
	contactId('a contact id "/"', '/'),
	contactId('a contact id ".."', '..'),
	contactId('a path traversal', '../auth/me'),
	contactId('a query in the id', '8edec4252c32fa257e8466d17525c6e4?x=1'),
	contactId('a fragment in the id', '8edec4252c32fa257e8466d17525c6e4#x'),
	contactId('an encoded slash', '%2Fauth%2Fme'),
	contactId('a unicode id', 'ñandú'),
	contactId('an id of 65 characters', 'a'.repeat(65)),
	contactId('a very long id', 'f'.repeat(5000)),
	contactId('a space inside the id', '8edec425 2c32fa257e8466d17525c6e4'),
	contactId('a NUL character in the id', '8edec4252c32fa257e8466d17525c6e4\u0000'),
	contactId('an object as id', { uuid: '8edec4252c32fa257e8466d17525c6e4' }, /^Contact must be text, got an object$/),
	contactId('a list as id', ['8edec4252c32fa257e8466d17525c6e4'], /^Contact must be text, got a list$/),
	byPhone('letters', 'call me', 'Contact (By Phone)', /^Contact \(By Phone\) "call me" is not a phone number$/),
	byPhone('too few digits', '12', 'Contact (By Phone)', /^Contact \(By Phone\) "12" is not a phone number$/),
	byPhone('too many digits', '1'.repeat(25), 'Contact (By Phone)', /^Contact \(By Phone\) "1+" is not a phone number$/),
	byPhone('an object', { number: '+44 7700 900001' }, 'Contact (By Phone)', /^Contact \(By Phone\) must be text, got an object$/),
	byPhone('a lookup channel with a slash', '+1 202 555 0102', 'Phone Lookup Channel', notAnId('Phone Lookup Channel'), 'a/b'),

	update('a name that is an object', { name: fromItem }, 'Ada', { first: 'Grace' }, 'Name', /^Name must be text, got an object$/),
	update('a name that is a list', { name: fromItem }, 'Ada', ['Grace'], 'Name', /^Name must be text, got a list$/),
	update('nothing left to update (empty name)', { name: fromItem }, 'Ada', '   ', 'Update Fields', /^Update Fields contain nothing to update$/),

	update('tags that are an object', { tags: fromItem }, 'VIP', { name: 'VIP' }, 'Tags', /^Tags must be a list or a comma-separated text, got an object$/),
	update('tags that are a number', { tags: fromItem }, 'VIP', 42, 'Tags', /^Tags must be a list or a comma-separated text, got number 42$/),
	update('a tag list of numbers', { tags: fromItem }, 'VIP', [1, 2], 'Tags', /^Tags every entry must be text, got number 1$/),
	update('a tag list holding an object', { tags: fromItem }, 'VIP', ['VIP', { name: 'Lead' }], 'Tags', /^Tags every entry must be text, got an object$/),
	update('a tag list holding null', { tags: fromItem }, 'VIP', [null], 'Tags', /^Tags every entry must be text, got null$/),
	{
		title: 'update: an unknown Tag Mode from an expression',
		operation: 'update',
		parameters: { contact: contactFromItem, tagMode: '={{ $json.mode }}', updateFields: { tags: 'Newsletter' } },
		...aroundGrace({ mode: 'add' }, { mode: 'merge' }),
		field: 'Tag Mode',
		message: /^Tag Mode must be replace, add or remove, got "merge"$/,
	},

	number('"abc"', 'abc', /^Custom Field "Order Count" must be a number, got "abc"$/),
	number('"NaN"', 'NaN'),
	number('"Infinity"', 'Infinity'),
	number('"-Infinity"', '-Infinity'),
	number('with a decimal comma', '1,5'),
	number('in hex', '0x1A'),
	number('that overflows', '1e999'),
	number('that is a boolean', true, /^Custom Field "Order Count" must be a number, got boolean true$/),

	date('31/12/2026', '31/12/2026', dateFormat),
	date('2026-13-01', '2026-13-01', notRealDate),
	date('2026-02-30', '2026-02-30', notRealDate),
	date('2025-02-29 (not a leap year)', '2025-02-29', notRealDate),
	date('2026-00-10', '2026-00-10', notRealDate),
	date('without leading zeros', '2026-1-5', dateFormat),
	date('as a word', 'tomorrow', dateFormat),
	date('with an impossible time', '2026-03-03T25:61', /^Custom Field "Birthday" must be a date or an ISO date-time, got .+$/),
	date('as a number', 20260303, /^Custom Field "Birthday" must be a date, got number 20260303$/),

	email('without @', 'grace.example.com'),
	email('without a top-level domain', 'grace@example'),
	email('with two dots', 'grace..hopper@example.com'),
	email('with two addresses', 'grace@example.com, ada@example.com'),

	checkbox('that are numbers', [1, 2], /^Custom Field "Interests" every entry must be text, got number 1$/),
	checkbox('that are an object', { 'Dark Mode': true }, /^Custom Field "Interests" must be a list or a comma-separated text, got an object$/),
	checkbox('that are a number', 42, /^Custom Field "Interests" must be a list or a comma-separated text, got number 42$/),
	checkbox('that are nested lists', [['Dark Mode']], /^Custom Field "Interests" every entry must be text, got a list$/),
	checkbox('as malformed JSON', '["Dark Mode",', /^Custom Field "Interests" must be a list of options, got malformed JSON .+$/),
	checkbox('as a JSON list of numbers', '[1, 2]', /^Custom Field "Interests" every entry must be text, got number 1$/),
	update(
		'a custom field entry without a name',
		{ customFields: { field: [{ name: '={{ $json.value }}', type: 'text', value: 'x' }] } },
		'Billing Address',
		'  ',
		'Custom Fields',
		/^Custom Fields has an entry without a field name$/,
	),
	update(
		'a custom field type from an expression that is no type',
		{ customFields: { field: [{ name: 'Order Count', type: '={{ $json.value }}', value: '3' }] } },
		'number',
		'money',
		'Custom Field "Order Count"',
		/^Custom Field "Order Count" has an unknown type "money"$/,
	),

	json('that is malformed', '{"Plan": "Pro"', 'Custom Fields (JSON)', /^Custom Fields \(JSON\) is not valid JSON$/),
	json('that is plain text', 'Pro', 'Custom Fields (JSON)', /^Custom Fields \(JSON\) is not valid JSON$/),
	json('that is a list', '["Pro"]', 'Custom Fields (JSON)', /^Custom Fields \(JSON\) must be an object of field names to values, got a list$/),
	json('that is a number', 42, 'Custom Fields (JSON)', /^Custom Fields \(JSON\) must be an object of field names to values, got number 42$/),
	json('with an empty field name', { '  ': 'x' }, 'Custom Fields (JSON)', /^Custom Fields \(JSON\) has a field with an empty name$/),
	json('with an object value', { Plan: { name: 'Pro' } }, 'Custom Field "Plan"', /^Custom Field "Plan" must be text, a number, a date or a list of texts, got an object$/),
	json('with a number in a list', { Interests: ['Dark Mode', 3] }, 'Custom Field "Interests"', /^Custom Field "Interests" every entry must be text, got number 3$/),
	json('with an infinite number', { 'Order Count': Infinity }, 'Custom Field "Order Count"', /^Custom Field "Order Count" must be text, got number Infinity$/),

	update('an assigned user that is not an email', { assignedUser: fromItem }, 'ben.agent@example.com', 'ben', 'Assigned User', /^Assigned User must be an email address, got "ben"$/),
	update('an assigned user that is an object', { assignedUser: fromItem }, 'ben.agent@example.com', { email: 'ben.agent@example.com' }, 'Assigned User', /^Assigned User must be text, got an object$/),
	{
		title: 'update: Assigned User together with Unassign User',
		operation: 'update',
		parameters: { contact: contactFromItem, updateFields: { assignedUser: '={{ $json.email }}', unassignUser: '={{ $json.unassign }}' } },
		...aroundGrace({ email: 'ben.agent@example.com', unassign: false }, { email: 'cleo.agent@example.com', unassign: true }),
		field: 'Assigned User',
		message: /^Assigned User cannot be set together with Unassign User$/,
	},

	{
		title: 'update: Unassign User from an expression that is not a boolean',
		operation: 'update',
		parameters: { contact: contactFromItem, updateFields: { name: 'Renamed', unassignUser: '={{ $json.unassign }}' } },
		...aroundGrace({ unassign: 'true' }, { unassign: 'yes' }),
		field: 'Unassign User',
		message: /^Unassign User must be true or false, got "yes"$/,
	},

	update('a team id with a slash', { teamUuid: fromItem }, team, 'a/b', 'Team', notAnId('Team')),
	update('a team id ".."', { teamUuid: fromItem }, team, '..', 'Team', notAnId('Team')),
	update('a team id that is an object', { teamUuid: fromItem }, team, { uuid: 'x' }, 'Team', /^Team must be text, got an object$/),

	update('a bot status "start" from an expression', { botStatus: fromItem }, 'bot_end', 'start', 'Bot Status', /^Bot Status must be bot_start or bot_end, got "start"$/),
	update('a bot status in capitals', { botStatus: fromItem }, 'bot_end', 'BOT_START', 'Bot Status', /^Bot Status must be bot_start or bot_end, got "BOT_START"$/),
	update('a bot status that is a boolean', { botStatus: fromItem }, 'bot_end', true, 'Bot Status', /^Bot Status must be bot_start or bot_end, got boolean true$/),

	update('a note of 1001 characters', { note: fromItem }, 'Short', 'n'.repeat(1001), 'Note', /^Note is 1001 characters long; Callbell allows at most 1000$/),
	update('a note of 1001 emoji', { note: fromItem }, '😀'.repeat(1000), '😀'.repeat(1001), 'Note', /^Note is 1001 characters long; Callbell allows at most 1000$/),
	update('a note that is an object', { note: fromItem }, 'Short', { text: 'x' }, 'Note', /^Note must be text, got an object$/),
	{
		title: 'update: Note together with Clear Note',
		operation: 'update',
		parameters: { contact: contactFromItem, updateFields: { note: '={{ $json.note }}', clearNote: '={{ $json.clear }}' } },
		...aroundGrace({ note: 'Kept', clear: false }, { note: 'Both', clear: true }),
		field: 'Note',
		message: /^Note cannot be set together with Clear Note$/,
	},

	{
		title: 'update: Clear Note from an expression that is not a boolean',
		operation: 'update',
		parameters: { contact: contactFromItem, updateFields: { name: 'Renamed', clearNote: '={{ $json.clear }}' } },
		...aroundGrace({ clear: false }, { clear: 'no' }),
		field: 'Clear Note',
		message: /^Clear Note must be true or false, got "no"$/,
	},

	mapped('an unknown dropdown option', 'Plan', 'Pro', 'Gold', /^Custom Field "Plan" has no option "Gold"$/),
	mapped('a dropdown option in the wrong case', 'Plan', 'Pro', 'pro', /^Custom Field "Plan" has no option "pro"$/),
	mapped('an unknown checkbox option in a list', 'Interests', ['Dark Mode'], ['Dark Mode', 'Gold'], /^Custom Field "Interests" has no option "Gold"$/),
	mapped('an unknown checkbox option in text', 'Interests', 'Newsletter', 'Newsletter, Gold', /^Custom Field "Interests" has no option "Gold"$/),
	mapped('an email field (per the account) that is no email', 'Contact Email', 'ada@example.com', 'nope', /^Custom Field "Contact Email" must be an email address, got "nope"$/),
	mapped('a number field (per the account) that is no number', 'Order Count', '5', 'five', /^Custom Field "Order Count" must be a number, got "five"$/),
	{
		title: 'update: Custom Fields (JSON) checked against the account’s options when they are known',
		operation: 'update',
		parameters: {
			contact: contactFromItem,
			updateFields: { customFieldsJson: '={{ $json.json }}' },
			accountCustomFields: { mappingMode: 'defineBelow', value: { 'Order Count': '={{ $json.count }}' }, schema: mapperSchema },
		},
		...aroundGrace({ count: 5, json: { Plan: 'Free' } }, { count: 6, json: { Plan: 'Gold' } }),
		field: 'Custom Field "Plan"',
		message: /^Custom Field "Plan" has no option "Gold"$/,
	},
];
