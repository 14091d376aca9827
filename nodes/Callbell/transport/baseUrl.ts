import { InputError } from '../helpers/InputError';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The credential's Base URL without trailing slashes. Plain http is refused unless the host
 * is loopback (the local sandbox), so the API token never crosses a network in clear text.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim().replace(/\/+$/, '') : '';
	if (text === '') return 'https://api.callbell.eu/v1';
	if (!URL.canParse(text)) throw new InputError('Base URL', 'in the Callbell credential is not a valid URL');
	const url = new URL(text);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		throw new InputError(
			'Base URL',
			'in the Callbell credential must use https',
			'Plain http is only allowed for a local sandbox on localhost or 127.0.0.1',
		);
	}
	return text;
}
