import { createHmac, timingSafeEqual } from 'crypto';

/** Callbell's tolerance for a signature's timestamp, either way from now. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing' | 'malformed' | 'mismatch' | 'stale' | 'future';

export type SignatureCheck = { valid: true } | { valid: false; problem: SignatureProblem };

const PROBLEM_TEXT: Record<SignatureProblem, string> = {
	missing: 'no X-Callbell-Signature header',
	malformed: 'the X-Callbell-Signature header is not "t=<unix seconds>,v1=<hex>"',
	mismatch: 'the signature does not match the body (wrong secret or altered body)',
	stale: `the signature's timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s old (a replay?)`,
	future: `the signature's timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s in the future (clock skew?)`,
};

/** A sentence for logs and the 401 answer; it never contains the secret or the signature. */
export function describeSignatureProblem(problem: SignatureProblem): string {
	return PROBLEM_TEXT[problem];
}

interface ParsedHeader {
	timestamp: number;
	signatures: string[];
}

/** `t=<unix seconds>,v1=<64 hex>[,v1=…]`; other schemes (v0=…) are ignored, as Stripe-style headers allow. */
function parseHeader(header: string): ParsedHeader | undefined {
	let timestamp: number | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const [key, value, ...rest] = part.trim().split('=');
		if (value === undefined || rest.length > 0) return undefined;
		if (key === 't') {
			if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
			timestamp = Number(value);
		} else if (key === 'v1') {
			if (!/^[0-9a-fA-F]{64}$/.test(value)) return undefined;
			signatures.push(value.toLowerCase());
		}
	}
	if (timestamp === undefined || signatures.length === 0) return undefined;
	return { timestamp, signatures };
}

/**
 * Checks `X-Callbell-Signature: t=…,v1=…`: HMAC-SHA256 of `"<t>.<raw body>"` keyed with the whole
 * secret (whsec_ prefix included), compared in constant time, with `t` within ±300 s of now.
 */
export function verifySignature(
	header: string | string[] | undefined,
	rawBody: Buffer,
	secret: string,
	nowSeconds: number,
): SignatureCheck {
	const text = Array.isArray(header) ? header[0] : header;
	if (text === undefined || text.trim() === '') return { valid: false, problem: 'missing' };
	const parsed = parseHeader(text);
	if (!parsed) return { valid: false, problem: 'malformed' };
	const expected = createHmac('sha256', secret)
		.update(`${parsed.timestamp}.`)
		.update(rawBody)
		.digest();
	const matches = parsed.signatures.some((signature) => {
		const given = Buffer.from(signature, 'hex');
		return given.length === expected.length && timingSafeEqual(given, expected);
	});
	if (!matches) return { valid: false, problem: 'mismatch' };
	if (nowSeconds - parsed.timestamp > SIGNATURE_TOLERANCE_SECONDS) return { valid: false, problem: 'stale' };
	if (parsed.timestamp - nowSeconds > SIGNATURE_TOLERANCE_SECONDS) return { valid: false, problem: 'future' };
	return { valid: true };
}
