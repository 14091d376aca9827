import type { INodeProperties } from 'n8n-workflow';

/**
 * The user's UUID, By ID only: no documented Callbell endpoint returns user UUIDs (team members
 * come with emails), so a picker could only offer the wrong kind of ID.
 */
export const userUuidField: INodeProperties = {
	displayName: 'User UUID',
	name: 'userUuid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7d1f3c2b9a8e4f60b5c4d3e2f1a0b9c8',
	description: 'The agent’s Callbell user UUID (32 hex characters, e.g. 7d1f3c2b9a8e4f60b5c4d3e2f1a0b9c8), not the email',
	hint: 'Callbell’s API lists no user UUIDs. Ask Callbell support for it, or read it from the dashboard’s network requests (Settings → Team members); team member emails do not work here.',
};

/** The request path of a user's status; the uuid is encoded so it cannot leave the path. */
export const userStatusPath = (uuid: string) => `/users/${encodeURIComponent(uuid)}/status`;
