import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { channelLabel, isDiscarded, sortChannels } from '../helpers/channels';
import { isApproved, templateLabel, templatePreview } from '../helpers/templates';
import { requestList } from '../transport/pagination';
import { EDITOR_SETTINGS, getConnection } from '../transport/request';

/** The Template and Channel pickers (listSearch): every page read, filtered here by the typed text. */

const matches = (label: string, filter?: string) => !filter?.trim() || label.toLowerCase().includes(filter.trim().toLowerCase());

async function readList(this: ILoadOptionsFunctions, name: 'templates' | 'channels'): Promise<IDataObject[]> {
	const api = await getConnection.call(this, EDITOR_SETTINGS);
	return await requestList.call(this, api, { path: `/${name}`, key: name });
}

function templateItems(templates: IDataObject[], filter: string | undefined, showStatus: boolean): INodeListSearchItems[] {
	return templates
		.filter((template) => typeof template.uuid === 'string')
		.map((template) => {
			const status = typeof template.status === 'string' ? template.status : 'unknown';
			const label = showStatus && !isApproved(template) ? `${templateLabel(template)} (${status})` : templateLabel(template);
			// n8n's list shows the name only: the start of the text goes in it, the whole start in the description.
			const start = templatePreview(template, 40);
			return { name: start ? `${label} · “${start}”` : label, value: template.uuid as string, description: templatePreview(template) };
		})
		.filter((item) => matches(`${item.name} ${item.description}`, filter))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Send's Template picker: approved templates only, "Order shipped · image · 2 variables", the start of the text below. */
export async function searchApprovedTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templates = await readList.call(this, 'templates');
	return { results: templateItems(templates.filter(isApproved), filter, false) };
}

/** Template Get/Rename: every template, the status named when not approved. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return { results: templateItems(await readList.call(this, 'templates'), filter, true) };
}

function channelItems(channels: IDataObject[], filter: string | undefined): INodeListSearchItems[] {
	return sortChannels(channels.filter((channel) => typeof channel.uuid === 'string'))
		.map((channel) => {
			const notes = [channel.main === true ? 'main' : '', isDiscarded(channel) ? 'deactivated' : ''].filter(Boolean);
			const label = channelLabel(channel);
			return { name: notes.length > 0 ? `${label} (${notes.join(', ')})` : label, value: channel.uuid as string };
		})
		.filter((item) => matches(item.name, filter));
}

/** Send's Channel picker: active channels, the main one first ("WhatsApp · Main line (main)"). */
export async function searchActiveChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await readList.call(this, 'channels');
	return { results: channelItems(channels.filter((channel) => !isDiscarded(channel)), filter) };
}

/** Channel Get/Rename: every channel, deactivated ones marked. */
export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return { results: channelItems(await readList.call(this, 'channels'), filter) };
}
