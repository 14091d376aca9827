import type { IDataObject, INodeParameters } from 'n8n-workflow';

/** A resource locator value, as n8n stores it: From List or By ID. */
export function ref(value: string, mode: 'list' | 'id' = 'list'): IDataObject {
	return { __rl: true, mode, value };
}

/** Parameters of any Callbell operation. */
export function operationParameters(resource: string, operation: string, extra: IDataObject = {}): INodeParameters {
	return { resource, operation, ...extra } as INodeParameters;
}

export interface SeedChannel {
	uuid: string;
	title: string;
	type: string;
}

/** The sandbox's seeded channels, in seed order. */
export function seedChannels(channels: unknown): SeedChannel[] {
	return Object.values(channels as Record<string, SeedChannel>);
}
