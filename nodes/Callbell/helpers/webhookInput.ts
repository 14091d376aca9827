import { InputError } from './InputError';
import type { WebhookEvent } from './webhookEvents';
import { WEBHOOK_EVENTS } from './webhookEvents';
import { describeValue, isEmptyValue, toStringList, toText } from './values';

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * The URL Callbell should deliver to: absolute, https, and not a local address. Callbell requires
 * the protocol and refuses localhost; plain http is refused because deliveries carry contact data.
 */
export function toWebhookUrl(value: unknown): string {
	if (isEmptyValue(value)) throw new InputError('URL', 'is required');
	const text = toText('URL', value);
	const url = parseUrl(text);
	if (!url) throw new InputError('URL', `${describeValue(text)} is not an absolute URL`, 'Include the protocol, e.g. https://example.com/webhook');
	if (url.protocol !== 'https:') {
		throw new InputError('URL', `must start with https://, got ${describeValue(text)}`, 'Callbell delivers contact data to it: use an https URL');
	}
	if (LOOPBACK.test(url.hostname)) {
		throw new InputError('URL', `${describeValue(text)} is a local address`, 'Callbell refuses localhost: use a public URL, e.g. through a tunnel');
	}
	if (url.username || url.password) throw new InputError('URL', 'must not contain a user name or password');
	return text;
}

/** A non-empty list of known event names, from a list or a comma-separated text; duplicates dropped. */
export function toEventList(field: string, value: unknown, required: boolean): WebhookEvent[] {
	const events = isEmptyValue(value) ? [] : toStringList(field, value);
	if (events.length === 0) {
		if (required) throw new InputError(field, 'is required', 'Choose at least one event');
		return [];
	}
	const unknown = events.filter((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event));
	if (unknown.length > 0) {
		throw new InputError(field, `contain an unknown event: ${unknown.map((event) => describeValue(event)).join(', ')}`, `Use: ${WEBHOOK_EVENTS.join(', ')}`);
	}
	return events as WebhookEvent[];
}

/** The delivery-log status filter: '' (all), success or failed. */
export function toDeliveryStatus(value: unknown): 'success' | 'failed' | undefined {
	if (isEmptyValue(value) || value === 'all') return undefined;
	if (value === 'success' || value === 'failed') return value;
	throw new InputError('Status', `must be success or failed, got ${describeValue(value)}`);
}
