import type { IDataObject } from 'n8n-workflow';

import {
	belongsInConversation,
	conversationItem,
	conversationText,
	roleOf,
	toConversation,
	toConversationOutput,
} from '../../../../../../nodes/Callbell/actions/contact/helpers/conversationForModel';

/** Callbell's list, newest first, as GET /contacts/:uuid/messages gives it. */
const newestFirst: IDataObject[] = [
	{ uuid: 'm4', text: 'Sure, here it is', status: 'sent', createdAt: '2026-12-02T10:04:00Z', attachments: ['https://files.example/invoice.pdf'] },
	{ text: '@ben.agent please send the invoice', status: 'note', createdAt: '2026-12-02T10:03:00Z' },
	{ uuid: 'm3', text: '', status: 'received', createdAt: '2026-12-02T10:02:00Z', attachments: ['https://files.example/photo.jpg'] },
	{ uuid: 'm2', text: 'Hello! How can I help?', status: 'sent', createdAt: '2026-12-02T10:01:00Z' },
	{ uuid: 'm1', text: 'Hi, I need my invoice', status: 'received', createdAt: '2026-12-02T10:00:00Z' },
];

describe('roleOf', () => {
	it('received is the customer, note a note, sent (and any other status) the agent side', () => {
		expect(['received', 'note', 'sent', 'delivered', 'read', undefined].map((status) => roleOf({ status }))).toEqual([
			'customer',
			'note',
			'agent',
			'agent',
			'agent',
			'agent',
		]);
	});
});

describe('toConversation', () => {
	it('is oldest first, without notes, each message with role, text, attachments and time', () => {
		expect(toConversation(newestFirst, false)).toEqual([
			{ role: 'customer', text: 'Hi, I need my invoice', attachments: [], time: '2026-12-02T10:00:00Z' },
			{ role: 'agent', text: 'Hello! How can I help?', attachments: [], time: '2026-12-02T10:01:00Z' },
			{ role: 'customer', text: '', attachments: ['https://files.example/photo.jpg'], time: '2026-12-02T10:02:00Z' },
			{ role: 'agent', text: 'Sure, here it is', attachments: ['https://files.example/invoice.pdf'], time: '2026-12-02T10:04:00Z' },
		]);
	});

	it('keeps notes in their place when asked', () => {
		expect(toConversation(newestFirst, true).map((message) => message.role)).toEqual(['customer', 'agent', 'customer', 'note', 'agent']);
	});

	it('skips a message with neither text nor attachments (deleted in Callbell), reads object attachments by url, and a missing time as null', () => {
		const list = [{ status: 'received', text: '  ', attachments: [] }, { status: 'sent', text: null, attachments: [{ url: 'https://x.example/a.png' }, '', 3] }];
		expect(toConversation(list, false)).toEqual([{ role: 'agent', text: '', attachments: ['https://x.example/a.png'], time: null }]);
		expect(list.map(belongsInConversation(true))).toEqual([false, true]);
	});
});

describe('conversationText', () => {
	it('is one "Role: text [attachment: url]" line per message', () => {
		expect(conversationText(toConversation(newestFirst, true))).toBe(
			[
				'Customer: Hi, I need my invoice',
				'Agent: Hello! How can I help?',
				'Customer: [attachment: https://files.example/photo.jpg]',
				'Note: @ben.agent please send the invoice',
				'Agent: Sure, here it is [attachment: https://files.example/invoice.pdf]',
			].join('\n'),
		);
		expect(conversationText([])).toBe('');
	});
});

describe('conversationItem', () => {
	it('carries the contact uuid and how many messages it holds', () => {
		expect(conversationItem('c1', newestFirst, 'text', false)).toEqual({
			contactUuid: 'c1',
			messageCount: 4,
			text: expect.stringMatching(/^Customer: Hi, I need my invoice\n.*invoice\.pdf\]$/s),
		});
		expect(conversationItem('c1', [], 'conversation', false)).toEqual({ contactUuid: 'c1', messageCount: 0, messages: [] });
	});
});

describe('toConversationOutput', () => {
	it('takes the three outputs; empty means Callbell’s messages', () => {
		expect(['messages', ' conversation ', 'text', '', undefined].map(toConversationOutput)).toEqual(['messages', 'conversation', 'text', 'messages', 'messages']);
	});

	it('refuses anything else, naming the field and the choices', () => {
		expect(() => toConversationOutput('transcript')).toThrow('Output must be one of "messages", "conversation", "text", got "transcript"');
		expect(() => toConversationOutput(2)).toThrow('got number 2');
	});
});
