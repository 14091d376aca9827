import type { IDataObject } from 'n8n-workflow';

import { contactOperation, contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada.uuid;
const alan = SEED.contacts.alan.uuid;
const unknown = '0123456789abcdef0123456789abcdef';

const notesOf = (uuid: string) => ((sandbox.get().state.notes.get(uuid) ?? []) as IDataObject[]).map((note) => note.text);

function addNote(contact: string | IDataObject, text: string) {
	return contactOperation('addNote', contact, { text });
}

describe('Contact → Add Note through n8n’s engine against the sandbox', () => {
	it('sends POST …/conversation/note with the text, @mentions as written, and outputs success plus uuid', async () => {
		const result = await run(addNote(ada, 'Hey @ben.agent, please call back'));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/contacts/${ada}/conversation/note`, { text: 'Hey @ben.agent, please call back' }],
		]);
		expect(pairs(result)).toEqual([[{ success: true, uuid: ada }, 0]]);
		expect(notesOf(ada)).toEqual(['Hey @ben.agent, please call back']);
	});

	it('By Phone: resolves the number first; the note text comes from each item', async () => {
		const result = await run(addNote(contactRef('={{ $json.phone }}', 'phone'), '={{ "Order " + $json.order }}'), [
			{ phone: '+44 7700 900003', order: 1 },
			{ phone: '447700900003', order: 2 },
		]);
		expect(pairs(result)).toEqual([
			[{ success: true, uuid: alan }, 0],
			[{ success: true, uuid: alan }, 1],
		]);
		expect(notesOf(alan)).toEqual(['Order 1', 'Order 2']);
	});

	it.each<[string, string, IDataObject, RegExp]>([
		['an empty expression result', '={{ $json.missing }}', {}, /^Text is required \[item 0\]$/],
		['only spaces', '={{ "   " }}', {}, /^Text is required \[item 0\]$/],
		['an object', '={{ $json.note }}', { note: { text: 'x' } }, /^Text must be text, got an object \[item 0\]$/],
	])('refuses %s before any request', async (_case, text, item, message) => {
		const result = await run(addNote(ada, text), [item]);
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('has n8n refuse an empty Text typed in the node (required)', async () => {
		const result = await run(addNote(ada, ''));
		expect(result.error?.message).toMatch(/Parameter "Text" is required/);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('explains a 404 for an unknown contact', async () => {
		const result = await run(addNote(unknown, 'Hello'));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
	});

	it('with Continue On Fail, keeps one output per input', async () => {
		const items = [{ id: ada, text: 'One' }, { id: unknown, text: 'Two' }, { id: ada, text: '' }, { id: alan, text: 'Four' }];
		const result = await run(addNote('={{ $json.id }}', '={{ $json.text }}'), items, { continueOnFail: true });
		expect(pairs(result)).toEqual([
			[{ success: true, uuid: ada }, 0],
			[expect.objectContaining({ httpCode: '404' }), 1],
			[{ error: 'Text is required [item 2]', description: 'Enter the note to add' }, 2],
			[{ success: true, uuid: alan }, 3],
		]);
		expect(notesOf(ada)).toEqual(['One']);
		expect(notesOf(alan)).toEqual(['Four']);
	});
});
