import type { IDataObject } from 'n8n-workflow';

import { operationParameters } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const seeded = () => Object.values(SEED.templates as Record<string, IDataObject>);
const getAll = (extra: IDataObject = {}) => operationParameters('template', 'getAll', extra);

describe('Template → Get Many through n8n’s engine against the sandbox', () => {
	it('by default: approved templates only, each with its number of variables', async () => {
		const result = await run(getAll({ returnAll: true }));
		expect(result.error).toBeUndefined();
		const output = pairs(result);
		const approved = seeded().filter((template) => template.status === 'approved');
		expect(output.map(([json]) => json.uuid).sort()).toEqual(approved.map((template) => template.uuid).sort());
		for (const [json, item] of output) {
			expect(item).toBe(0);
			expect(json.variables).toBe(approved.find((template) => template.uuid === json.uuid)?.variables);
		}
		expect(requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}?page=${request.query.page}`)).toEqual(['GET /templates?page=1', 'GET /templates?page=2']);
	});

	it('Status Any: every template; Media Type narrows', async () => {
		const any = await run(getAll({ returnAll: true, filters: { status: 'any' } }));
		expect(any.output).toHaveLength(seeded().length);
		expect(any.output?.map((item) => item.json.status)).toEqual(expect.arrayContaining(['pending', 'rejected', 'approved']));
		const images = await run(getAll({ returnAll: true, filters: { status: 'any', mediaType: 'image' } }));
		expect(images.output?.map((item) => item.json.title).sort()).toEqual(
			seeded()
				.filter((template) => template.templateType === 'image')
				.map((template) => template.title)
				.sort(),
		);
	});

	it('Limit', async () => {
		const result = await run(getAll({ returnAll: false, limit: 2 }));
		expect(result.output).toHaveLength(2);
	});
});
