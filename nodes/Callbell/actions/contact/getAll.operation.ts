import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ContactFiltersInput } from './helpers/contactList';
import { buildContactListQuery } from './helpers/contactList';
import { toLimit } from '../../helpers/values';
import { isNodeApiError, toCallbellApiError } from '../../transport/errors';
import type { ContactsPage, ContactsPageToken } from '../../transport/pagination';
import { CONTACTS_PAGE_CAP, requestContactsPage } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { includeFieldTypes } from './contactFields';
import { listFields, optionsCollection, SOURCE_OPTIONS } from '../common.descriptions';

const properties: INodeProperties[] = [
	listFields[0],
	{
		displayName:
			'Callbell lists at most 500 pages (about 10,000 contacts). Past that, the item fails and outputs none of the contacts read, so that no partial list passes as complete: narrow the list with Filters.',
		name: 'capNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { returnAll: [true] } },
	},
	listFields[1],
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			includeFieldTypes,
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				default: 'whatsapp',
				description: 'Only contacts from this channel type',
				options: SOURCE_OPTIONS,
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. Lead, VIP',
				description: 'Only contacts with these tags (case-insensitive). Tags separated by commas, or an expression returning a list.',
			},
			{
				displayName: 'Team Name or ID',
				name: 'teamUuid',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTeams' },
				default: '',
				description:
					'Only contacts in this team inbox. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

function capError(this: IExecuteFunctions, itemIndex: number, read: number) {
	return new NodeOperationError(
		this.getNode(),
		`Callbell lists at most ${CONTACTS_PAGE_CAP} pages of contacts; there are more contacts than that [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				`Stopped after reading ${read} contacts and output none of them, so that no partial list passes as complete. ` +
				`Narrow the list with Filters (Source, Tags, Team)${read > 0 ? `, or turn off Return All and set a Limit of at most ${read}` : ''}.`,
		},
	);
}

function isPaginationLimitError(error: unknown): boolean {
	return isNodeApiError(error) && error.httpCode === '400' && /pagination limit exceeded/i.test(`${error.description ?? ''} ${error.message}`);
}

/**
 * `GET /contacts` page after page, following Callbell's cursor (`meta.next` → `after`) when it
 * gives one and page numbers otherwise; one output item per contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toLimit(this.getNodeParameter('limit', itemIndex, 50));
	const query = buildContactListQuery(this.getNodeParameter('filters', itemIndex, {}) as ContactFiltersInput);

	const contacts: IDataObject[] = [];
	let token: ContactsPageToken | undefined = { page: 1 };
	while (token) {
		let page: ContactsPage;
		try {
			page = await requestContactsPage.call(this, context.api, { ...query }, token, itemIndex);
		} catch (error) {
			if (isPaginationLimitError(error)) throw capError.call(this, itemIndex, contacts.length);
			throw toCallbellApiError(this.getNode(), error, itemIndex);
		}
		contacts.push(...page.contacts);
		if (limit !== undefined && contacts.length >= limit) return contacts.slice(0, limit);
		if (page.capped) throw capError.call(this, itemIndex, contacts.length);
		if (page.next && 'after' in page.next && 'after' in token && page.next.after === token.after) {
			throw new NodeOperationError(this.getNode(), `Callbell returned the same page cursor twice [item ${itemIndex}]`, { itemIndex });
		}
		token = page.next;
	}
	return contacts;
}
