import type { INodeProperties } from 'n8n-workflow';

import { defineResource } from '../../../../nodes/Callbell/actions/defineResource';
import { resources } from '../../../../nodes/Callbell/actions/resources';

const resource = { name: 'Thing', value: 'thing' };
const operationField = (values: string[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	options: values.map((value) => ({ name: value, value, action: `${value} a thing` })),
	default: values[0],
});
const file = (name: string) => ({ description: [{ displayName: name, name, type: 'string', default: '' }] as INodeProperties[], execute: jest.fn() });

describe('defineResource', () => {
	test('puts the Operation field first, then each file’s fields in the order given, and maps values to execute', () => {
		const get = file('getField');
		const rename = file('renameField');
		const built = defineResource(resource, operationField(['get', 'rename']), { get, rename });
		expect(built.description.map((p) => p.name)).toEqual(['operation', 'getField', 'renameField']);
		expect(built.operations).toEqual({ get: get.execute, rename: rename.execute });
		expect(built.resource).toBe(resource);
	});

	test('refuses an option without a file and a file without an option', () => {
		expect(() => defineResource(resource, operationField(['get', 'delete']), { get: file('a') })).toThrow(
			'Resource Thing: the Operation list (delete, get) and the operation files (get) differ',
		);
		expect(() => defineResource(resource, operationField(['get']), { get: file('a'), rename: file('b') })).toThrow('differ');
	});

	test.each(resources.map((entry) => [entry.resource.name, entry] as const))('%s lists exactly the operations it runs', (_name, entry) => {
		const operation = entry.description[0];
		expect(operation.name).toBe('operation');
		const values = (operation.options ?? []).map((option) => (option as { value: string }).value);
		expect(Object.keys(entry.operations).sort()).toEqual([...values].sort());
	});
});
