import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pairs, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const ben = SEED.users.ben.uuid;
const dan = SEED.users.dan.uuid;
const vacation = SEED.customStatuses.vacationing.id;

const op = (operation: string, extra: IDataObject = {}) => ({ resource: 'user', operation, ...extra }) as INodeParameters;
const ref = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const sent = () => requestsTo(sandbox.get()).map((request) => [request.method, request.path, request.body ?? null]);
const user = (uuid: string) => sandbox.get().state.account.users.find((candidate) => candidate.uuid === uuid)!;

describe('User → Set Status', () => {
	it('available + a custom status from the picker: PUT /users/:uuid/status; outputs user_status and the uuid', async () => {
		const result = await run(op('setStatus', { userUuid: ben, availability: 'available', customStatusAction: 'set', customStatus: ref(vacation) }));
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([['PUT', `/users/${ben}/status`, { available: true, custom_status_uuid: vacation }]]);
		expect(pairs(result)).toEqual([
			[{ custom_status: expect.objectContaining({ id: vacation, name: 'Vacationing' }), appearance: expect.objectContaining({ available: true }), userUuid: ben }, 0],
		]);
		expect(user(ben)).toMatchObject({ available: true, userCustomStatus: { id: vacation } });
	});

	it('Away, custom status unchanged: sends only available: false', async () => {
		await run(op('setStatus', { userUuid: dan, availability: 'away' }));
		expect(sent()).toEqual([['PUT', `/users/${dan}/status`, { available: false }]]);
		expect(user(dan).userCustomStatus).toMatchObject({ name: 'Lunch' });
	});

	it('Clear: sends custom_status_uuid null (availability left unchanged)', async () => {
		const result = await run(op('setStatus', { userUuid: dan, availability: 'unchanged', customStatusAction: 'clear' }));
		expect(sent()).toEqual([['PUT', `/users/${dan}/status`, { custom_status_uuid: null }]]);
		expect(result.output![0].json.custom_status).toBeNull();
		expect(user(dan).userCustomStatus).toBeUndefined();
	});

	it('an unknown user: Callbell’s 404', async () => {
		const result = await run(op('setStatus', { userUuid: '0123456789abcdef0123456789abcdef', availability: 'away' }), [{}], { continueOnFail: true });
		expect(result.output![0].json).toMatchObject({ httpCode: '404', description: expect.stringContaining('User not found') });
	});
});

describe('User → Clear Custom Status', () => {
	it('DELETE /users/:uuid/status; outputs cleared: true', async () => {
		const result = await run(op('clearCustomStatus', { userUuid: ` ${dan} ` }));
		expect(pairs(result)).toEqual([[{ cleared: true, userUuid: dan }, 0]]);
		expect(sent()).toEqual([['DELETE', `/users/${dan}/status`, null]]);
		expect(user(dan).userCustomStatus).toBeUndefined();
	});
});
