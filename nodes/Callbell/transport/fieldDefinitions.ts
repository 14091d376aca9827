import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../actions/contact/helpers/customFields';
import { collectFieldDefinitions } from '../actions/contact/helpers/fieldDefinitions';
import type { CallbellConnection } from './request';
import type { ListPage, ListRequest, PageToken } from './listPage';
import { CONTACT_PAGES, requestListPage } from './listPage';

/** Pages of contacts read to find the account's custom fields (20 contacts a page). */
const PAGES_TO_READ = 3;

const CONTACTS_WITH_FIELD_TYPES: ListRequest = { path: '/contacts', key: 'contacts', qs: { include_field_types: true }, paging: CONTACT_PAGES };

/**
 * The account's custom field definitions, gathered from `GET /contacts?include_field_types=true`
 * over the first pages (Callbell has no field list). Stops early once `wanted` names are all known.
 */
export async function loadFieldDefinitions(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	api: CallbellConnection,
	wanted: string[] = [],
	itemIndex?: number,
): Promise<Record<string, CustomFieldDefinition>> {
	const definitions: Record<string, CustomFieldDefinition> = {};
	let token: PageToken | undefined = { page: 1 };
	for (let read = 0; token && read < PAGES_TO_READ; read++) {
		const page: ListPage = await requestListPage.call(this, api, { ...CONTACTS_WITH_FIELD_TYPES, itemIndex }, token);
		collectFieldDefinitions(page.elements, definitions);
		if (wanted.length > 0 && wanted.every((name) => definitions[name])) break;
		token = page.next;
	}
	return definitions;
}
