import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { requestList } from '../transport/pagination';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function matching(items: IDataObject[], idKey: string, label: (item: IDataObject) => string, filter?: string): INodeListSearchItems[] {
	const wanted = filter?.trim().toLowerCase() ?? '';
	return items
		.filter((item) => text(item[idKey]))
		.map((item) => ({ name: label(item), value: text(item[idKey]) }))
		.filter((item) => !wanted || item.name.toLowerCase().includes(wanted) || item.value.toLowerCase() === wanted);
}

/** The Team picker: `GET /teams` (every page), default team first, filtered by name. */
export async function searchTeams(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const teams = await requestList.call(this, api, { path: '/teams', key: 'teams' });
	teams.sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)) || text(a.name).localeCompare(text(b.name)));
	return { results: matching(teams, 'uuid', (team) => (team.default ? `${text(team.name)} (default)` : text(team.name)), filter) };
}

/** The Custom Status picker: `GET /custom_statuses` (every page), by name with its emoji. */
export async function searchCustomStatuses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const statuses = await requestList.call(this, api, { path: '/custom_statuses', key: 'customStatuses' });
	return { results: matching(statuses, 'id', (status) => `${text(status.emoji)} ${text(status.name)}`.trim(), filter) };
}
