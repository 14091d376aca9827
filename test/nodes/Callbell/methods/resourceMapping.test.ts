import { callResourceMapping } from '../../../harness/loadOptions';
import { requestsTo, SEED, useSandbox } from '../../../harness/sandbox';
import { startStubServer } from '../../../support/stubServer';

const sandbox = useSandbox();

describe('Custom Fields (From Account), as n8n’s editor loads it', () => {
	it('lists the account’s fields with n8n types, dropdown options and checkbox choices', async () => {
		const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: SEED.token, baseUrl: sandbox.get().url });
		expect(emptyFieldsNotice).toBeUndefined();
		expect(fields.map((field) => [field.id, field.type])).toEqual([
			['Billing Address', 'string'],
			['Birthday', 'dateTime'],
			['Contact Email', 'string'],
			['Interests', 'array'],
			['Order Count', 'number'],
			['Plan', 'options'],
		]);
		expect(fields.find((field) => field.id === 'Plan')?.options?.map((option) => option.value)).toEqual(['Free', 'Pro', 'Enterprise']);
		expect(fields.find((field) => field.id === 'Interests')?.displayName).toBe(
			'Interests (Checkbox: any of Dark Mode, Notifications, Newsletter, Promotions)',
		);
		expect(fields.every((field) => !field.required && field.display)).toBe(true);
		// Fields only some contacts carry are found by reading the first three pages (60 contacts).
		expect(requestsTo(sandbox.get()).map((request) => [request.path, request.query.include_field_types])).toEqual([
			['/contacts', 'true'],
			['/contacts', 'true'],
			['/contacts', 'true'],
		]);
	});

	it('shows a notice instead of failing when the fields cannot be loaded', async () => {
		const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'wrong', baseUrl: sandbox.get().url });
		expect(fields).toEqual([]);
		expect(emptyFieldsNotice).toMatch(/could not be loaded .*Update Fields → Custom Fields/);
		expect(emptyFieldsNotice).not.toContain('wrong');
	});

	it('shows a notice when no contact carries field metadata', async () => {
		const stub = await startStubServer({ handle: () => ({ status: 200, body: { contacts: [], meta: { page: 1, pages: 0, next: null } } }) });
		try {
			const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'x', baseUrl: stub.url });
			expect(fields).toEqual([]);
			expect(emptyFieldsNotice).toMatch(/No custom fields found/);
		} finally {
			await stub.close();
		}
	});

	it('names a missing contact list in its notice', async () => {
		const stub = await startStubServer({ handle: () => ({ body: { error: 'maintenance' } }) });
		try {
			const { fields, emptyFieldsNotice } = await callResourceMapping({ apiToken: 'x', baseUrl: stub.url });
			expect(fields).toEqual([]);
			expect(emptyFieldsNotice).toMatch(/could not be loaded \(Callbell answered without a "contacts" list\)/);
		} finally {
			await stub.close();
		}
	});
});
