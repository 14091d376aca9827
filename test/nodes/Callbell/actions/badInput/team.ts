import type { IDataObject } from 'n8n-workflow';

import { SEED } from '../../../../harness/sandbox';
import type { BadInputCase, ItemValue } from './corpus';
import { fromValue, idFromItem, notAnId, notAnyOf, valueCase } from './corpus';

/** Team → Get, Get Members, Rename: ids that escape the path, statuses Callbell does not know, bad names. */

const sales = SEED.teams.sales.uuid;
const support = SEED.teams.support.uuid;
const teamIds: [IDataObject, IDataObject] = [{ id: sales, value: 'Team A' }, { id: support, value: 'Team B' }];
const team = (operation: string, title: string, id: ItemValue, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('team', operation, title, { team: idFromItem, ...parameters }, teamIds, { id, value: 'Team C' }, 'Team', message);
const rename = (title: string, value: ItemValue, message: RegExp) =>
	valueCase('team', 'rename', title, { team: idFromItem, name: fromValue }, teamIds, { id: sales, value }, 'New Name', message);
const members = (title: string, status: ItemValue, message: RegExp) =>
	valueCase('team', 'getMembers', title, { team: idFromItem, returnAll: false, limit: 1, filters: { status: fromValue } }, [{ id: sales, value: 'away' }, { id: support, value: 'available' }], { id: support, value: status }, 'Status', message);

export const teamCases: BadInputCase[] = [
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
];
