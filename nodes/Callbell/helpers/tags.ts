export const TAG_MODES = ['replace', 'add', 'remove'] as const;
export type TagMode = (typeof TAG_MODES)[number];

const key = (tag: string) => tag.trim().toLowerCase();

/**
 * The contact's tags after adding or removing `change`, compared as Callbell compares tags
 * (case-insensitively). Tags the contact already has keep their spelling; `changed` is false
 * when the list stays the same, so no request is needed.
 */
export function mergeTags(current: string[], change: string[], mode: Exclude<TagMode, 'replace'>): { tags: string[]; changed: boolean } {
	const have = new Set(current.map(key));
	if (mode === 'add') {
		const added = change.filter((tag, index) => !have.has(key(tag)) && change.findIndex((other) => key(other) === key(tag)) === index);
		return { tags: [...current, ...added], changed: added.length > 0 };
	}
	const drop = new Set(change.map(key));
	const tags = current.filter((tag) => !drop.has(key(tag)));
	return { tags, changed: tags.length !== current.length };
}

export function toTagMode(value: unknown): TagMode {
	return (TAG_MODES as readonly unknown[]).includes(value) ? (value as TagMode) : 'replace';
}
