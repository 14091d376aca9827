import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Callbell } from '../../../../nodes/Callbell/Callbell.node';

/**
 * What an AI agent's model (and a person writing a `$fromAI()` description) reads about each value:
 * every operation's action text, and every field a value can be typed into — text, numbers,
 * booleans, JSON, dates, pickers (resource locators, lists loaded from Callbell) and the fields
 * inside collections — of every resource and operation, read from the node's description as n8n
 * loads it.
 */

const description = new Callbell().description;

/** Types a value (or an expression such as `$fromAI()`) can be typed into. */
const FILLABLE = new Set(['string', 'number', 'boolean', 'json', 'dateTime', 'resourceLocator']);

/** A field whose value has a format a model can get wrong: it must show an example ("e.g. …"). */
const FORMAT_WORDS = /phone|uuid|\bids?\b|email|date|url|bsuid|identifier/i;

interface Field {
	where: string;
	property: INodeProperties;
}

const isDynamicOptions = (property: INodeProperties) => property.type === 'options' && Boolean(property.typeOptions?.loadOptionsMethod);

/** Every fillable field, with where it is (resource/operation › path), collections and fixed collections opened. */
function fillableFields(): Field[] {
	const fields: Field[] = [];
	const visit = (property: INodeProperties, where: string) => {
		if (property.type === 'collection') {
			for (const child of (property.options ?? []) as INodeProperties[]) visit(child, `${where} › ${child.displayName}`);
			return;
		}
		if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				for (const child of group.values) visit(child, `${where} › ${group.displayName} › ${child.displayName}`);
			}
			return;
		}
		if (FILLABLE.has(property.type) || isDynamicOptions(property)) fields.push({ where, property });
	};
	for (const property of description.properties) {
		if (property.name === 'resource' || property.name === 'operation') continue;
		const show = property.displayOptions?.show ?? {};
		const place = `${(show.resource ?? ['*']).join(',')}/${(show.operation ?? ['*']).join(',')}`;
		visit(property, `${place} › ${property.displayName}`);
	}
	return fields;
}

/** Whether the field's value has a format: a phone number, an ID, an email, a date, a URL. */
function bearsFormat(property: INodeProperties): boolean {
	if (property.type === 'resourceLocator' || property.type === 'dateTime' || isDynamicOptions(property)) return true;
	return FORMAT_WORDS.test(`${property.name} ${property.displayName}`);
}

const operations = description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		((property.options ?? []) as INodePropertyOptions[]).map((option) => ({ resource: String(property.displayOptions?.show?.resource), option })),
	);

describe('descriptions a model fills well', () => {
	it('finds the fields it checks (the walk reaches every resource and the fields inside collections)', () => {
		const fields = fillableFields();
		expect(fields.length).toBeGreaterThan(80);
		const where = fields.map((field) => field.where);
		expect(where).toEqual(expect.arrayContaining(['message/send › Phone Number', 'message/send › Additional Fields › Metadata › Pair › Key']));
		expect(new Set(operations.map((entry) => entry.resource)).size).toBe(
			description.properties.find((property) => property.name === 'resource')?.options?.length,
		);
	});

	it('every operation has an action text (the tool’s description for a model) and a description', () => {
		const problems = operations
			.filter(({ option }) => !/^[A-Z][a-z]+ [a-z]/.test(String(option.action ?? '')) || String(option.description ?? '').trim().length < 10)
			.map(({ resource, option }) => `${resource}/${option.value}: action ${JSON.stringify(option.action)}, description ${JSON.stringify(option.description)}`);
		expect(problems).toEqual([]);
	});

	it('every fillable field says what its value is', () => {
		const problems = fillableFields()
			.filter(({ property }) => String(property.description ?? '').trim().length < 15)
			.map(({ where, property }) => `${where}: ${JSON.stringify(property.description ?? null)}`);
		expect(problems).toEqual([]);
	});

	it('every field whose value has a format (phone number, ID, email, date, URL) shows an example', () => {
		const problems = fillableFields()
			.filter(({ property }) => bearsFormat(property) && !/\be\.g\. \S/.test(String(property.description ?? '')))
			.map(({ where, property }) => `${where}: ${JSON.stringify(property.description ?? null)}`);
		expect(problems).toEqual([]);
	});

	it('booleans say "Whether …" (n8n’s convention, and a yes/no question a model can answer)', () => {
		const problems = fillableFields()
			.filter(({ property }) => property.type === 'boolean' && !String(property.description ?? '').startsWith('Whether '))
			.map(({ where }) => where);
		expect(problems).toEqual([]);
	});
});
