import type { IDataObject } from 'n8n-workflow';

import { contactRef } from '../../../../harness/contact';
import { ref } from '../../../../harness/messages';
import { SEED } from '../../../../harness/sandbox';

/**
 * One bad input: the node runs `operation` with `parameters` (which read the item through
 * `$json`) over three items, the bad one in the middle. The bad item must fail with a message
 * that names `field` and the item, and must cause no request; the valid items go through.
 */
export interface BadInputCase {
	/** What is wrong with the bad item, e.g. "a contact id with a slash". */
	title: string;
	/** Contact unless said otherwise. */
	resource?: string;
	operation: string;
	/** The node's parameters besides resource and operation. */
	parameters: IDataObject;
	/** Items 0 and 2, which must succeed. */
	valid: [IDataObject, IDataObject];
	/** Item 1. */
	bad: IDataObject;
	/** The field as the node shows it, named in the message. */
	field: string;
	/** The message without the trailing " [item 1]". */
	message: RegExp;
}

/** A value an item's JSON can hold. */
export type ItemValue = IDataObject[string];

export const ada = SEED.contacts.ada.uuid;
export const grace = SEED.contacts.grace.uuid;
export const alan = SEED.contacts.alan.uuid;

/** The Contact parameter By ID, read from the item's `id`. */
export const contactFromItem = contactRef('={{ $json.id }}');

/** The usual items: Ada and Alan are valid, the bad item is Grace with other values. */
export function aroundGrace(good: IDataObject, bad: IDataObject): Pick<BadInputCase, 'valid' | 'bad'> {
	return { valid: [{ id: ada, ...good }, { id: alan, ...good }], bad: { id: grace, ...bad } };
}

/** An operation whose Contact comes from the item's `id`, with a bad id in the bad item. */
export function badContactId(operation: string, title: string, id: ItemValue, message: RegExp, parameters: IDataObject = {}): BadInputCase {
	return {
		title: `${operation}: ${title}`,
		operation,
		parameters: { contact: contactFromItem, ...parameters },
		valid: [{ id: ada }, { id: alan }],
		bad: { id },
		field: 'Contact',
		message,
	};
}

/** A case of any resource whose parameters read the item; the valid items are `good`. */
export function valueCase(
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

/** A resource locator By ID, read from the item's `id`. */
export const idFromItem = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

/** A parameter read from the item's `value`. */
export const fromValue = '={{ $json.value }}';

/** The message n8n shows for a value outside a fixed list. */
export const notAnyOf = (field: string, list: string) => new RegExp(`^${field} must be ${list}, got .+$`);

/** Template and Channel → Rename: the Title read from the item. */
export function renameCase(resource: 'template' | 'channel', uuid: string, title: string, bad: ItemValue, message: RegExp): BadInputCase {
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

/** Template and Channel: the locator By ID read from the item's `id`. */
export function byIdCase(resource: 'template' | 'channel', operation: string, title: string, uuid: string, bad: ItemValue, field: string, message: RegExp): BadInputCase {
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

/** The message n8n shows for a refused Callbell ID. */
export const notAnId = (field: string) => new RegExp(`^${escapeRegExp(field)} "[\\s\\S]*" is not a valid Callbell ID$`);

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
