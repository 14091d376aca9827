import { toSource } from './contactCreate';
import { InputError } from '../../../helpers/InputError';
import { isEmptyValue, toCallbellId, toStringList, toToggle } from '../../../helpers/values';

/** The Get Many "Filters" collection as n8n resolves it for one item. */
export interface ContactFiltersInput {
	source?: unknown;
	tags?: unknown;
	teamUuid?: unknown;
	includeFieldTypes?: unknown;
}

/** The query of `GET /contacts` (without the page token), in Callbell's snake_case. */
export interface ContactListQuery {
	source?: string;
	tags?: string;
	team_uuid?: string;
	include_field_types?: 'true';
}

/** Validate the Filters and build the query Callbell expects; empty filters are not sent. */
export function buildContactListQuery(filters: ContactFiltersInput = {}): ContactListQuery {
	const query: ContactListQuery = {};
	if (!isEmptyValue(filters.source)) query.source = toSource('Source', filters.source);
	if (!isEmptyValue(filters.tags)) {
		const tags = toStringList('Tags', filters.tags);
		if (tags.some((tag) => tag.includes(','))) throw new InputError('Tags', 'entries cannot contain commas');
		if (tags.length > 0) query.tags = tags.join(',');
	}
	if (!isEmptyValue(filters.teamUuid)) query.team_uuid = toCallbellId('Team', filters.teamUuid);
	if (toToggle('Include Field Types', filters.includeFieldTypes)) query.include_field_types = 'true';
	return query;
}
