import type { IDataObject } from 'n8n-workflow';

import { SEED } from '../../../../harness/sandbox';
import type { BadInputCase, ItemValue } from './corpus';
import { fromValue, notAnId, notAnyOf, valueCase } from './corpus';

/** User → Set Status, Clear Custom Status: user uuids that escape the path, availabilities and actions Callbell does not know. */

const lunch = SEED.customStatuses.lunch.id;
const vacation = SEED.customStatuses.vacationing.id;
const ben = SEED.users.ben.uuid;
const dan = SEED.users.dan.uuid;
const userIds: [IDataObject, IDataObject] = [{ id: ben, value: 'available' }, { id: dan, value: 'away' }];
const setStatus = (title: string, bad: IDataObject, field: string, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('user', 'setStatus', title, { userUuid: '={{ $json.id }}', availability: fromValue, customStatusAction: 'unchanged', ...parameters }, userIds, { id: ben, value: 'away', ...bad }, field, message);
const clearStatus = (title: string, id: ItemValue, message: RegExp) =>
	valueCase('user', 'clearCustomStatus', title, { userUuid: '={{ $json.id }}' }, userIds, { id }, 'User UUID', message);

export const userCases: BadInputCase[] = [
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
];
