import type { IDataObject } from 'n8n-workflow';

import { contactOperation, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ada = SEED.contacts.ada;
const katherine = SEED.contacts.katherine;

const upsert = (extra: IDataObject) => contactOperation('createOrUpdate', undefined, { source: 'whatsapp', tagMode: 'replace', ...extra });
const sent = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.query, request.body ?? null]);

describe('Contact → Create or Update', () => {
	it('an existing phone number: GET /contacts/phone/:digits, then PATCH; outputs the contact with action "updated"', async () => {
		const result = await run(upsert({ identifier: '+44 7700 900001', name: 'Ada King', additionalFields: { note: 'Upserted' } }));
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([
			['GET', '/contacts/phone/447700900001', {}, null],
			['PATCH', `/contacts/${ada.uuid}`, {}, { name: 'Ada King', note: 'Upserted' }],
		]);
		expect(pairs(result)).toEqual([[{ ...sandbox.get().getContact(ada.uuid), action: 'updated' }, 0]]);
	});

	it('an unknown phone number: the lookup answers 404, then POST; action "created"', async () => {
		const result = await run(upsert({ identifier: '+44 7700 900777', name: 'New Person', additionalFields: { tags: 'Lead' } }));
		const created = result.output![0].json;
		expect(created).toMatchObject({ name: 'New Person', phoneNumber: '+44 7700 900777', tags: ['Lead'], action: 'created' });
		expect(sent()).toEqual([
			['GET', '/contacts/phone/447700900777', {}, null],
			['POST', '/contacts', {}, { identifier: '+44 7700 900777', source: 'whatsapp', name: 'New Person', tags: ['Lead'] }],
		]);
	});

	it('the same identifier twice in one run: created, then updated', async () => {
		const result = await run(upsert({ identifier: '={{ $json.phone }}', name: '={{ $json.name }}', options: { concurrency: 1 } }), [
			{ phone: '+1 202 555 0199', name: 'First' },
			{ phone: '+1 202 555 0199', name: 'Second' },
		]);
		expect(result.output!.map((item) => [item.json.action, item.json.name])).toEqual([['created', 'First'], ['updated', 'Second']]);
		expect(result.output![0].json.uuid).toBe(result.output![1].json.uuid);
	});

	it('Tag Mode Add on an existing contact reads its tags and adds; Remove on a new contact sends no tags', async () => {
		const added = await run(upsert({ identifier: ada.phoneNumber, name: 'Ada Lovelace', tagMode: 'add', additionalFields: { tags: 'Lead' } }));
		expect(added.output![0].json.tags).toEqual(['Customer', 'VIP', 'Lead']);
		sandbox.get().reset();
		const created = await run(upsert({ identifier: '+44 7700 900778', name: 'No Tags', tagMode: 'remove', additionalFields: { tags: 'Lead' } }));
		expect(created.output![0].json).toMatchObject({ action: 'created', tags: [] });
		expect(sent()[1][3]).toEqual({ identifier: '+44 7700 900778', source: 'whatsapp', name: 'No Tags' });
	});

	it('a platform ID on its channel: looks up with channel_uuid, updates', async () => {
		const result = await run(
			upsert({ identifier: katherine.identifier, source: 'instagram', channelUuid: SEED.channels.instagram.uuid, name: 'Katherine J.' }),
		);
		expect(result.output![0].json).toMatchObject({ uuid: katherine.uuid, name: 'Katherine J.', action: 'updated' });
		expect(sent()[0]).toEqual(['GET', `/contacts/phone/${katherine.identifier}`, { channel_uuid: SEED.channels.instagram.uuid }, null]);
	});

	it('race: the POST answers that the identifier exists → reads again and PATCHes, once', async () => {
		const sb = sandbox.get();
		// Another run creates the contact between this item's lookup (404) and its POST.
		let created = false;
		const originalPush = sb.requests.push.bind(sb.requests);
		sb.requests.push = (...entries) => {
			const count = originalPush(...entries);
			if (!created && entries[0].method === 'POST' && entries[0].path === '/contacts') {
				created = true;
				sb.addContacts(1, { namePrefix: 'Raced' });
			}
			return count;
		};
		const raced = `+44 7${String(sb.state.lastSeq + 1).padStart(9, '0')}`;
		const result = await run(upsert({ identifier: raced, name: 'Mine' }));
		sb.requests.push = originalPush;
		expect(sent().map(([method, path]) => `${method} ${path}`)).toEqual([
			`GET /contacts/phone/${raced.replace(/\D/g, '')}`,
			'POST /contacts',
			`GET /contacts/phone/${raced.replace(/\D/g, '')}`,
			expect.stringMatching(/^PATCH \/contacts\/[0-9a-f]{32}$/),
		]);
		expect(result.output![0].json).toMatchObject({ name: 'Mine', action: 'updated' });
	});

	it('a non-WhatsApp source without a channel is refused before anything is sent', async () => {
		const result = await run(upsert({ identifier: '17841400001234', source: 'instagram', name: 'X' }), [{}], { continueOnFail: true });
		expect(result.output![0].json.error).toBe('Channel is required for instagram contacts [item 0]');
		expect(sent()).toEqual([]);
	});
});
