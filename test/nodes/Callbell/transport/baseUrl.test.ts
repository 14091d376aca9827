import { normalizeBaseUrl } from '../../../../nodes/Callbell/transport/baseUrl';

describe('normalizeBaseUrl', () => {
	it.each([
		['https://api.callbell.eu/v1', 'https://api.callbell.eu/v1'],
		['https://api.callbell.eu/v1/', 'https://api.callbell.eu/v1'],
		['  https://proxy.example.com/callbell//  ', 'https://proxy.example.com/callbell'],
		['http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010/v1'],
		['http://localhost:4010/v1', 'http://localhost:4010/v1'],
		['http://[::1]:4010/v1', 'http://[::1]:4010/v1'],
		['', 'https://api.callbell.eu/v1'],
	])('%p → %p', (input, expected) => {
		expect(normalizeBaseUrl(input)).toBe(expected);
	});

	it.each([['http://api.callbell.eu/v1'], ['http://192.168.1.10/v1'], ['ftp://x'], ['not a url'], ['http://127.0.0.1.evil.com/v1']])(
		'refuses %p',
		(input) => {
			expect(() => normalizeBaseUrl(input)).toThrow(/Base URL/);
		},
	);
});
