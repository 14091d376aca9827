import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue } from '../../../helpers/values';

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

/** The Tag Mode; empty means Replace. Anything else, e.g. from an expression, is refused, not read as Replace. */
export function toTagMode(value: unknown): TagMode {
	if (isEmptyValue(value)) return 'replace';
	const text = typeof value === 'string' ? value.trim() : value;
	if ((TAG_MODES as readonly unknown[]).includes(text)) return text as TagMode;
	throw new InputError('Tag Mode', `must be ${TAG_MODES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}, got ${describeValue(value)}`);
}
