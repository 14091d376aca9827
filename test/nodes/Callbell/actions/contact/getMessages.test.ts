import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

function getMessages(contact: string | IDataObject, extra: IDataObject = {}) {
	return contactOperation('getMessages', contact, extra);
}

/** The sandbox's messages of a contact, newest first, as Callbell lists them. */
function stored(uuid: string): IDataObject[] {
	const list = [...((sandbox.get().state.messages.get(uuid) ?? []) as IDataObject[])].reverse();
	return list.sort((a, b) => ((a.createdAt as string) < (b.createdAt as string) ? 1 : (a.createdAt as string) > (b.createdAt as string) ? -1 : 0));
}

const pagesRequested = () => requestsTo(sandbox.get()).map((request) => request.query.page);

describe('Contact → Get Messages through n8n’s engine against the sandbox', () => {
	it('reads pages until an empty one; one item per message with contactUuid, paired', async () => {
		const result = await run(getMessages(ada, { returnAll: true }));
		expect(result.error).toBeUndefined();
		const expected = stored(ada).map((message) => ({ ...message, contactUuid: ada }));
		expect(expected).toHaveLength(25);
		expect(pairs(result)).toEqual(expected.map((message) => [message, 0]));
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path])).toEqual(Array(3).fill(['GET', `/contacts/${ada}/messages`]));
		expect(pagesRequested()).toEqual(['1', '2', '3']);
	});

	it('includes internal notes (status "note", no uuid)', async () => {
		const result = await run(getMessages(ada, { returnAll: true }));
		const notes = result.output!.map((item) => item.json).filter((message) => message.status === 'note');
		expect(notes).toEqual([expect.objectContaining({ text: '@ben.agent can you check the bulk discount?', contactUuid: ada })]);
		expect(notes[0].uuid).toBeUndefined();
	});

	it('Limit defaults to 50', async () => {
		const result = await run(getMessages(ada));
		expect(result.output).toHaveLength(25);
		expect(pagesRequested()).toEqual(['1', '2', '3']);
	});

	it('a Limit smaller than a page reads one page', async () => {
		const result = await run(getMessages(ada, { limit: 5 }));
		expect(result.output!.map((item) => item.json.createdAt)).toEqual(stored(ada).slice(0, 5).map((message) => message.createdAt));
		expect(pagesRequested()).toEqual(['1']);
	});

	it('a Limit spanning pages reads just enough pages', async () => {
		const result = await run(getMessages(ada, { limit: 22 }));
		expect(result.output).toHaveLength(22);
		expect(pagesRequested()).toEqual(['1', '2']);
	});

	it('From List and By Phone find the same conversation', async () => {
		const fromList = await run(getMessages(contactRef(grace, 'list'), { returnAll: true }));
		const byPhone = await run(getMessages(contactRef('+1 202 555 0102', 'phone'), { returnAll: true }));
		expect(fromList.output!.map((item) => item.json)).toEqual(stored(grace).map((message) => ({ ...message, contactUuid: grace })));
		expect(byPhone.output!.map((item) => item.json)).toEqual(fromList.output!.map((item) => item.json));
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual([
			`/contacts/${grace}/messages`,
			`/contacts/${grace}/messages`,
			'/contacts/phone/12025550102',
			`/contacts/${grace}/messages`,
			`/contacts/${grace}/messages`,
		]);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(getMessages(unknown));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it.each<[string, IDataObject, RegExp]>([
		['a Limit that is not a number', { limit: '={{ "ten" }}' }, /^Limit must be a whole number of at least 1, got "ten" \[item 0\]$/],
		['a negative Limit', { limit: '={{ -3 }}' }, /^Limit must be a whole number of at least 1, got number -3 \[item 0\]$/],
	])('refuses %s before any request', async (_case, extra, message) => {
		const result = await run(getMessages(ada, extra));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, keeps each input’s messages (or its one error) paired to it', async () => {
		const items = [{ id: ada, limit: 2 }, { id: unknown, limit: 2 }, { id: 'x y', limit: 2 }, { id: grace, limit: 1 }];
		const result = await run(getMessages('={{ $json.id }}', { limit: '={{ $json.limit }}' }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.contactUuid ?? json.httpCode ?? json.error, item])).toEqual([
			[ada, 0],
			[ada, 0],
			['404', 1],
			['Contact "x y" is not a valid Callbell ID [item 2]', 2],
			[grace, 3],
		]);
	});
});

/** What a model should read of a stored message, written out here rather than taken from the node. */
function asConversation(message: IDataObject): IDataObject {
	const role = message.status === 'received' ? 'customer' : message.status === 'note' ? 'note' : 'agent';
	return { role, text: message.text, attachments: message.attachments ?? [], time: message.createdAt };
}

describe('Contact → Get Messages, Output for a model, through n8n’s engine against the sandbox', () => {
	const withoutNotes = () => stored(ada).filter((message) => message.status !== 'note');

	it('Conversation for a Model: one item paired to its input, the last Limit messages oldest first, notes left out and not counted', async () => {
		const result = await run(getMessages(ada, { output: 'conversation', limit: 5 }));
		expect(result.error).toBeUndefined();
		const last5 = withoutNotes().slice(0, 5).reverse().map(asConversation);
		expect(last5.map((message) => message.role)).toEqual(['agent', 'customer', 'agent', 'agent', 'customer']); // the note sat between the two agent messages
		expect(pairs(result)).toEqual([[{ contactUuid: ada, messageCount: 5, messages: last5 }, 0]]);
		expect(pagesRequested()).toEqual(['1']);
	});

	it('Include Notes puts the internal note in its place and counts it toward Limit', async () => {
		const result = await run(getMessages(ada, { output: 'conversation', limit: 5, includeNotes: true }));
		const messages = result.output![0].json.messages as IDataObject[];
		expect(messages).toEqual(stored(ada).slice(0, 5).reverse().map(asConversation));
		expect(messages[2]).toEqual(expect.objectContaining({ role: 'note', text: '@ben.agent can you check the bulk discount?' }));
	});

	it('Conversation as Text: the whole conversation (Return All) as "Customer: …" / "Agent: …" lines, a received photo as its URL', async () => {
		sandbox.get().inbound({ contact_uuid: ada, text: 'This one arrived broken', attachments: ['https://files.example/broken-vase.jpg'] });
		const result = await run(getMessages(ada, { output: 'text', returnAll: true }));
		const lines = withoutNotes()
			.reverse()
			.map((message) => `${message.status === 'received' ? 'Customer' : 'Agent'}: ${message.text as string}`);
		lines[lines.length - 1] += ' [attachment: https://files.example/broken-vase.jpg]';
		expect(lines).toHaveLength(25);
		expect(pairs(result)).toEqual([[{ contactUuid: ada, messageCount: 25, text: lines.join('\n') }, 0]]);
		expect(pagesRequested()).toEqual(['1', '2', '3']);
	});

	it('Output set to Callbell’s Messages gives today’s output', async () => {
		const explicit = await run(getMessages(ada, { output: 'messages', limit: 7, includeNotes: false }));
		const unset = await run(getMessages(ada, { limit: 7 }));
		expect(explicit.output!.map((item) => item.json)).toEqual(unset.output!.map((item) => item.json));
		expect(explicit.output).toHaveLength(7);
	});

	it.each<[string, IDataObject, RegExp]>([
		['an unknown Output', { output: '={{ "transcript" }}' }, /^Output must be one of "messages", "conversation", "text", got "transcript" \[item 0\]$/],
		['an Include Notes that is not true or false', { output: 'text', includeNotes: '={{ "sometimes" }}' }, /^Include Notes must be true or false, got "sometimes" \[item 0\]$/],
	])('refuses %s before any request', async (_case, extra, message) => {
		const result = await run(getMessages(ada, extra));
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('with Continue On Fail, every input item yields exactly one item (its conversation or its error)', async () => {
		const items = [{ id: ada }, { id: unknown }, { id: grace }];
		const result = await run(getMessages('={{ $json.id }}', { output: 'text', limit: 2 }), items, { continueOnFail: true });
		expect(pairs(result).map(([json, item]) => [json.contactUuid ?? json.httpCode, json.messageCount, item])).toEqual([
			[ada, 2, 0],
			['404', undefined, 1],
			[grace, 2, 2],
		]);
	});
});

describe('Contact → Get Messages against a stub server', () => {
	const message = (n: number) => ({ uuid: `m${n}`, text: `Message ${n}`, status: 'received' });

	it('stops at meta.pages when Callbell gives it, without asking for an empty page', async () => {
		const server = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { messages: [message(page * 2 - 1), message(page * 2)], meta: { page, pages: 2 } } };
			},
		});
		try {
			const result = await run(getMessages(ada, { returnAll: true }), [{}], { baseUrl: server.url });
			expect(result.output!.map((item) => item.json.uuid)).toEqual(['m1', 'm2', 'm3', 'm4']);
			expect(server.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		} finally {
			await server.close();
		}
	});

	it('fails clearly instead of looping when Callbell ignores the page parameter', async () => {
		const server = await startStubServer({ handle: () => ({ body: { messages: [message(1), message(2)] } }) });
		try {
			const result = await run(getMessages(ada, { returnAll: true }), [{}], { baseUrl: server.url });
			expect(result.error?.message).toBe('Callbell returned the same page of messages twice [item 0]');
			expect(server.requests).toHaveLength(2);
		} finally {
			await server.close();
		}
	});
});

describe('Contact → Get Messages at its cap', () => {
	it('a conversation longer than 5000 pages fails the item and says how many it read', async () => {
		const server = await startStubServer({ handle: (request) => ({ body: { messages: [{ uuid: `m${request.query.page}` }] } }) });
		try {
			const result = await run(getMessages(ada, { returnAll: true }), [{}], { baseUrl: server.url, continueOnFail: true });
			expect(result.output!.map((item) => item.json)).toEqual([
				{
					error: 'Callbell\'s list has more than 5000 pages [item 0]',
					description: 'Stopped after 5000 elements and output none of them, so that no partial list passes as complete. Turn off Return All and set a Limit of at most 5000.',
				},
			]);
			expect(server.requests).toHaveLength(5000);
		} finally {
			await server.close();
		}
	}, 120_000);
});
