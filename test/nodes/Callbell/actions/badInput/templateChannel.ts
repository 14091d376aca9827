import type { BadInputCase, ItemValue } from './corpus';
import { notAnId } from './corpus';
import { ref } from '../../../../harness/messages';
import { SEED } from '../../../../harness/sandbox';

/** Template and Channel operations with one bad value in the middle item. */

function rename(resource: 'template' | 'channel', uuid: string, title: string, bad: ItemValue, message: RegExp): BadInputCase {
	return {
		title: `${resource} rename: ${title}`,
		operation: 'rename',
		parameters: { resource, [resource]: ref(uuid), title: '={{ $json.title }}' },
		valid: [{ title: 'First' }, { title: 'Second' }],
		bad: { title: bad },
		field: 'Title',
		message,
	};
}

function byId(resource: 'template' | 'channel', operation: string, title: string, uuid: string, bad: ItemValue, field: string, message: RegExp): BadInputCase {
	return {
		title: `${resource} ${operation}: ${title}`,
		operation,
		parameters: { resource, [resource]: ref('={{ $json.id }}', 'id'), title: 'Renamed' },
		valid: [{ id: uuid }, { id: uuid }],
		bad: { id: bad },
		field,
		message,
	};
}

const welcome = SEED.templates.welcome.uuid;
const telegram = SEED.channels.telegram.uuid;

export const templateChannelCases: BadInputCase[] = [
	rename('template', welcome, 'an empty title', '', /^Title is required$/),
	rename('template', welcome, 'a title of 256 characters', 't'.repeat(256), /^Title has 256 characters, more than 255$/),
	rename('channel', telegram, 'a title of spaces', '  ', /^Title is required$/),
	rename('channel', telegram, 'a title that is a list', ['a'], /^Title must be text, got a list$/),
	byId('template', 'get', 'an id with a slash', welcome, '../templates', 'Template', notAnId('Template')),
	byId('channel', 'get', 'an id with a query', telegram, 'abc?x=1', 'Channel', notAnId('Channel')),
	byId('channel', 'rename', 'an empty id', telegram, '', 'Channel', /^Channel is required$/),
];
