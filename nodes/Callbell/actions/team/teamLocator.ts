import { idLocator } from '../common.descriptions';

/** The Team picker of the Team operations: From List (`GET /teams`) or By ID. */
export const teamLocator = idLocator({
	displayName: 'Team',
	name: 'team',
	description: 'The Callbell team: By ID its ID (32 hex characters, e.g. 4c1b5e9d2a7f4e0b8c3d6a9f1e2b7c40)',
	searchListMethod: 'searchTeams',
	placeholder: 'e.g. 4c1b5e9d2a7f4e0b8c3d6a9f1e2b7c40',
	idLabel: 'A team ID',
	listPlaceholder: 'Select a team...',
});
