import type { IDataObject } from 'n8n-workflow';

import type { BadInputCase } from './corpus';
import { valueCase } from './corpus';

/** Webhook → Subscribe: URLs that are not public https, events Callbell does not know. */

const hooks: [IDataObject, IDataObject] = [
	{ url: 'https://hooks.example.com/a', events: ['message_created'] },
	{ url: 'https://hooks.example.com/b', events: ['contact_created', 'team_membership_updated'] },
];
const subscribe = (title: string, bad: IDataObject, field: string, message: RegExp) =>
	valueCase('webhook', 'subscribe', title, { url: '={{ $json.url }}', events: '={{ $json.events }}' }, hooks, { ...hooks[0], ...bad }, field, message);
const httpsOnly = /^URL must start with https:\/\/, got .+$/;

export const webhookCases: BadInputCase[] = [
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
];
