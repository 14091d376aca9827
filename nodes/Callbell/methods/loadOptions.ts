import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ONE_ANSWER } from '../transport/listPage';
import { requestList } from '../transport/pagination';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Teams (`GET /teams`, every page), default team first. */
export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const teams = await requestList.call(this, api, { path: '/teams', key: 'teams' });
	return teams
		.filter((team) => text(team.uuid))
		.sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)) || text(a.name).localeCompare(text(b.name)))
		.map((team) => ({
			name: team.default ? `${text(team.name)} (default)` : text(team.name),
			value: text(team.uuid),
			description: typeof team.members === 'number' ? `${team.members} members` : undefined,
		}));
}

/**
 * Users to assign: Callbell has no user list, so these are the members of every team
 * (`GET /teams/:uuid/members`, every page), by email, without duplicates.
 */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const teams = await requestList.call(this, api, { path: '/teams', key: 'teams' });
	const users = new Map<string, INodePropertyOptions>();
	for (const team of teams) {
		const path = `/teams/${encodeURIComponent(text(team.uuid))}/members`;
		const members = await requestList.call(this, api, { path, key: 'users' });
		for (const member of members) {
			const email = text(member.email);
			if (!email || users.has(email.toLowerCase())) continue;
			users.set(email.toLowerCase(), { name: member.name ? `${text(member.name)} (${email})` : email, value: email });
		}
	}
	return [...users.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Channels (`GET /channels`, every page), main channel first, deactivated ones left out. */
export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const channels = await requestList.call(this, api, { path: '/channels', key: 'channels' });
	return channels
		.filter((channel) => text(channel.uuid) && channel.discardedAt !== true)
		.sort((a, b) => Number(Boolean(b.main)) - Number(Boolean(a.main)) || text(a.title).localeCompare(text(b.title)))
		.map((channel) => ({
			name: `${text(channel.title)} (${text(channel.type)}${channel.main ? ', main' : ''})`,
			value: text(channel.uuid),
		}));
}

/** Funnel stages (`GET /funnels`, one answer), in their position order. */
export async function getFunnels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	const funnels = await requestList.call(this, api, { path: '/funnels', key: 'funnels', paging: ONE_ANSWER });
	return funnels
		.filter((funnel) => text(funnel.uuid))
		.sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
		.map((funnel) => ({ name: text(funnel.name), value: text(funnel.uuid) }));
}
