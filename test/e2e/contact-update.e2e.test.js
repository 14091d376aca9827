'use strict';
// Contact → Update inside real n8n 2.41.1 (import:workflow + execute --id) against the sandbox.
const fs = require('node:fs');
const path = require('node:path');

const { useRealN8n, importVariant, runWorkflow, SEED, WRONG_TOKEN, WRONG_CREDENTIAL } = require('./real-n8n');

const env = useRealN8n();

const patches = () => env().sandbox.requests.filter((request) => request.method === 'PATCH');

test('the package sits in the n8n nodes folder as a community install places it: the tarball, no dependencies', () => {
	const dir = path.join(env().userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-callbell');
	expect(env().installed.target).toBe(dir);
	expect(fs.lstatSync(dir).isSymbolicLink()).toBe(false);
	expect(fs.readdirSync(dir).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
	const packageJson = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	expect(packageJson.peerDependencies).toBeUndefined();
	expect(packageJson.n8n.nodes).toEqual(['dist/nodes/Callbell/Callbell.node.js', 'dist/nodes/CallbellTrigger/CallbellTrigger.node.js']);
	const node = env().workflows['contact-update-all-fields'].nodes.find((candidate) => candidate.name === 'Callbell');
	expect(node.type).toBe('n8n-nodes-callbell.callbell');
});

test('Update with every field', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExampleAllFields');
	expect(run.ok).toBe(true);
	expect(run.data.status).toBe('success');
	expect(run.task.error).toBeUndefined();
	const uuid = SEED.contacts.katherine.uuid;
	expect(patches().map((request) => request.body)).toEqual([
		{
			name: 'Katherine Johnson (NASA)',
			tags: ['Customer', 'VIP'],
			custom_fields: {
				'Billing Address': 'Langley Research Center, Hampton, VA',
				'Contact Email': 'katherine@example.com',
				'Order Count': '42',
				Birthday: '1918-08-26',
				Plan: 'Enterprise',
				Interests: ['Dark Mode', 'Notifications'],
			},
			assigned_user: 'cleo.agent@example.com',
			team_uuid: SEED.teams.onboarding.uuid,
			bot_status: 'bot_end',
			note: 'Calculated the trajectory for Friendship 7.',
		},
	]);
	const contact = env().sandbox.getContact(uuid);
	expect(contact).toMatchObject({
		name: 'Katherine Johnson (NASA)',
		tags: ['Customer', 'VIP'],
		assignedUser: 'cleo.agent@example.com',
		note: 'Calculated the trajectory for Friendship 7.',
		team: { uuid: SEED.teams.onboarding.uuid },
	});
	expect(contact.customFields).toMatchObject({ 'Order Count': '42', Birthday: '1918-08-26', Plan: 'Enterprise' });
	expect(run.items).toHaveLength(1);
	expect(run.items[0].json).toEqual(contact);
	expect(run.items[0].pairedItem).toEqual({ item: 0 });
});

test('per-item expressions over several items', async () => {
	const run = await runWorkflow(env().userFolder, 'cbExamplePerItem');
	expect(run.ok).toBe(true);
	const { ada, grace, alan } = SEED.contacts;
	expect(run.items.map((item) => [item.json.uuid, item.json.name, item.pairedItem])).toEqual([
		[ada.uuid, 'Ada Lovelace', { item: 0 }],
		[grace.uuid, 'Grace Hopper', { item: 1 }],
		[alan.uuid, 'Alan Turing', { item: 2 }],
	]);
	expect(patches().map((request) => [request.path, request.body])).toEqual([
		[`/contacts/${ada.uuid}`, { name: 'Ada Lovelace', tags: ['Lead', 'Newsletter'], custom_fields: { Plan: 'Pro', 'Order Count': '3', Birthday: '1815-12-10' }, assigned_user: 'ben.agent@example.com' }],
		[`/contacts/${grace.uuid}`, { name: 'Grace Hopper', tags: ['Customer'], custom_fields: { Plan: 'Free', 'Order Count': '0', Birthday: '1906-12-09' }, assigned_user: 'dan.agent@example.com' }],
		[`/contacts/${alan.uuid}`, { name: 'Alan Turing', tags: ['VIP', 'Support'], custom_fields: { Plan: 'Enterprise', 'Order Count': '12.5', Birthday: '1912-06-23' }, assigned_user: 'cleo.agent@example.com' }],
	]);
	expect(env().sandbox.getContact(alan.uuid).customFields).toMatchObject({ Plan: 'Enterprise', 'Order Count': '12.5' });
});

test('a failing item with Continue On Fail beside successful ones', async () => {
	const graceBefore = env().sandbox.getContact(SEED.contacts.grace.uuid);
	const run = await runWorkflow(env().userFolder, 'cbExampleContinueOnFail');
	expect(run.ok).toBe(true);
	expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	expect(run.items[0].json.assignedUser).toBe('ben.agent@example.com');
	expect(run.items[1].json).toEqual({ error: 'Assigned User must be an email address, got "not an email" [item 1]' });
	expect(run.items[2].json).toMatchObject({ httpCode: '404', description: 'Callbell says: Contact not found' });
	expect(run.items[3].json.assignedUser).toBe('cleo.agent@example.com');
	expect(patches()).toHaveLength(3);
	expect(env().sandbox.getContact(SEED.contacts.grace.uuid)).toEqual(graceBefore);
});

test('a wrong token surfaces as a clear 401 error, and the token is nowhere in n8n’s output', async () => {
	await importVariant(env().userFolder, env().workflows['contact-update-all-fields'], { id: 'cbE2eWrongToken', credential: WRONG_CREDENTIAL });
	const run = await runWorkflow(env().userFolder, 'cbE2eWrongToken');
	expect(run.ok).toBe(false);
	expect(run.data?.status).toBe('error');
	const output = `${run.stdout}\n${run.stderr}`;
	expect(output).toMatch(/Authorization failed - please check your credentials/);
	expect(JSON.stringify(run.task?.error ?? run.data)).toMatch(/Check the API Token in the Callbell credential/);
	expect(output).not.toContain(WRONG_TOKEN);
	// n8n itself re-sends a request once after a 401 (its credential refresh path), then fails.
	const statuses = env().sandbox.requests.map((request) => `${request.method} ${request.status}`);
	expect(new Set(statuses)).toEqual(new Set(['PATCH 401']));
	expect(env().sandbox.getContact(SEED.contacts.katherine.uuid).name).toBe(SEED.contacts.katherine.name);
});
