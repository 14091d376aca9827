import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const lunch = SEED.customStatuses.lunch.id;
const vacation = SEED.customStatuses.vacationing.id;

const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'customStatus', operation, ...extra }) as INodeParameters;
const ref = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const sent = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body ?? null]);

describe('Custom Status operations through n8n’s engine', () => {
	it('Get Many: every page, one item per status', async () => {
		for (let i = 1; i <= 8; i++) sandbox.get().state.account.customStatuses.push({ id: `extra-${i}`, name: `Extra ${i}`, emoji: '', createdAt: 'x', updatedAt: 'x' });
		sandbox.get().clearRequests();
		const result = await run(op('getAll', { returnAll: true }));
		expect(result.output).toHaveLength(12);
		expect(result.output!.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(requestsTo(sandbox.get()).map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('Get Many outputs nothing when page 2 fails after page 1 was read (no partial list)', async () => {
		const account = sandbox.get().state.account as unknown as Record<string, unknown>;
		const list = [...(account.customStatuses as IDataObject[])];
		for (let i = 1; i <= 8; i++) list.push({ id: `extra-${i}`, name: `Extra ${i}`, emoji: '', createdAt: 'x', updatedAt: 'x' });
		let reads = 0;
		Object.defineProperty(account, 'customStatuses', {
			configurable: true,
			enumerable: true,
			get() {
				if (++reads === 2) throw new Error('page 2 breaks');
				return list;
			},
			set(value) {
				Object.defineProperty(account, 'customStatuses', { value, writable: true, configurable: true, enumerable: true });
			},
		});
		const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
		const result = await run(op('getAll', { returnAll: true, options: { maxRetries: 0 } }), [{}], { continueOnFail: true });
		quiet.mockRestore();
		expect(result.output!.map((item) => item.json)).toEqual([expect.objectContaining({ httpCode: '500' })]);
		expect(requestsTo(sandbox.get()).map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('Get Many with Limit 2 reads one page', async () => {
		const result = await run(op('getAll', { returnAll: false, limit: 2 }));
		expect(result.output!.map((item) => item.json.name)).toEqual(['Lunch', 'Vacationing']);
	});

	it('Get: GET /custom_statuses/:id', async () => {
		const result = await run(op('get', { customStatus: ref(lunch) }));
		expect(pairs(result)).toEqual([[expect.objectContaining({ id: lunch, name: 'Lunch', emoji: '🥪' }), 0]]);
		expect(sent()).toEqual([['GET', `/custom_statuses/${lunch}`, null]]);
	});

	it('Create: POST /custom_statuses with name and emoji', async () => {
		const result = await run(op('create', { name: ' Focus ', additionalFields: { emoji: '🎧' } }));
		expect(result.output![0].json).toMatchObject({ name: 'Focus', emoji: '🎧', id: expect.any(String) });
		expect(sent()).toEqual([['POST', '/custom_statuses', { name: 'Focus', emoji: '🎧' }]]);
	});

	it('Create without emoji sends only the name', async () => {
		await run(op('create', { name: 'Coffee' }));
		expect(sent()).toEqual([['POST', '/custom_statuses', { name: 'Coffee' }]]);
	});

	it('Update: PUT /custom_statuses/:id with the fields set', async () => {
		const result = await run(op('update', { customStatus: ref(vacation, 'id'), updateFields: { name: 'On holiday' } }));
		expect(result.output![0].json).toMatchObject({ id: vacation, name: 'On holiday', emoji: '🌴' });
		expect(sent()).toEqual([['PUT', `/custom_statuses/${vacation}`, { name: 'On holiday' }]]);
	});

	it('Delete: DELETE /custom_statuses/:id (the page’s plural path); outputs deleted: true', async () => {
		const result = await run(op('delete', { customStatus: ref(vacation) }));
		expect(pairs(result)).toEqual([[{ deleted: true, id: vacation }, 0]]);
		expect(sent()).toEqual([['DELETE', `/custom_statuses/${vacation}`, null]]);
		expect(sandbox.get().state.account.customStatuses.map((status) => status.id)).not.toContain(vacation);
	});

	it('Delete of an unknown status: the 404, named', async () => {
		const result = await run(op('delete', { customStatus: ref('0000-missing', 'id') }), [{}], { continueOnFail: true });
		expect(result.output![0].json).toMatchObject({ httpCode: '404', description: expect.stringContaining('Custom status not found') });
	});
});
