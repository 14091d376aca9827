import type { IDataObject } from 'n8n-workflow';

import { SEED } from '../../../../harness/sandbox';
import type { BadInputCase, ItemValue } from './corpus';
import { fromValue, idFromItem, notAnId, valueCase } from './corpus';

/** Custom Status → Get, Delete, Create, Update: ids that escape the path, empty names, emoji that are not. */

const lunch = SEED.customStatuses.lunch.id;
const vacation = SEED.customStatuses.vacationing.id;
const statusIds: [IDataObject, IDataObject] = [{ id: lunch, value: 'Status A' }, { id: vacation, value: 'Status B' }];
const status = (operation: string, title: string, id: ItemValue, message: RegExp, parameters: IDataObject = {}) =>
	valueCase('customStatus', operation, title, { customStatus: idFromItem, ...parameters }, statusIds, { id, value: 'Status C' }, 'Custom Status', message);
const createStatus = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('customStatus', 'create', title, { name: fromValue, additionalFields: { emoji: '={{ $json.emoji }}' } }, [{ value: 'Coffee', emoji: '☕' }, { value: 'Gym', emoji: '' }], { value: 'Bad', emoji: '', ...bad }, field, message);
const updateStatus = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('customStatus', 'update', title, { customStatus: idFromItem, updateFields: { name: fromValue, emoji: '={{ $json.emoji }}' } }, [{ id: lunch, value: 'Lunch 2', emoji: '' }, { id: vacation, value: '', emoji: '🏖️' }], { id: lunch, value: 'Bad', emoji: '', ...bad }, field, message);

export const customStatusCases: BadInputCase[] = [
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
];
