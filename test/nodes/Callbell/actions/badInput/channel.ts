import type { BadInputCase } from './corpus';
import { byIdCase, notAnId, renameCase } from './corpus';
import { SEED } from '../../../../harness/sandbox';

/** Channel → Rename and Get with one bad value in the middle item. */

const telegram = SEED.channels.telegram.uuid;

export const channelCases: BadInputCase[] = [
	renameCase('channel', telegram, 'a title of spaces', '  ', /^Title is required$/),
	renameCase('channel', telegram, 'a title that is a list', ['a'], /^Title must be text, got a list$/),
	byIdCase('channel', 'get', 'an id with a query', telegram, 'abc?x=1', 'Channel', notAnId('Channel')),
	byIdCase('channel', 'rename', 'an empty id', telegram, '', 'Channel', /^Channel is required$/),
];
