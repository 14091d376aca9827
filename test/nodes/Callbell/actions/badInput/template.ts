import type { BadInputCase } from './corpus';
import { byIdCase, notAnId, renameCase } from './corpus';
import { SEED } from '../../../../harness/sandbox';

/** Template → Rename and Get with one bad value in the middle item. */

const welcome = SEED.templates.welcome.uuid;

export const templateCases: BadInputCase[] = [
	renameCase('template', welcome, 'an empty title', '', /^Title is required$/),
	renameCase('template', welcome, 'a title of 256 characters', 't'.repeat(256), /^Title has 256 characters, more than 255$/),
	byIdCase('template', 'get', 'an id with a slash', welcome, '../templates', 'Template', notAnId('Template')),
];
