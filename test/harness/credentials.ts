import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { CallbellApi } from '../../credentials/CallbellApi.credentials';

/**
 * Hands the node a decrypted Callbell credential and applies the credential's own `authenticate`
 * function, as the n8n server does (n8n-core leaves that to the server).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly credentialType = new CallbellApi();

	/** How often a credential was decrypted, over all instances (n8n's server loads it from its database each time). */
	static decryptions = 0;

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.credentialType.name || !workflow || !node) {
			throw new Error(`Unexpected credential type ${typeName}`);
		}
		// n8n's CredentialsHelper calls a function-form `authenticate` as it is.
		return await this.credentialType.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the Callbell node');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		TestCredentialsHelper.decryptions++;
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}
