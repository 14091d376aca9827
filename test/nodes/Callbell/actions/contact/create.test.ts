import type { IDataObject } from 'n8n-workflow';

import { contactOperation, pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);

function create(identifier: string, source: string, name: string, additionalFields: IDataObject = {}) {
	return contactOperation('create', undefined, { identifier, source, name, additionalFields });
}

describe('Contact → Create through n8n’s engine against the sandbox', () => {
	it('sends POST /contacts with the required fields and outputs the new contact', async () => {
		const result = await run(create('+44 7700 900777', 'whatsapp', 'Charles Babbage'));
		expect(result.error).toBeUndefined();
		const posts = requestsTo(sandbox.get(), 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].path).toBe('/contacts');
		expect(posts[0].body).toEqual({ identifier: '+44 7700 900777', source: 'whatsapp', name: 'Charles Babbage' });
		expect(result.output).toHaveLength(1);
		const [[contact, paired]] = pairs(result);
		expect(paired).toBe(0);
		expect(contact).toMatchObject({ name: 'Charles Babbage', source: 'whatsapp', phoneNumber: '+44 7700 900777' });
		expect(sandbox.get().getContact(contact.uuid as string)).toEqual(contact);
		expect(sandbox.get().state.contacts.size).toBe(SEED.contactCount + 1);
	});

	it('sends Custom Fields (From Account), checked against the account’s options first', async () => {
		const options = ['Free', 'Pro', 'Enterprise'].map((plan) => ({ name: plan, value: plan }));
		const schema = [{ id: 'Plan', displayName: 'Plan (Dropdown)', type: 'options', options, required: false, defaultMatch: false, display: true }];
		const withMapper = (plan: string) => ({
			...create('+44 7700 900778', 'whatsapp', 'Mary Somerville'),
			accountCustomFields: { mappingMode: 'defineBelow', value: { Plan: plan }, schema },
		});
		// A literal is checked by n8n against the saved options; an expression by the node, against the account's.
		expect((await run(withMapper('Gold'))).error?.message).toMatch(/'Plan' expects one of the following values/);
		const refused = await run(withMapper('={{ "Gold" }}'));
		expect(refused.error?.message).toBe('Custom Field "Plan" has no option "Gold" [item 0]');
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(0);

		const result = await run(withMapper('Pro'));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get(), 'POST')[0].body).toMatchObject({ name: 'Mary Somerville', custom_fields: { Plan: 'Pro' } });
	});

	it('sends every Additional Field, channel included, validated as on Update', async () => {
		const result = await run(
			create('17841400009999', 'instagram', 'Ig Person', {
				channelUuid: SEED.channels.instagram.uuid,
				tags: 'lead, VIP',
				customFields: { field: [{ name: 'Birthday', type: 'date', value: '1990-01-02T10:00:00Z' }] },
				customFieldsJson: { Plan: 'Pro', 'Order Count': 3 },
				assignedUser: 'cleo.agent@example.com',
				teamUuid: SEED.teams.onboarding.uuid,
				botStatus: 'bot_start',
				note: 'Came from the web form',
			}),
		);
		expect(result.error).toBeUndefined();
		const [post] = requestsTo(sandbox.get(), 'POST');
		expect(post.body).toEqual({
			identifier: '17841400009999',
			source: 'instagram',
			name: 'Ig Person',
			tags: ['lead', 'VIP'],
			custom_fields: { Plan: 'Pro', 'Order Count': '3', Birthday: '1990-01-02' },
			assigned_user: 'cleo.agent@example.com',
			team_uuid: SEED.teams.onboarding.uuid,
			bot_status: 'bot_start',
			note: 'Came from the web form',
			channel_uuid: SEED.channels.instagram.uuid,
		});
		const contact = result.output![0].json;
		expect(contact).toMatchObject({
			tags: ['Lead', 'VIP'],
			assignedUser: 'cleo.agent@example.com',
			note: 'Came from the web form',
			channel: { uuid: SEED.channels.instagram.uuid },
			team: { uuid: SEED.teams.onboarding.uuid },
			customFields: { Plan: 'Pro', 'Order Count': '3', Birthday: '1990-01-02' },
		});
	});

	it('resolves Source and the other fields from expressions, one contact per item', async () => {
		const items = [
			{ id: '+1 202 555 0199', source: 'whatsapp', name: 'Item Zero' },
			{ id: '2400000000999', source: 'facebook', name: 'Item One' },
			{ id: '+44 7700 900555', source: 'TELEGRAM', name: 'Item Two' },
		];
		const result = await run(create('={{ $json.id }}', '={{ $json.source }}', '={{ $json.name }}'), items);
		expect(result.error).toBeUndefined();
		expect(pairs(result).map(([contact, item]) => [contact.name, contact.source, item])).toEqual([
			['Item Zero', 'whatsapp', 0],
			['Item One', 'facebook', 1],
			['Item Two', 'telegram', 2],
		]);
	});

	it.each(['array', 'object'] as const)('outputs the contact when Callbell wraps it as %s', async (shape) => {
		sandbox.get().setContactShape(shape);
		const result = await run(create('+44 7700 900778', 'whatsapp', `Shape ${shape}`));
		expect(result.output![0].json).toMatchObject({ name: `Shape ${shape}`, source: 'whatsapp' });
	});

	it.each<[string, ReturnType<typeof create>, RegExp]>([
		['a name whose expression is empty', create('+44 7700 900779', 'whatsapp', '={{ $json.missing }}'), /^Name is required \[item 0\]$/],
		['an empty Name (n8n’s own required check)', create('+44 7700 900779', 'whatsapp', ''), /Parameter "Name" is required/],
		['a WhatsApp identifier that is no phone number', create('ada@example.com', 'whatsapp', 'A'), /^Identifier "ada@example.com" is not a phone number \[item 0\]$/],
		['an unknown source from an expression', create('123456789', '={{ "sms text" }}', 'A'), /^Source "sms text" is not a Callbell source \[item 0\]$/],
		['an invalid assigned user', create('+44 7700 900779', 'whatsapp', 'A', { assignedUser: 'nobody' }), /^Assigned User must be an email address/],
		['a bad custom date', create('+44 7700 900779', 'whatsapp', 'A', { customFields: { field: [{ name: 'Birthday', type: 'date', value: '2026-02-30' }] } }), /^Custom Field "Birthday" is not a real calendar date/],
	])('refuses %s before any request', async (_case, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toMatch(message);
		expect(sandbox.get().requests).toHaveLength(0);
	});

	it('passes on Callbell’s refusal of a duplicate identifier (422)', async () => {
		const result = await run(create(SEED.contacts.ada.phoneNumber as string, 'whatsapp', 'Ada again'));
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
		expect(result.error?.description).toMatch(/^Callbell says: .*already been taken/);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('with Continue On Fail, keeps one output per input: contact, validation error, API error', async () => {
		const items = [
			{ id: '+44 7700 900600', name: 'Good One' },
			{ id: 'not a phone', name: 'Bad Phone' },
			{ id: SEED.contacts.grace.phoneNumber, name: 'Duplicate' },
			{ id: '+44 7700 900601', name: 'Good Two' },
		];
		const result = await run(create('={{ $json.id }}', 'whatsapp', '={{ $json.name }}'), items, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		expect(output.map(([, item]) => item)).toEqual([0, 1, 2, 3]);
		expect(output[0][0]).toMatchObject({ name: 'Good One' });
		expect(output[1][0]).toEqual({ error: 'Identifier "not a phone" is not a phone number [item 1]', description: 'Use digits, e.g. +44 7700 900001' });
		expect(output[2][0]).toMatchObject({ httpCode: '422', description: expect.stringMatching(/already been taken/) });
		expect(output[3][0]).toMatchObject({ name: 'Good Two' });
		expect(requestsTo(sandbox.get(), 'POST').map((request) => (request.body as IDataObject).name)).toEqual(['Good One', 'Duplicate', 'Good Two']);
	});
});
