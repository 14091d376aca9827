import { contactOperation, contactRef, sandboxRunner } from '../../../../harness/contact';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const barbara = { uuid: SEED.contacts.barbara.uuid, bsuid: SEED.bsuids.barbara };

describe('Contact locator By BSUID', () => {
	it('Get: GET /contacts/bsuid/:bsuid, then the contact', async () => {
		const result = await run(contactOperation('get', contactRef(` ${barbara.bsuid} `, 'bsuid')));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox.get()).map((request) => request.path)).toEqual([`/contacts/bsuid/${barbara.bsuid}`, `/contacts/${barbara.uuid}`]);
		expect(result.output![0].json).toMatchObject({ uuid: barbara.uuid, bsuid: barbara.bsuid });
	});

	it('Update By BSUID patches the contact found', async () => {
		const result = await run(contactOperation('update', contactRef('bsuid_radia_perlman_01', 'bsuid'), { updateFields: { name: 'Radia P.' } }));
		expect(result.output![0].json).toMatchObject({ uuid: SEED.contacts.radia.uuid, name: 'Radia P.' });
	});

	it('Delete By BSUID', async () => {
		const result = await run(contactOperation('delete', contactRef(barbara.bsuid, 'bsuid')));
		expect(result.output![0].json).toEqual({ deleted: true, uuid: barbara.uuid });
	});

	it('an unknown BSUID: a clear error naming it', async () => {
		const result = await run(contactOperation('get', contactRef('US.000', 'bsuid')), [{}], { continueOnFail: true });
		expect(result.output![0].json.error).toBe('No Callbell contact has the BSUID "US.000" [item 0]');
	});
});
