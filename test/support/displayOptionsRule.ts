import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/**
 * The rule every n8n before 2.34.2 applies to `displayOptions` (n8n-workflow's node-helpers:
 * getParameterDependencies + getParameterResolveOrder, called by `new Workflow` for every node and
 * by the editor): each key of `show`/`hide` must be
 *   - the name of a parameter in the SAME list (top level, or the same collection's options, or the
 *     same fixedCollection option's values), which is resolved first; or
 *   - a root path starting with '/' (read with lodash `get` from the node's top-level values); or
 *   - a special key starting with '@' ('@version', …).
 * Any other key (e.g. 'contact.mode', a path into a resource locator) can never be resolved there,
 * and the whole workflow fails: "Could not resolve parameter dependencies. Max iterations reached!".
 * A root path must also start with the name of a top-level parameter, or it silently hides its field.
 */
export interface DisplayOptionsProblem {
	/** Where: node › parameter › … */
	where: string;
	key: string;
	reason: string;
}

type PropertyLike = Partial<INodeProperties> & { name?: string; values?: unknown; options?: unknown };

function isPropertyList(list: unknown): list is PropertyLike[] {
	return Array.isArray(list) && list.every((item) => typeof item === 'object' && item !== null);
}

function keysOf(displayOptions: unknown): string[] {
	if (!displayOptions || typeof displayOptions !== 'object') return [];
	const keys: string[] = [];
	for (const rule of Object.values(displayOptions as Record<string, unknown>)) {
		if (rule && typeof rule === 'object') keys.push(...Object.keys(rule));
	}
	return keys;
}

function checkList(list: PropertyLike[], where: string, rootNames: Set<string>, problems: DisplayOptionsProblem[]) {
	const siblings = new Set(list.map((property) => property.name).filter((name): name is string => typeof name === 'string'));
	for (const property of list) {
		const here = `${where} › ${property.name ?? property.displayName ?? '?'}`;
		for (const key of keysOf(property.displayOptions)) {
			if (key.startsWith('@')) continue;
			if (key.startsWith('/')) {
				const root = key.slice(1).split(/[.[]/)[0];
				if (!rootNames.has(root)) problems.push({ where: here, key, reason: `root path to "${root}", which is no top-level parameter` });
				continue;
			}
			if (!siblings.has(key)) {
				problems.push({ where: here, key, reason: 'neither a parameter of the same level nor a "/" root path: n8n < 2.34.2 cannot resolve it' });
			}
		}
		const options = property.options;
		if (!isPropertyList(options)) continue;
		if (property.type === 'fixedCollection') {
			for (const group of options) {
				if (isPropertyList(group.values)) checkList(group.values, `${here} › ${group.name ?? '?'}`, rootNames, problems);
			}
		} else if (property.type === 'collection') {
			checkList(options, here, rootNames, problems);
		} else {
			// Options of an options/multiOptions field: n8n does not resolve conditions on them, but a
			// condition there must still name something of the enclosing level.
			for (const option of options) {
				for (const key of keysOf(option.displayOptions)) {
					if (key.startsWith('@') || (key.startsWith('/') && rootNames.has(key.slice(1).split(/[.[]/)[0])) || siblings.has(key)) continue;
					problems.push({ where: `${here} › option ${String((option as { value?: unknown }).value)}`, key, reason: 'names nothing at this level' });
				}
			}
		}
	}
}

/** Every displayOptions key of the description that older n8n cannot resolve (empty = fine). */
export function findDisplayOptionsProblems(description: Pick<INodeTypeDescription, 'name' | 'properties'>): DisplayOptionsProblem[] {
	const problems: DisplayOptionsProblem[] = [];
	const properties = description.properties as PropertyLike[];
	const rootNames = new Set(properties.map((property) => property.name).filter((name): name is string => typeof name === 'string'));
	checkList(properties, description.name, rootNames, problems);
	return problems;
}
