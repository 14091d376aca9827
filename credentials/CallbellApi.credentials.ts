import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class CallbellApi implements ICredentialType {
	name = 'callbellApi';

	displayName = 'Callbell API';

	icon: Icon = { light: 'file:../icons/callbell.svg', dark: 'file:../icons/callbell.dark.svg' };

	documentationUrl = 'https://docs.callbell.eu/api/reference/authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The API key from Callbell → Settings → API settings → Keys. It is shown only once, when the key is created.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.callbell.eu/v1',
			placeholder: 'e.g. https://api.callbell.eu/v1',
			description:
				'Leave the default for Callbell. Change it only to go through a proxy or to use the local Callbell sandbox (e.g. http://127.0.0.1:4010/v1). A trailing slash is ignored.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional, used by the Callbell Trigger only. The secret from Callbell → Settings → API → Webhooks → Generate secret (it starts with whsec_). When set, deliveries without a valid X-Callbell-Signature are refused with 401.',
		},
	];

	/**
	 * Adds `Authorization: Bearer <API Token>` to every request, the credential test's included. A
	 * function rather than n8n's generic `=Bearer {{$credentials.apiToken}}` block: n8n evaluates
	 * that expression for every request, which cost 0.58 ms of CPU per item (bench/RESULTS.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/auth/me',
			method: 'GET',
		},
		// What n8n's credential dialog shows instead of the bare HTTP status text.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Callbell refused the API token (401 Unauthorized). Copy a key from Callbell → Settings → API settings → Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Callbell API at this Base URL (404 on /auth/me). For Callbell, use https://api.callbell.eu/v1.',
				},
			},
		],
	};
}
