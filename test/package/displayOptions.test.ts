import type { INodeProperties, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

import { findDisplayOptionsProblems } from '../support/displayOptionsRule';
import { repoRoot } from '../support/paths';
import packageJson from '../../package.json';

/** Every node description of the BUILT package: each entry of package.json n8n.nodes, each version. */
function builtNodeDescriptions(): INodeTypeDescription[] {
	const descriptions: INodeTypeDescription[] = [];
	for (const entry of packageJson.n8n.nodes) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(`${repoRoot}/${entry}`) as Record<string, new () => INodeType | IVersionedNodeType>;
		for (const NodeClass of Object.values(exported)) {
			if (typeof NodeClass !== 'function') continue;
			const node = new NodeClass();
			if ('nodeVersions' in node) {
				for (const version of Object.values(node.nodeVersions)) descriptions.push(version.description);
			} else {
				descriptions.push(node.description);
			}
		}
	}
	return descriptions;
}

const prop = (extra: Partial<INodeProperties>): INodeProperties => ({ displayName: 'X', name: 'x', type: 'string', default: '', ...extra });

describe('displayOptions that every supported n8n can resolve (n8n < 2.34.2 fails whole workflows otherwise)', () => {
	const descriptions = builtNodeDescriptions();

	it('loads every node listed in package.json n8n.nodes', () => {
		expect(descriptions.length).toBeGreaterThanOrEqual(packageJson.n8n.nodes.length);
		for (const description of descriptions) expect(description.properties.length).toBeGreaterThan(0);
	});

	it.each(descriptions.map((description) => [description.displayName, description]))(
		'%s: every displayOptions key is a parameter of its own level, a "/" root path or an "@" key',
		(_name, description) => {
			expect(findDisplayOptionsProblems(description as INodeTypeDescription)).toEqual([]);
		},
	);

	it('the Phone Lookup Channel still depends on the Contact mode, through a root path', () => {
		const node = descriptions.find((description) => description.name === 'callbell');
		const fields = node?.properties.filter((property) => property.name === 'phoneLookupChannel') ?? [];
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) {
			expect(field.displayOptions?.show?.['/contact.mode']).toEqual(['phone']);
			expect(field.displayOptions?.show).not.toHaveProperty(['contact.mode']);
		}
	});

	describe('the rule can fail', () => {
		const base = [
			prop({ name: 'resource', type: 'options', options: [{ name: 'Contact', value: 'contact' }], default: 'contact' }),
			prop({ name: 'contact', type: 'resourceLocator', default: { mode: 'list', value: '' }, modes: [] }),
		];

		it('finds a dotted key at the top level (the bug of 0.1.0)', () => {
			const bad = prop({ name: 'channel', displayOptions: { show: { 'contact.mode': ['phone'] } } });
			expect(findDisplayOptionsProblems({ name: 'planted', properties: [...base, bad] })).toEqual([
				expect.objectContaining({ where: 'planted › channel', key: 'contact.mode' }),
			]);
		});

		it('finds a key naming a top-level parameter from inside a collection, and a bad key in a fixedCollection', () => {
			const collection = prop({
				name: 'options',
				type: 'collection',
				default: {},
				options: [prop({ name: 'inner', displayOptions: { show: { resource: ['contact'] } } }), prop({ name: 'sibling' })],
			});
			const fixed = prop({
				name: 'rules',
				type: 'fixedCollection',
				default: {},
				options: [{ name: 'rule', displayName: 'Rule', values: [prop({ name: 'a', displayOptions: { hide: { 'b.c': [true] } } })] }],
			});
			const problems = findDisplayOptionsProblems({ name: 'planted', properties: [...base, collection, fixed] });
			expect(problems.map((problem) => [problem.where, problem.key])).toEqual([
				['planted › options › inner', 'resource'],
				['planted › rules › rule › a', 'b.c'],
			]);
		});

		it('accepts sibling names, root paths and @ keys, and refuses a root path to nothing', () => {
			const good = [
				prop({ name: 'a', displayOptions: { show: { resource: ['contact'], '/contact.mode': ['id'], '@version': [1] } } }),
				prop({
					name: 'options',
					type: 'collection',
					default: {},
					options: [prop({ name: 'inner', displayOptions: { show: { sibling: ['x'], '/resource': ['contact'] } } }), prop({ name: 'sibling' })],
				}),
			];
			expect(findDisplayOptionsProblems({ name: 'planted', properties: [...base, ...good] })).toEqual([]);
			const typo = prop({ name: 'b', displayOptions: { show: { '/contcat.mode': ['id'] } } });
			expect(findDisplayOptionsProblems({ name: 'planted', properties: [...base, typo] })).toEqual([
				expect.objectContaining({ key: '/contcat.mode' }),
			]);
		});
	});
});
