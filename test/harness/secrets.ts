/**
 * Where `secret` occurs anywhere in a value: own properties, enumerable or not (an Error's
 * `cause`, `stack`), arrays, Maps and nested objects, cycles tolerated. Returns the paths.
 */
export function findSecret(value: unknown, secret: string, path = '$', seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return value.includes(secret) ? [path] : [];
	if (typeof value !== 'object' || value === null || seen.has(value)) return [];
	seen.add(value);
	if (value instanceof Map) {
		return [...value.entries()].flatMap(([key, entry], index) => [
			...findSecret(key, secret, `${path}<key ${index}>`, seen),
			...findSecret(entry, secret, `${path}<${String(key)}>`, seen),
		]);
	}
	if (Buffer.isBuffer(value)) return value.toString('latin1').includes(secret) ? [path] : [];
	return Object.getOwnPropertyNames(value).flatMap((key) => {
		const descriptor = Object.getOwnPropertyDescriptor(value, key);
		if (!descriptor || !('value' in descriptor)) return [];
		return findSecret(descriptor.value, secret, `${path}.${key}`, seen);
	});
}
