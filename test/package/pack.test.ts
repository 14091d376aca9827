import { packedFiles } from '../support/npm';

describe('the npm tarball', () => {
	const files: string[] = packedFiles();

	it('holds the compiled node and credential, the codex, both icons, README and LICENSE', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'package.json',
				'README.md',
				'LICENSE',
				'dist/nodes/Callbell/Callbell.node.js',
				'dist/nodes/Callbell/Callbell.node.json',
				'dist/nodes/Callbell/actions/router.js',
				'dist/nodes/Callbell/actions/contact/update.operation.js',
				'dist/nodes/Callbell/transport/request.js',
				'dist/credentials/CallbellApi.credentials.js',
				'dist/icons/callbell.svg',
				'dist/icons/callbell.dark.svg',
			]),
		);
	});

	it('holds nothing outside dist but package.json, README and LICENSE: no tests, sandbox, scripts or sources', () => {
		expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files.filter((file) => /(^|\/)(test|sandbox|scripts|examples)\//.test(file) || /\.test\.|\.spec\./.test(file))).toEqual([]);
		expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
	});
});
