import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContactFiltersInput } from './helpers/contactList';
import { buildContactListQuery } from './helpers/contactList';
import { toLimit } from '../../helpers/values';
import { CONTACT_PAGES } from '../../transport/listPage';
import { requestList } from '../../transport/pagination';
import type { ExecutionContext } from '../types';
import { includeFieldTypes } from './contactFields';
import { filtersCollection, listFields, optionsCollection, SOURCE_OPTIONS, teamField } from '../common.descriptions';

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
	filtersCollection([
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
			...teamField,
			description:
				'Only contacts in this team inbox, by its ID (32 hex characters, e.g. 4c1b5e9d2a7f4e0b8c3d6a9f1e2b7c40). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

/** The cap error's advice: the filters first, then a Limit the pages under Callbell's cap can serve. */
function narrowTheList(kept: number): string {
	return `Narrow the list with Filters (Source, Tags, Team)${kept > 0 ? `, or turn off Return All and set a Limit of at most ${kept}` : ''}.`;
}

/**
 * `GET /contacts` page after page (Callbell API docs, Contacts → List contacts), following Callbell's
 * cursor (`meta.next` → `after`) when it gives one and page numbers otherwise, the filters sent
 * with every page; one output item per contact. Callbell lists at most 500 pages by number.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: ExecutionContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toLimit(this.getNodeParameter('limit', itemIndex, 50));
	const query = buildContactListQuery(this.getNodeParameter('filters', itemIndex, {}) as ContactFiltersInput);
	return await requestList.call(this, context.api, {
		path: '/contacts',
		key: 'contacts',
		qs: { ...query },
		paging: CONTACT_PAGES,
		limit,
		itemIndex,
		adviceWhenCapped: narrowTheList,
	});
}
