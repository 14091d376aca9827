import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runCallbellNode } from '../../../../harness/engine';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { findSecret } from '../../../../harness/secrets';

const sandbox = useSandbox();
const ada = SEED.contacts.ada.uuid;
const grace = SEED.contacts.grace.uuid;
const alan = SEED.contacts.alan.uuid;

function update(contact: string, updateFields: IDataObject): INodeParameters {
	return {
		resource: 'contact',
		operation: 'update',
		contact: { __rl: true, mode: 'id', value: contact },
		updateFields,
	} as INodeParameters;
}

async function run(parameters: INodeParameters, items: IDataObject[] = [{}], extra: { continueOnFail?: boolean; apiToken?: string } = {}) {
	const sb = sandbox.get();
	return await runCallbellNode({
		parameters,
		items,
		continueOnFail: extra.continueOnFail,
		credentials: { apiToken: extra.apiToken ?? SEED.token, baseUrl: `${sb.url}/` },
	});
}

describe('Contact → Update through n8n’s engine against the sandbox', () => {
	it.each<[string, IDataObject, IDataObject, (contact: IDataObject) => void]>([
		['Name', { name: 'Augusta Ada King' }, { name: 'Augusta Ada King' }, (c) => expect(c.name).toBe('Augusta Ada King')],
		['Tags', { tags: 'Lead, newsletter' }, { tags: ['Lead', 'newsletter'] }, (c) => expect(c.tags).toEqual(['Lead', 'Newsletter'])],
		[
			'Custom Fields',
			{ customFields: { field: [{ name: 'Order Count', type: 'number', value: '43' }] } },
			{ custom_fields: { 'Order Count': '43' } },
			(c) => expect((c.customFields as IDataObject)['Order Count']).toBe('43'),
		],
		[
			'Custom Fields (JSON)',
			{ customFieldsJson: '{"Plan": "Pro", "Interests": ["Promotions"]}' },
			{ custom_fields: { Plan: 'Pro', Interests: ['Promotions'] } },
			(c) => expect((c.customFields as IDataObject).Interests).toBe('["Promotions"]'),
		],
		['Assigned User', { assignedUser: 'ben.agent@example.com' }, { assigned_user: 'ben.agent@example.com' }, (c) => expect(c.assignedUser).toBe('ben.agent@example.com')],
		['Unassign User', { unassignUser: true }, { unassign_user: true }, (c) => expect(c.assignedUser).toBeNull()],
		['Team UUID', { teamUuid: SEED.teams.support.uuid }, { team_uuid: SEED.teams.support.uuid }, (c) => expect((c.team as IDataObject).uuid).toBe(SEED.teams.support.uuid)],
		['Bot Status', { botStatus: 'bot_end' }, { bot_status: 'bot_end' }, () => undefined],
		['Note', { note: 'Prefers mornings' }, { note: 'Prefers mornings' }, (c) => expect(c.note).toBe('Prefers mornings')],
		['Clear Note', { clearNote: true }, { note: '' }, (c) => expect(c.note ?? '').toBe('')],
	])('sends %s alone', async (_field, updateFields, expectedBody, check) => {
		const result = await run(update(ada, updateFields));
		expect(result.error).toBeUndefined();
		const patches = requestsTo(sandbox.get(), 'PATCH');
		expect(patches).toHaveLength(1);
		expect(patches[0].path).toBe(`/contacts/${ada}`);
		expect(patches[0].body).toEqual(expectedBody);
		expect(result.output).toHaveLength(1);
		const contact = result.output![0].json;
		expect(contact.uuid).toBe(ada);
		check(contact);
		check(sandbox.get().getContact(ada) as IDataObject);
	});

	it('sends every field together and outputs the updated contact', async () => {
		const result = await run(
			update(ada, {
				name: 'Ada L.',
				tags: ['VIP', 'Support'],
				customFields: {
					field: [
						{ name: 'Birthday', type: 'date', value: '1815-12-10T08:00:00Z' },
						{ name: 'Contact Email', type: 'email', value: 'ada@analytical.engine' },
						{ name: 'Interests', type: 'checkbox', value: 'Dark Mode, Notifications' },
					],
				},
				customFieldsJson: { 'Billing Address': 'Marylebone, London', 'Order Count': 7 },
				assignedUser: 'cleo.agent@example.com',
				teamUuid: SEED.teams.onboarding.uuid,
				botStatus: 'bot_start',
				note: 'Wrote the first program',
			}),
		);
		expect(result.error).toBeUndefined();
		const [patch] = requestsTo(sandbox.get(), 'PATCH');
		expect(patch.body).toEqual({
			name: 'Ada L.',
			tags: ['VIP', 'Support'],
			custom_fields: {
				'Billing Address': 'Marylebone, London',
				'Order Count': '7',
				Birthday: '1815-12-10',
				'Contact Email': 'ada@analytical.engine',
				Interests: ['Dark Mode', 'Notifications'],
			},
			assigned_user: 'cleo.agent@example.com',
			team_uuid: SEED.teams.onboarding.uuid,
			bot_status: 'bot_start',
			note: 'Wrote the first program',
		});
		const contact = sandbox.get().getContact(ada) as IDataObject;
		expect(contact).toMatchObject({ name: 'Ada L.', tags: ['VIP', 'Support'], assignedUser: 'cleo.agent@example.com', note: 'Wrote the first program' });
		expect(contact.customFields).toMatchObject({ 'Order Count': '7', Birthday: '1815-12-10', Interests: '["Dark Mode","Notifications"]' });
		expect(result.output![0].json).toEqual(contact);
	});

	it('resolves expressions per item and keeps one paired output per input', async () => {
		const items = [
			{ id: ada, plan: 'Pro', orders: 1, tags: ['Lead'] },
			{ id: grace, plan: 'Free', orders: 2.5, tags: 'VIP,Support' },
			{ id: alan, plan: 'Enterprise', orders: '3', tags: [] },
		];
		const result = await run(
			{
				resource: 'contact',
				operation: 'update',
				contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: {
					tags: '={{ $json.tags }}',
					customFields: {
						field: [
							{ name: 'Plan', type: 'dropdown', value: '={{ $json.plan }}' },
							{ name: 'Order Count', type: 'number', value: '={{ $json.orders }}' },
						],
					},
				},
			} as INodeParameters,
			items,
		);
		expect(result.error).toBeUndefined();
		expect(result.output!.map((item) => [item.json.uuid, item.pairedItem])).toEqual([
			[ada, { item: 0 }],
			[grace, { item: 1 }],
			[alan, { item: 2 }],
		]);
		const bodies = requestsTo(sandbox.get(), 'PATCH').map((request) => [request.path, request.body]);
		expect(bodies).toEqual([
			[`/contacts/${ada}`, { tags: ['Lead'], custom_fields: { Plan: 'Pro', 'Order Count': '1' } }],
			[`/contacts/${grace}`, { tags: ['VIP', 'Support'], custom_fields: { Plan: 'Free', 'Order Count': '2.5' } }],
			[`/contacts/${alan}`, { custom_fields: { Plan: 'Enterprise', 'Order Count': '3' } }],
		]);
	});

	it('accepts both response forms: contact as an object and as a one-element array', async () => {
		for (const shape of ['array', 'object'] as const) {
			sandbox.get().setContactShape(shape);
			const result = await run(update(ada, { name: `Ada ${shape}` }));
			expect(result.output![0].json).toMatchObject({ uuid: ada, name: `Ada ${shape}` });
		}
	});

	const oddIds = [
		['a path traversal', '../auth/me'],
		['a query', `${ada}?x=1`],
		['a fragment', `${ada}#x`],
		['an encoded slash', '%2Fauth%2Fme'],
		['unicode', 'ñandú'],
		['whitespace only', '   '],
		['a very long value', 'a'.repeat(500)],
	];

	it.each(oddIds)('refuses a contact id with %s from an expression before any request', async (_case, value) => {
		const result = await run(update('={{ $json.id }}', { name: 'x' }), [{ id: value }]);
		expect(result.error?.message).toMatch(/^Contact (is required|".*" is not a valid Callbell ID) \[item 0\]$/);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it.each(oddIds.filter(([name]) => name !== 'whitespace only'))(
		'has n8n itself refuse a typed contact id with %s (the locator’s validation)',
		async (_case, value) => {
			const result = await run(update(value, { name: 'x' }));
			expect(result.error?.message).toMatch(/node has issues/);
			expect(sandbox.get().requests).toHaveLength(0);
		},
	);

	it('trims the contact id', async () => {
		const result = await run(update(`  ${ada}  `, { name: 'Ada' }));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get(), 'PATCH')[0].rawPath).toBe(`/contacts/${ada}`);
	});

	it.each<[string, IDataObject, RegExp]>([
		['a custom number that is not a number', { customFields: { field: [{ name: 'Order Count', type: 'number', value: 'abc' }] } }, /^Custom Field "Order Count" must be a number, got "abc" \[item 0\]$/],
		['an impossible date', { customFields: { field: [{ name: 'Birthday', type: 'date', value: '2026-02-30' }] } }, /^Custom Field "Birthday" is not a real calendar date/],
		['a European date', { customFields: { field: [{ name: 'Birthday', type: 'date', value: '31/12/2026' }] } }, /^Custom Field "Birthday" must be a date in the format YYYY-MM-DD/],
		['assign with unassign', { assignedUser: 'ben.agent@example.com', unassignUser: true }, /^Assigned User cannot be set together with Unassign User \[item 0\]$/],
		['nothing to update', {}, /^Update Fields contain nothing to update \[item 0\]$/],
		['only empty expression results', { name: '={{ $json.missing }}', tags: '={{ [] }}' }, /nothing to update/],
	])('refuses %s with the field and the item named, sending nothing', async (_case, updateFields, message) => {
		const result = await run(update(ada, updateFields));
		expect(result.error?.message).toMatch(message);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('turns a 401 into a clear credential error', async () => {
		const result = await run(update(ada, { name: 'x' }), [{}], { apiToken: 'wrong-token' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/Authorization failed/);
		expect(result.error?.description).toMatch(/Check the API Token in the Callbell credential/);
		expect(findSecret(result.error, 'wrong-token')).toEqual([]);
		expect(findSecret(result.run, 'wrong-token')).toEqual([]);
	});

	it('explains a 404 for an unknown contact, with the item index', async () => {
		const result = await run(update('0123456789abcdef0123456789abcdef', { name: 'x' }));
		expect(result.error?.message).toMatch(/^Callbell answered 404: /);
		expect(result.error?.description).toBe('Callbell says: Contact not found');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('passes on Callbell’s own validation message (422)', async () => {
		const result = await run(update(ada, { tags: 'No Such Tag' }));
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Callbell says: .*No Such Tag/);
	});

	it('retries a 500 from Callbell and outputs the updated contact', async () => {
		sandbox.get().failNext(1, '500');
		const result = await run(update(ada, { name: 'After a 500' }));
		expect(result.error).toBeUndefined();
		expect(result.output?.[0].json).toMatchObject({ uuid: ada, name: 'After a 500' });
		expect(requestsTo(sandbox.get(), 'PATCH').map((request) => request.status)).toEqual([500, 200]);
	});

	it('reports a 500 from Callbell once Max Retries are used up, saying so', async () => {
		sandbox.get().failNext(2, '500');
		const result = await run({ ...update(ada, { name: 'x' }), options: { maxRetries: 1 } });
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('500');
		expect(result.error?.description).toMatch(/The node made 2 tries over \d+\.\d s of waiting; it reached Max Retries \(1\)\.$/);
		expect(requestsTo(sandbox.get(), 'PATCH').map((request) => request.status)).toEqual([500, 500]);
		expect(sandbox.get().getContact(ada)?.name).toBe('Ada Lovelace');
		expect(findSecret(result.error, SEED.token)).toEqual([]);
		expect(findSecret(result.run, SEED.token)).toEqual([]);
	});

	it('with Continue On Fail, keeps one output per input: results and errors, each paired', async () => {
		const items = [
			{ id: ada, email: 'ben.agent@example.com' },
			{ id: grace, email: 'not an email' },
			{ id: '0123456789abcdef0123456789abcdef', email: 'ben.agent@example.com' },
			{ id: alan, email: 'cleo.agent@example.com' },
		];
		const graceBefore = sandbox.get().getContact(grace) as IDataObject;
		const result = await run(
			{
				resource: 'contact',
				operation: 'update',
				contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { assignedUser: '={{ $json.email }}' },
			} as INodeParameters,
			items,
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const output = result.output!;
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.assignedUser).toBe('ben.agent@example.com');
		expect(output[1].json).toEqual({ error: 'Assigned User must be an email address, got "not an email" [item 1]' });
		expect(output[2].json).toMatchObject({ error: expect.stringMatching(/^Callbell answered 404: /), httpCode: '404', description: 'Callbell says: Contact not found' });
		expect(output[3].json.assignedUser).toBe('cleo.agent@example.com');
		// No request for the invalid item: three PATCHes, none for Grace.
		expect(requestsTo(sandbox.get(), 'PATCH').map((request) => request.path)).toEqual([
			`/contacts/${ada}`,
			'/contacts/0123456789abcdef0123456789abcdef',
			`/contacts/${alan}`,
		]);
		expect(sandbox.get().getContact(grace)).toEqual(graceBefore);
	});

	describe('Custom Fields (From Account)', () => {
		const schema = [
			{ id: 'Plan', displayName: 'Plan (Dropdown)', type: 'options', options: [{ name: 'Free', value: 'Free' }, { name: 'Pro', value: 'Pro' }, { name: 'Enterprise', value: 'Enterprise' }], required: false, defaultMatch: false, display: true },
			{ id: 'Order Count', displayName: 'Order Count (Number)', type: 'number', required: false, defaultMatch: false, display: true },
			{ id: 'Interests', displayName: 'Interests', type: 'array', required: false, defaultMatch: false, display: true },
			{ id: 'Contact Email', displayName: 'Contact Email (Email)', type: 'string', required: false, defaultMatch: false, display: true },
		];
		const mapped = (value: IDataObject, updateFields: IDataObject = {}) =>
			({ ...update(ada, updateFields), accountCustomFields: { mappingMode: 'defineBelow', value, schema } }) as INodeParameters;

		it('sends mapped values coerced to the account’s types; a mapped field wins over Custom Fields', async () => {
			const result = await run(
				mapped(
					{ Plan: 'Pro', 'Order Count': 5, Interests: ['Newsletter', 'Promotions'], 'Contact Email': '' },
					{ customFields: { field: [{ name: 'Plan', type: 'dropdown', value: 'Free' }] } },
				),
			);
			expect(result.error).toBeUndefined();
			expect(requestsTo(sandbox.get(), 'PATCH')[0].body).toEqual({
				custom_fields: { Plan: 'Pro', 'Order Count': '5', Interests: ['Newsletter', 'Promotions'] },
			});
			// The account's field types were read once, from contacts with include_field_types.
			expect(requestsTo(sandbox.get(), 'GET').map((request) => request.query)).toEqual([
				{ include_field_types: 'true', page: '1' },
			]);
		});

		it('checks values against the account’s options and types before sending, once per execution', async () => {
			const result = await run(
				{ ...mapped({ Plan: '={{ $json.plan }}' }), contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } as INodeParameters,
				[{ id: ada, plan: 'Gold' }, { id: grace, plan: 'Enterprise' }],
				{ continueOnFail: true },
			);
			expect(result.output!.map((item) => item.json.error ?? item.json.uuid)).toEqual([
				'Custom Field "Plan" has no option "Gold" [item 0]',
				grace,
			]);
			expect(requestsTo(sandbox.get(), 'PATCH').map((request) => request.path)).toEqual([`/contacts/${grace}`]);
			expect(requestsTo(sandbox.get(), 'GET')).toHaveLength(1);
		});

		it('refuses a mapped email that is not an email (the account says the field is an email)', async () => {
			const result = await run(mapped({ 'Contact Email': 'nope' }));
			expect(result.error?.message).toBe('Custom Field "Contact Email" must be an email address, got "nope" [item 0]');
			expect(requestsTo(sandbox.get(), 'PATCH')).toHaveLength(0);
		});
	});

	describe('Tag Mode', () => {
		const withTags = (tagMode: string, tags: string, extra: IDataObject = {}) =>
			({ ...update(ada, { tags, ...extra }), tagMode }) as INodeParameters;

		it('Add reads the contact and writes its tags plus the new ones, keeping their spelling', async () => {
			const before = sandbox.get().getContact(ada) as IDataObject;
			expect(before.tags).toEqual(['Customer', 'VIP']);
			const result = await run(withTags('add', 'vip, Newsletter'));
			expect(result.error).toBeUndefined();
			expect(sandbox.get().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET /contacts/${ada}`,
				`PATCH /contacts/${ada}`,
			]);
			expect(requestsTo(sandbox.get(), 'PATCH')[0].body).toEqual({ tags: ['Customer', 'VIP', 'Newsletter'] });
			expect(result.output![0].json.tags).toEqual(['Customer', 'VIP', 'Newsletter']);
		});

		it('Remove drops matching tags case-insensitively', async () => {
			const result = await run(withTags('remove', 'customer'));
			expect(result.error).toBeUndefined();
			expect(requestsTo(sandbox.get(), 'PATCH')[0].body).toEqual({ tags: ['VIP'] });
		});

		it('sends no request when nothing changes, and outputs the contact as it is', async () => {
			for (const [mode, tags] of [['add', 'VIP'], ['remove', 'Support']]) {
				sandbox.get().reset();
				const result = await run(withTags(mode, tags));
				expect(result.error).toBeUndefined();
				expect(requestsTo(sandbox.get(), 'PATCH')).toHaveLength(0);
				expect(result.output![0].json).toEqual(sandbox.get().getContact(ada));
			}
		});

		it('still sends the other fields when the tags do not change', async () => {
			const result = await run(withTags('add', 'VIP', { name: 'Ada' }));
			expect(result.error).toBeUndefined();
			expect(requestsTo(sandbox.get(), 'PATCH')[0].body).toEqual({ name: 'Ada' });
		});
	});

	it('without Continue On Fail and with Concurrency 1, stops at the first bad item and names it', async () => {
		const result = await run(
			{ ...update('={{ $json.id }}', { name: '={{ $json.name }}' }), options: { concurrency: 1 } },
			[{ id: ada, name: 'A' }, { id: grace, name: { first: 'G' } }, { id: alan, name: 'T' }],
		);
		expect(result.error?.message).toBe('Name must be text, got an object [item 1]');
		expect(requestsTo(sandbox.get(), 'PATCH')).toHaveLength(1);
	});
});
