import type { INodeProperties, INodePropertyMode, INodePropertyOptions } from 'n8n-workflow';

import { CALLBELL_RATE_LIMIT, DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, MAX_CONCURRENCY } from '../transport/runSettings';

/*
 * Descriptions that several resources share (as n8n's Airtable v2 and Pipedrive v2 keep them in
 * actions/common.descriptions.ts): the Options collection, Return All + Limit, the pickers used
 * by more than one resource, and the contact fields that Send offers too.
 */

/** How the node sends its requests: the same four options on every operation. */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: DEFAULT_CONCURRENCY,
		hint: '0 = Auto: adapts to Callbell’s response time and the rate cap',
		description: `How many items are sent to Callbell at once. 0 (Auto) keeps as many in flight as the request rate and Callbell’s response time need (up to ${MAX_CONCURRENCY}). 1 sends them strictly one after another. The output keeps the order of the input either way.`,
	},
	{
		displayName: 'Max Requests Per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: CALLBELL_RATE_LIMIT, numberPrecision: 0 },
		default: DEFAULT_MAX_REQUESTS_PER_SECOND,
		description: `The most requests this node sends per second. Callbell allows ${CALLBELL_RATE_LIMIT} per account, shared by every workflow using it, and answers 429 above it. The node starts at 35 % of this cap and reaches it within 1.5 s; after a 429 it slows down and speeds up again to this cap. Set it to split the account between workflows. 0 means no cap (and no slowing down).`,
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often a request is sent again after a 5xx or a network error, waiting longer each time and as long as Callbell’s Retry-After asks. Creates and other POSTs are repeated only when Callbell surely did not receive them. A 429 (rate limit) does not use up retries: it is retried until its waits add up to 120 s. 0 sends every request once.',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 300_000, numberPrecision: 0 },
		default: DEFAULT_TIMEOUT_MS,
		description: 'Milliseconds to wait for Callbell’s answer before the attempt counts as failed (and is retried if it is safe)',
	},
];

/** The Options collection of an operation, with its own options (if any) sorted in. */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...requestOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Return All + Limit, as n8n's Get Many operations have them. */
export const listFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The Filters collection of a list operation, its filters sorted by name as n8n's own lists are. */
export function filtersCollection(filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...filters].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The channel types a contact can come from, as Callbell names them in `source`. */
export const SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'Messenger', value: 'facebook' },
	{ name: 'Telegram', value: 'telegram' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

/** A contact's assigned user (Contact → Update and Create; Send's Additional Fields). */
export const assignedUserField: INodeProperties = {
	displayName: 'Assigned User Name or ID',
	name: 'assignedUser',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'The Callbell user to assign the contact to, by the email they log in with (e.g. cleo@example.com). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Start or stop the bot (Contact → Update; Send's Additional Fields). */
export const botStatusField: INodeProperties = {
	displayName: 'Bot Status',
	name: 'botStatus',
	type: 'options',
	default: 'bot_start',
	description: 'Start or stop the bot for this contact. Needs an enabled bot in Callbell.',
	options: [
		{ name: 'Start Bot', value: 'bot_start' },
		{ name: 'Stop Bot', value: 'bot_end' },
	],
};

/** The team inbox of a contact (Contact → Update and Create; Send's Additional Fields). */
export const teamField: INodeProperties = {
	displayName: 'Team Name or ID',
	name: 'teamUuid',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTeams' },
	default: '',
	description:
		'The team inbox to move the contact to, by its ID (32 hex characters, e.g. 4c1b5e9d2a7f4e0b8c3d6a9f1e2b7c40). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

interface IdLocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The listSearch method behind From List. */
	searchListMethod: string;
	/** The From List placeholder, e.g. "Select a team...". */
	listPlaceholder: string;
	placeholder: string;
	/** What the ID looks like, for the By ID regex message, e.g. "A team ID"; without it By ID is not checked in the editor. */
	idLabel?: string;
	/** More modes after From List and By ID (the Contact picker's By Phone and By BSUID). */
	modes?: INodePropertyMode[];
}

/** The editor's check of a By … mode: the value must match `regex`. */
function validated(regex: string, errorMessage: string): Pick<INodePropertyMode, 'validation'> {
	return { validation: [{ type: 'regex', properties: { regex, errorMessage } }] };
}

/** A resource locator with From List and By ID, as every picker of the node has it. */
export function idLocator(spec: IdLocatorSpec): INodeProperties {
	const idCheck = spec.idLabel ? validated('^\\s*[A-Za-z0-9_-]{1,64}\\s*$', `${spec.idLabel} is made of letters, digits and dashes`) : {};
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: spec.placeholder, ...idCheck },
			...(spec.modes ?? []),
		],
	};
}

/** The Contact picker of every contact operation and of Send: From list, By ID, By Phone, By BSUID. */
export const contactLocator = idLocator({
	displayName: 'Contact',
	name: 'contact',
	description:
		'The Callbell contact: By ID its ID (32 hex characters, e.g. 414a6d692bd645ed803f2e7ce360d4c8), By Phone its number in international format (e.g. +44 7700 900001), By BSUID its WhatsApp username ID',
	searchListMethod: 'searchContacts',
	listPlaceholder: 'Select a contact...',
	placeholder: 'e.g. 414a6d692bd645ed803f2e7ce360d4c8',
	idLabel: 'A Callbell contact ID',
	modes: [
		{
			displayName: 'By Phone',
			name: 'phone',
			type: 'string',
			placeholder: 'e.g. +44 7700 900001',
			...validated('^\\s*\\+?[\\d\\s().-]{5,30}\\s*$', 'Enter a phone number, e.g. +44 7700 900001'),
		},
		{
			displayName: 'By BSUID',
			name: 'bsuid',
			type: 'string',
			placeholder: 'e.g. US.13491208655302741918',
			hint: 'WhatsApp’s Business Suite User ID, for contacts who hide their phone number behind a username',
			...validated('^\\s*[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\\s*$', 'A BSUID is letters, digits, dots, dashes and underscores'),
		},
	],
});

/**
 * Which channel a By Phone lookup searches; only shown for By Phone. The condition is a root
 * path ('/contact.mode'): n8n before 2.34.2 takes any other key as a sibling parameter's name and
 * fails every workflow with "Could not resolve parameter dependencies" (test/package/displayOptions).
 */
export const phoneLookupChannel: INodeProperties = {
	displayName: 'Phone Lookup Channel Name or ID',
	name: 'phoneLookupChannel',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getChannels' },
	default: '',
	displayOptions: { show: { '/contact.mode': ['phone'] } },
	description:
		'The channel to look the phone number up on, by its ID (e.g. 35f6f8ccb55042788a2e099f3a4e0730). Leave empty for the main WhatsApp channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The Custom Status picker (Custom Status operations; User → Set Status): From List (`GET /custom_statuses`) or By ID. */
export const customStatusLocator = idLocator({
	displayName: 'Custom Status',
	name: 'customStatus',
	description: 'The custom status, an agent presence label such as "Lunch": By ID its ID (e.g. ff0f96b9-b003-4d0c-b14f-27f3f6868dd6)',
	searchListMethod: 'searchCustomStatuses',
	listPlaceholder: 'Select a custom status...',
	placeholder: 'e.g. ff0f96b9-b003-4d0c-b14f-27f3f6868dd6',
	idLabel: 'A custom status ID',
});
