import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeType } from 'n8n-workflow';

import { runCallbellNode } from '../harness/engine';
import { SEED, useSandbox } from '../harness/sandbox';
import { distDir, repoRoot } from '../support/paths';
import { fileExists } from '../support/files';

const sandbox = useSandbox();

/** Loads the BUILT package from the repository root exactly as n8n loads a community package. */
async function loadPackage() {
	const loader = new PackageDirectoryLoader(repoRoot);
	await loader.loadAll();
	return loader;
}

describe('the built package, loaded as n8n loads it', () => {
	it('registers the Callbell node and the Callbell API credential with icons and codex', async () => {
		const loader = await loadPackage();
		expect(loader.packageName).toBe('n8n-nodes-callbell');
		expect(Object.keys(loader.nodeTypes)).toEqual(['callbell', 'callbellTrigger']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['callbellApi']);

		const node = loader.nodeTypes.callbell.type as INodeType;
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.codex?.categories).toEqual(['Communication', 'Sales']);
		const icons = [node.description.iconUrl, loader.credentialTypes.callbellApi.type.iconUrl] as Array<{ light: string; dark: string }>;
		for (const icon of icons) {
			for (const url of [icon.light, icon.dark]) {
				expect(url).toMatch(/^icons\/n8n-nodes-callbell\/dist\/icons\/callbell(\.dark)?\.svg$/);
				expect(fileExists(`${repoRoot}/${url.replace('icons/n8n-nodes-callbell/', '')}`)).toBe(true);
			}
		}
		expect(loader.nodeTypes.callbell.sourcePath).toBe('dist/nodes/Callbell/Callbell.node.js');
		expect(fileExists(`${distDir}/nodes/Callbell/Callbell.node.json`)).toBe(true);
	});

	it('registers the Callbell Trigger: webhooks, no inputs, not a tool, its codex', async () => {
		const loader = await loadPackage();
		const trigger = loader.nodeTypes.callbellTrigger.type as INodeType;
		expect(loader.nodeTypes.callbellTrigger.sourcePath).toBe('dist/nodes/CallbellTrigger/CallbellTrigger.node.js');
		expect(trigger.description.inputs).toEqual([]);
		expect(trigger.description.usableAsTool).toBeUndefined();
		expect(trigger.description.webhooks?.map((w) => `${w.name} ${w.httpMethod} ${w.path}`)).toEqual(['default POST callbell', 'setup GET callbell']);
		expect(Object.keys(trigger.webhookMethods?.default ?? {})).toEqual(['checkExists', 'create', 'delete']);
		expect(trigger.description.codex?.categories).toEqual(['Communication', 'Sales']);
	});

	it('runs Contact → Update through the loaded node', async () => {
		const loader = await loadPackage();
		const result = await runCallbellNode({
			nodeType: loader.nodeTypes.callbell.type,
			parameters: {
				resource: 'contact',
				operation: 'update',
				contact: { __rl: true, mode: 'id', value: SEED.contacts.grace.uuid },
				updateFields: { tags: 'VIP', customFields: { field: [{ name: 'Order Count', type: 'number', value: '12' }] } },
			},
			items: [{}],
			credentials: { apiToken: SEED.token, baseUrl: sandbox.get().url },
		});
		expect(result.error).toBeUndefined();
		expect(result.output![0].json).toMatchObject({ uuid: SEED.contacts.grace.uuid, tags: ['VIP'] });
		expect(sandbox.get().getContact(SEED.contacts.grace.uuid)).toMatchObject({ customFields: { 'Order Count': '12' } });
	});
});
