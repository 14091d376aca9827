/** The request path for one contact; the id is encoded so it can never leave `/contacts/`. */
export function contactPath(uuid: string, suffix = ''): string {
	return `/contacts/${encodeURIComponent(uuid)}${suffix}`;
}
