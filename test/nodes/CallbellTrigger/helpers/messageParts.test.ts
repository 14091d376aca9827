import type { IDataObject } from 'n8n-workflow';

import {
	contactCardsOf,
	interactiveListOf,
	locationOf,
	messageParts,
	repliedToOf,
	replyButtonsOf,
} from '../../../../nodes/CallbellTrigger/helpers/messageParts';

/** The optional objects of the docs' message_created example (Webhooks → Message Created). */
const docsLocation = {
	coordinates: { x: -23.605403621614, y: -46.637346962613 },
	googleMapsLocation: 'https://maps.googleapis.com/maps/api/staticmap?zoom=15&size=270x200&markers=color:red%7C-24.605403621614,-47.637346962613',
};
const docsContactCard = { contactsInfo: [{ name: 'Peter Parker', phones: [{ phone: '3331122336699', wa_id: '', type: 'MOBILE' }] }] };
const option = (title: string) => ({ type: 'text', title, postback_url: '', postback_text: '' });
const docsReplyButton = {
	metadata: {
		type: 'quick_reply',
		content: { url: 'https://url.com/uploads/file.png', text: 'hello text', header: 'header', caption: 'caption', filename: 'file.png', contentType: 'image' },
		options: [option('Yes'), option('No'), option('Maybe')],
	},
};
const listMetadata = {
	header: 'Welcome to our restaurant',
	body: 'Have a look at our menu',
	buttons: [{ title: 'click here' }],
	sections: [
		{ title: 'Breakfast', subtitle: null, items: [{ header: 'Yogurt', description: null }, { header: 'Pancakes', description: null }] },
		{ title: 'Lunch', subtitle: 'From noon', items: [{ header: 'Soup', description: 'Of the day' }] },
	],
};
const docsList = { metadata: JSON.stringify(listMetadata) };

describe('locationOf', () => {
	it('reads x as the latitude and y as the longitude, as the docs’ example (São Paulo) has them', () => {
		expect(locationOf(docsLocation)).toEqual({ latitude: -23.605403621614, longitude: -46.637346962613, mapImageUrl: docsLocation.googleMapsLocation });
	});

	it('takes coordinates as text, swaps them when x cannot be a latitude, and gives null for what is missing', () => {
		expect(locationOf({ coordinates: { x: '48.8584', y: '2.2945' } })).toEqual({ latitude: 48.8584, longitude: 2.2945, mapImageUrl: null });
		expect(locationOf({ coordinates: { x: -122.4194, y: 37.7749 } })).toMatchObject({ latitude: 37.7749, longitude: -122.4194 });
		expect(locationOf({ coordinates: 'x' })).toEqual({ latitude: null, longitude: null, mapImageUrl: null });
		expect(locationOf(undefined)).toBeUndefined();
	});
});

describe('contactCardsOf', () => {
	it('gives each card’s name and phones, an empty wa_id as null', () => {
		expect(contactCardsOf(docsContactCard)).toEqual([{ name: 'Peter Parker', phones: [{ phone: '3331122336699', whatsappId: null, type: 'MOBILE' }] }]);
		expect(contactCardsOf({ contactsInfo: [{ name: 'Mary Jane', phones: ['+1 202 555 0199'] }, 'junk'] })).toEqual([
			{ name: 'Mary Jane', phones: [{ phone: '+1 202 555 0199', whatsappId: null, type: null }] },
			{ name: null, phones: [] },
		]);
	});
});

describe('replyButtonsOf', () => {
	it('gives the buttons message and the option whose title the customer sent back', () => {
		expect(replyButtonsOf(docsReplyButton, ' maybe ')).toEqual({
			type: 'quick_reply',
			header: 'header',
			text: 'hello text',
			caption: 'caption',
			media: { url: 'https://url.com/uploads/file.png', filename: 'file.png', type: 'image' },
			options: ['Yes', 'No', 'Maybe'].map((title) => ({ title, type: 'text', postbackUrl: null, postbackText: null })),
			selected: { title: 'Maybe', type: 'text', postbackUrl: null, postbackText: null },
		});
	});

	it('reads metadata sent as JSON text too; no match (or no text) selects nothing', () => {
		const asJson = replyButtonsOf({ metadata: JSON.stringify(docsReplyButton.metadata) }, 'Hello');
		expect(asJson).toMatchObject({ type: 'quick_reply', media: { type: 'image' }, selected: null });
		expect((asJson!.options as IDataObject[]).map((o) => o.title)).toEqual(['Yes', 'No', 'Maybe']);
		expect(replyButtonsOf({ metadata: { options: [{ title: 'Yes', postback_text: 'YES_1' }] } }, undefined)).toMatchObject({ media: null, selected: null });
	});
});

describe('interactiveListOf', () => {
	it('parses the metadata JSON string; the item whose title the customer sent back is selected, with its section', () => {
		expect(interactiveListOf(docsList, 'Pancakes')).toEqual({
			header: 'Welcome to our restaurant',
			body: 'Have a look at our menu',
			buttons: ['click here'],
			sections: [
				{ title: 'Breakfast', subtitle: null, items: [{ title: 'Yogurt', description: null }, { title: 'Pancakes', description: null }] },
				{ title: 'Lunch', subtitle: 'From noon', items: [{ title: 'Soup', description: 'Of the day' }] },
			],
			selected: { section: 'Breakfast', title: 'Pancakes', description: null },
		});
		expect(interactiveListOf(docsList, 'soup')?.selected).toEqual({ section: 'Lunch', title: 'Soup', description: 'Of the day' });
		expect(interactiveListOf(docsList, 'Dinner')?.selected).toBeNull();
	});

	it('metadata that is not JSON gives an error field with the text, instead of failing the delivery', () => {
		expect(interactiveListOf({ metadata: '{"header":' }, 'x')).toEqual({ error: 'Callbell’s list metadata is not a JSON object', metadata: '{"header":' });
		expect(interactiveListOf({ metadata: listMetadata }, 'Yogurt')?.selected).toMatchObject({ title: 'Yogurt' });
	});
});

describe('repliedToOf', () => {
	const replied = { text: 'Is my order on its way?', createdAt: '2026-12-02T09:58:00Z', status: 'received' };

	it('reads both spellings, messageContext first, the replied-to message inside target or beside it', () => {
		const expected = { uuid: null, text: 'Is my order on its way?', status: 'received', direction: 'incoming', createdAt: '2026-12-02T09:58:00Z' };
		expect(repliedToOf({ messageContext: { target: replied } })).toEqual(expected);
		expect(repliedToOf({ mesageContext: { target: replied } })).toEqual(expected);
		expect(repliedToOf({ mesageContext: { target: {}, ...replied } })).toEqual(expected);
		expect(repliedToOf({ messageContext: { target: { ...replied, status: 'sent', uuid: 'm-9' } }, mesageContext: { target: replied } })).toMatchObject({
			uuid: 'm-9',
			direction: 'outgoing',
		});
		expect(repliedToOf({ messageContext: 'x' })).toBeUndefined();
	});
});

describe('messageParts', () => {
	it('adds only the fields whose Callbell object is present', () => {
		expect(messageParts({ text: 'Hi', status: 'received' })).toEqual({});
		expect(Object.keys(messageParts({ text: 'Yes', messageLocation: docsLocation, messageContactCard: docsContactCard, messageReplyButton: docsReplyButton, messageInteractiveList: docsList, messageContext: { target: {} }, messageForward: { forwarded: true } }))).toEqual([
			'location',
			'contactCards',
			'replyButtons',
			'interactiveList',
			'repliedTo',
			'forwarded',
		]);
		expect(messageParts({ messageForward: { forwarded: false } })).toEqual({ forwarded: false });
		expect(messageParts({ text: 'Yes', messageReplyButton: docsReplyButton }).replyButtons).toMatchObject({ selected: { title: 'Yes' } });
	});
});
