import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../actions/contact/helpers/customFields';
import { collectFieldDefinitions } from '../actions/contact/helpers/fieldDefinitions';
import type { CallbellConnection } from './request';
import { requestContactsPage, type ContactsPage, type ContactsPageToken } from './pagination';

/** Pages of contacts read to find the account's custom fields (20 contacts a page). */
const PAGES_TO_READ = 3;

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
	let token: ContactsPageToken | undefined = { page: 1 };
	for (let read = 0; token && read < PAGES_TO_READ; read++) {
		const page: ContactsPage = await requestContactsPage.call(this, api, { include_field_types: true }, token, itemIndex);
		collectFieldDefinitions(page.contacts, definitions);
		if (wanted.length > 0 && wanted.every((name) => definitions[name])) break;
		token = page.next;
	}
	return definitions;
}
