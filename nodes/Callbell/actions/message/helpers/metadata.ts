import { InputError } from '../../../helpers/InputError';
import { characterCount, describeValue, isEmptyValue } from '../../../helpers/values';

/** Callbell's documented limits for a message's metadata. */
export const METADATA_MAX_PAIRS = 10;
export const METADATA_KEY_LIMIT = 50;
export const METADATA_VALUE_LIMIT = 500;

export interface MetadataPair {
	key?: unknown;
	value?: unknown;
}

function asText(field: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	throw new InputError(field, `must be text, got ${describeValue(value)}`);
}

/**
 * Metadata pairs as Callbell takes them (`{ key: value }`, strings only): at most 10 pairs, keys
 * of at most 50 and values of at most 500 characters, no key twice. A pair with an empty key and
 * an empty value is skipped; a key without value is sent with "" only if given explicitly.
 */
export function toMetadata(field: string, pairs: MetadataPair[] | undefined): Record<string, string> | undefined {
	const metadata: Record<string, string> = {};
	let count = 0;
	for (const [index, pair] of (pairs ?? []).entries()) {
		if (isEmptyValue(pair.key) && isEmptyValue(pair.value)) continue;
		const position = `${field} ${index + 1}`;
		if (isEmptyValue(pair.key)) throw new InputError(position, 'has a value but no key');
		const key = asText(`${position} key`, pair.key).trim();
		if (characterCount(key) > METADATA_KEY_LIMIT) {
			throw new InputError(`${position} key`, `has ${characterCount(key)} characters, more than Callbell's ${METADATA_KEY_LIMIT}`);
		}
		if (Object.prototype.hasOwnProperty.call(metadata, key)) throw new InputError(`${position} key`, `"${key}" is given twice`);
		const value = isEmptyValue(pair.value) ? '' : asText(`${position} value`, pair.value);
		if (characterCount(value) > METADATA_VALUE_LIMIT) {
			throw new InputError(`${position} value`, `has ${characterCount(value)} characters, more than Callbell's ${METADATA_VALUE_LIMIT}`);
		}
		count++;
		if (count > METADATA_MAX_PAIRS) {
			throw new InputError(field, `has more than Callbell's ${METADATA_MAX_PAIRS} pairs`, 'Keep at most 10 key/value pairs');
		}
		metadata[key] = value;
	}
	return count > 0 ? metadata : undefined;
}
