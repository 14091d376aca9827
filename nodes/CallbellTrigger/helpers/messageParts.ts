import type { IDataObject } from 'n8n-workflow';

/*
 * The optional objects of a message_created payload (Callbell API docs, Webhooks → Message Created,
 * "Optional Fields", and Object Types), read into clean fields of the trigger's item. Callbell's
 * objects stay in the item as they came; nothing here throws, since a delivery must always be answered.
 *
 *   messageLocation        → location       {latitude, longitude, mapImageUrl}
 *   messageContactCard     → contactCards   [{name, phones: [{phone, whatsappId, type}]}]
 *   messageReplyButton     → replyButtons   {type, header, text, caption, media, options, selected}
 *   messageInteractiveList → interactiveList {header, body, buttons, sections, selected} (metadata is a JSON string)
 *   messageContext / mesageContext → repliedTo {uuid, text, status, direction, createdAt}
 *   messageForward         → forwarded      true or false
 */

type Json = IDataObject;

/** The value if it is a plain object (not a list), else undefined. */
export function asObject(value: unknown): Json | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function asList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** Text, or null for a missing, empty or non-text value. */
function textOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function numberOf(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** An object Callbell may send as an object or as its JSON text (the docs type these `string{}`). */
function objectOrJson(value: unknown): Json | undefined {
	if (typeof value !== 'string') return asObject(value);
	try {
		return asObject(JSON.parse(value));
	} catch {
		return undefined;
	}
}

const sameText = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';

/**
 * `coordinates: {x, y}`. The docs' example has x = -23.6, y = -46.6 (São Paulo) and its map marker
 * puts the x-like value first, Google's latitude,longitude order: x is read as the latitude. When x
 * cannot be a latitude (beyond ±90) and y can, the two are read the other way round.
 */
export function locationOf(messageLocation: unknown): Json | undefined {
	const source = asObject(messageLocation);
	if (!source) return undefined;
	const coordinates = asObject(source.coordinates) ?? {};
	let latitude = numberOf(coordinates.x);
	let longitude = numberOf(coordinates.y);
	if (latitude !== null && longitude !== null && Math.abs(latitude) > 90 && Math.abs(longitude) <= 90) [latitude, longitude] = [longitude, latitude];
	return { latitude, longitude, mapImageUrl: textOf(source.googleMapsLocation) };
}

/** `contactsInfo: [{name, phones: [{phone, wa_id, type}]}]`; an empty `wa_id` becomes null. */
export function contactCardsOf(messageContactCard: unknown): Json[] | undefined {
	const source = asObject(messageContactCard);
	if (!source) return undefined;
	return asList(source.contactsInfo).map((entry) => {
		const card = asObject(entry) ?? {};
		const phones = asList(card.phones).map((phone) => {
			const number: Json = asObject(phone) ?? { phone: phone as string };
			return { phone: textOf(number.phone), whatsappId: textOf(number.wa_id), type: textOf(number.type) };
		});
		return { name: textOf(card.name), phones };
	});
}

/**
 * `metadata: {type, content: {url, text, header, caption, filename, contentType}, options: [{type,
 * title, postback_url, postback_text}]}`. `selected` is the option whose title is the message's text
 * (a customer's tap on a button arrives as the button's title; Callbell does not document another field).
 */
export function replyButtonsOf(messageReplyButton: unknown, messageText: unknown): Json | undefined {
	const source = asObject(messageReplyButton);
	if (!source) return undefined;
	const metadata = objectOrJson(source.metadata) ?? {};
	const content = asObject(metadata.content) ?? {};
	const mediaUrl = textOf(content.url);
	const options = asList(metadata.options).map((entry) => {
		const option: Json = asObject(entry) ?? { title: entry as string };
		return { title: textOf(option.title), type: textOf(option.type), postbackUrl: textOf(option.postback_url), postbackText: textOf(option.postback_text) };
	});
	return {
		type: textOf(metadata.type),
		header: textOf(content.header),
		text: textOf(content.text),
		caption: textOf(content.caption),
		media: mediaUrl === null ? null : { url: mediaUrl, filename: textOf(content.filename), type: textOf(content.contentType) },
		options,
		selected: options.find((option) => sameText(option.title, messageText)) ?? null,
	};
}

/**
 * `metadata`: a JSON string `{header, body, buttons: [{title}], sections: [{title, subtitle, items:
 * [{header, description}]}]}`, parsed. An item's `header` is its title. `selected` is the item whose
 * title is the message's text (with its section's title), as for reply buttons.
 */
export function interactiveListOf(messageInteractiveList: unknown, messageText: unknown): Json | undefined {
	const source = asObject(messageInteractiveList);
	if (!source) return undefined;
	const metadata = objectOrJson(source.metadata);
	if (!metadata) return { error: 'Callbell’s list metadata is not a JSON object', metadata: (source.metadata ?? null) as Json };
	let selected: Json | null = null;
	const sections = asList(metadata.sections).map((entry) => {
		const section = asObject(entry) ?? {};
		const title = textOf(section.title);
		const items = asList(section.items).map((row) => {
			const item: Json = asObject(row) ?? { header: row as string };
			return { title: textOf(item.header ?? item.title), description: textOf(item.description) };
		});
		const chosen = items.find((item) => sameText(item.title, messageText));
		if (chosen && !selected) selected = { section: title, ...chosen };
		return { title, subtitle: textOf(section.subtitle), items };
	});
	return {
		header: textOf(metadata.header),
		body: textOf(metadata.body),
		buttons: asList(metadata.buttons).map((button) => textOf(asObject(button)?.title ?? button)),
		sections,
		selected,
	};
}

/**
 * The message this one replies to. The docs' table spells the key `mesageContext`, the release
 * notes `messageContext`: both are read, `messageContext` first. The object's `target` ("Reply
 * message") is read as the replied-to message holding `text`, `createdAt` and `status`; fields
 * beside `target` are read too, where the docs' flat table puts them.
 */
export function repliedToOf(payload: Json): Json | undefined {
	const source = asObject(payload.messageContext) ?? asObject(payload.mesageContext);
	if (!source) return undefined;
	const target = asObject(source.target) ?? {};
	const read = (key: string) => textOf(target[key] ?? source[key]);
	const status = read('status');
	return {
		uuid: read('uuid'),
		text: read('text'),
		status,
		direction: status === 'received' ? 'incoming' : status === 'sent' ? 'outgoing' : null,
		createdAt: read('createdAt'),
	};
}

/** The clean fields of a message_created payload; only those whose Callbell object is present. */
export function messageParts(payload: Json): Json {
	const parts: Json = {};
	const text = payload.text;
	const found: Array<[string, Json | Json[] | undefined]> = [
		['location', locationOf(payload.messageLocation)],
		['contactCards', contactCardsOf(payload.messageContactCard)],
		['replyButtons', replyButtonsOf(payload.messageReplyButton, text)],
		['interactiveList', interactiveListOf(payload.messageInteractiveList, text)],
		['repliedTo', repliedToOf(payload)],
	];
	for (const [key, value] of found) if (value !== undefined) parts[key] = value;
	const forward = asObject(payload.messageForward);
	if (forward) parts.forwarded = forward.forwarded === true || forward.forwarded === 'true';
	return parts;
}
