import type { IDataObject } from 'n8n-workflow';

import { operationParameters } from '../../../../harness/messages';
import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

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

describe('Template → Get Many against a stub server (pages)', () => {
	it('counts only the templates that pass its filters toward the Limit, and reads no further page', async () => {
		const template = (uuid: string, status: string) => ({ uuid, status, text: 'Hi {{1}}', type: 'text' });
		const stub = await startStubServer({
			handle: (request) => {
				const page = Number(request.query.page);
				return { body: { templates: [template(`p${page}`, 'pending'), template(`a${page}`, 'approved')], meta: { page, pages: 4 } } };
			},
		});
		try {
			const result = await run(getAll({ returnAll: false, limit: 2 }), [{}], { baseUrl: stub.url });
			expect(result.output!.map((item) => [item.json.uuid, item.json.variables])).toEqual([['a1', 1], ['a2', 1]]);
			expect(stub.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		} finally {
			await stub.close();
		}
	});
});
