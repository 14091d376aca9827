import { parse } from 'yaml';

import { readText } from '../support/files';
import { repoRoot } from '../support/paths';
import packageJson from '../../package.json';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const read = (file: string) => readText(`${repoRoot}/${file}`);
const load = (file: string) => parse(read(file)) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).map((step) => step.run ?? '').join('\n');

/** Every `npm run <script>` (also `npm run -s <script>`) in a shell text. */
function npmRunScripts(text: string): string[] {
	return [...text.matchAll(/\bnpm run(?:\s+-s)?\s+([\w:.-]+)/g)].map((match) => match[1]);
}

const scripts = packageJson.scripts as Record<string, string>;
const files = ['.github/workflows/ci.yml', '.github/workflows/publish.yml'];

describe('GitHub workflows', () => {
	it.each(files)('%s runs only npm scripts that exist in package.json (and those .ci/run calls)', (file) => {
		const workflow = load(file);
		const called = npmRunScripts(runs(workflow));
		expect(runs(workflow)).toMatch(/bash \.ci\/run/);
		called.push(...npmRunScripts(read('.ci/run')));
		expect(called.length).toBeGreaterThan(0);
		expect(called.filter((name) => !(name in scripts))).toEqual([]);
	});

	it('the script check can fail: a missing script is reported', () => {
		const called = npmRunScripts('npm run build\nnpm run -s no-such-script -- --ci');
		expect(called).toEqual(['build', 'no-such-script']);
		expect(called.filter((name) => !(name in scripts))).toEqual(['no-such-script']);
	});

	it('CI runs on pushes and pull requests and caches every pinned n8n runtime by its versions', () => {
		const ci = load('.github/workflows/ci.yml');
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		const cache = steps(ci).find((step) => step.uses?.startsWith('actions/cache@'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { RUNTIMES } = require(`${repoRoot}/scripts/lib/n8n-runtime.js`) as { RUNTIMES: Record<string, { n8n: string; node: string; folder: string }> };
		for (const runtime of Object.values(RUNTIMES)) {
			expect(String(cache?.with?.path)).toContain(runtime.folder);
			expect(String(cache?.with?.key)).toContain(`n8n${runtime.n8n}-node${runtime.node}`);
		}
	});

	it('publish runs on version tags, after the whole CI, with an npm provenance statement', () => {
		const publish = load('.github/workflows/publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*'] } });
		expect(publish.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const text = runs(publish);
		expect(text).toMatch(/npm publish --provenance --access public/);
		expect(text.indexOf('bash .ci/run')).toBeGreaterThanOrEqual(0);
		expect(text.indexOf('bash .ci/run')).toBeLessThan(text.indexOf('npm publish'));
	});
});
