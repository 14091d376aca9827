import { createHmac } from 'crypto';

import { describeSignatureProblem, verifySignature } from '../../../../nodes/CallbellTrigger/helpers/signature';

const SECRET = 'whsec_example_5f1c2b7e9a0d4c3b';
const BODY = Buffer.from('{"event":"message_created","payload":{"text":"Hi"}}');
const NOW = 1_780_000_000;

const sign = (t: number | string, body: Buffer | string = BODY, secret = SECRET) =>
	createHmac('sha256', secret).update(`${t}.${body.toString()}`).digest('hex');
const header = (t: number, v1 = sign(t)) => `t=${t},v1=${v1}`;

describe('verifySignature (HMAC-SHA256 of "t.rawBody" keyed with the whole whsec_ secret, ±300 s)', () => {
	test('valid', () => {
		expect(verifySignature(header(NOW), BODY, SECRET, NOW)).toEqual({ valid: true });
		expect(verifySignature(header(NOW - 299), BODY, SECRET, NOW)).toEqual({ valid: true });
		expect(verifySignature(header(NOW + 299), BODY, SECRET, NOW)).toEqual({ valid: true });
		expect(verifySignature(` t=${NOW}, v1=${sign(NOW).toUpperCase()} `, BODY, SECRET, NOW)).toEqual({ valid: true });
		expect(verifySignature([header(NOW)], BODY, SECRET, NOW)).toEqual({ valid: true });
	});

	test('several v1 values (secret rotation): one matching is enough', () => {
		const other = sign(NOW, BODY, 'whsec_old');
		expect(verifySignature(`t=${NOW},v1=${other},v1=${sign(NOW)}`, BODY, SECRET, NOW)).toEqual({ valid: true });
	});

	test('wrong secret, and the secret without its whsec_ prefix', () => {
		expect(verifySignature(header(NOW, sign(NOW, BODY, 'whsec_other')), BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'mismatch' });
		expect(verifySignature(header(NOW, sign(NOW, BODY, SECRET.slice(6))), BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'mismatch' });
	});

	test('wrong body: one byte changed, or re-serialised JSON', () => {
		expect(verifySignature(header(NOW), Buffer.from(BODY.toString().replace('Hi', 'Ho')), SECRET, NOW)).toEqual({ valid: false, problem: 'mismatch' });
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
		expect(verifySignature(header(NOW), reserialised, SECRET, NOW)).toEqual({ valid: false, problem: 'mismatch' });
	});

	test('the timestamp is part of what is signed', () => {
		expect(verifySignature(`t=${NOW + 1},v1=${sign(NOW)}`, BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'mismatch' });
	});

	test('stale (older than 300 s) and future (more than 300 s ahead), even when correctly signed', () => {
		expect(verifySignature(header(NOW - 301), BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'stale' });
		expect(verifySignature(header(NOW - 86_400), BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'stale' });
		expect(verifySignature(header(NOW + 301), BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'future' });
	});

	test.each([
		['no t', `v1=${sign(NOW)}`],
		['no v1', `t=${NOW}`],
		['t not a number', `t=abc,v1=${sign('abc')}`],
		['t in milliseconds-looking garbage', `t=${NOW}.5,v1=${sign(NOW)}`],
		['v1 not hex', `t=${NOW},v1=${'z'.repeat(64)}`],
		['v1 too short', `t=${NOW},v1=${sign(NOW).slice(0, 63)}`],
		['v1 too long', `t=${NOW},v1=${sign(NOW)}00`],
		['two t values', `t=${NOW},t=${NOW},v1=${sign(NOW)}`],
		['not key=value', 'sha256=abc'],
		['a bare hex signature', sign(NOW)],
		['extra =', `t=${NOW},v1=${sign(NOW)}=`],
	])('malformed header: %s', (_, value) => {
		expect(verifySignature(value, BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'malformed' });
	});

	test.each([[undefined], [''], ['   '], [[] as string[]]])('missing header: %p', (value) => {
		expect(verifySignature(value, BODY, SECRET, NOW)).toEqual({ valid: false, problem: 'missing' });
	});

	test('the problem descriptions never contain the secret or the signature', () => {
		for (const problem of ['missing', 'malformed', 'mismatch', 'stale', 'future'] as const) {
			const text = describeSignatureProblem(problem);
			expect(text).not.toContain(SECRET);
			expect(text).not.toMatch(/[0-9a-f]{32}/);
		}
	});
});
