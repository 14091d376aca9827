import { idLocator } from '../locators';

/** The Custom Status picker: From List (`GET /custom_statuses`) or By ID. */
export const customStatusLocator = idLocator({
	displayName: 'Custom Status',
	name: 'customStatus',
	description: 'The custom status (an agent presence label such as "Lunch")',
	searchListMethod: 'searchCustomStatuses',
	placeholder: 'e.g. ff0f96b9-b003-4d0c-b14f-27f3f6868dd6',
	idLabel: 'A custom status ID',
	listPlaceholder: 'Select a custom status...',
});

/** The request path of one custom status; the id is encoded so it cannot leave the path. */
export const customStatusPath = (id: string) => `/custom_statuses/${encodeURIComponent(id)}`;
