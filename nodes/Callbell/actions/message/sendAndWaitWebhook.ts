import type { IDataObject, IExecuteFunctions, IWebhookFunctions, IWebhookResponseData, IWebhookDescription } from 'n8n-workflow';

import type { FormField } from './helpers/responseForm';
import { FREE_TEXT_FIELD, readFormAnswer, toFormFields, toJsonFormFields } from './helpers/responseForm';
import { approvalPage, formPage, PAGE_HEADERS, recordedPage } from './helpers/responsePages';
import { answerLinks, toResponseType } from './helpers/sendAndWaitMessage';

/**
 * The waiting webhooks of Message → Send and Wait for Response, as n8n's own messaging nodes
 * declare them: GET and POST on the node's id, called only while an execution waits on the node.
 * n8n checks the link's signature before `webhook()` runs (401 when tampered) and answers a link of
 * a finished execution with its own "no action required" page.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

type ParameterReader = (name: string, fallback: unknown) => unknown;

/** The Custom Form's fields (Form Elements or JSON), checked; from execute() before sending, and from the webhook. */
export function readResponseForm(this: IExecuteFunctions | IWebhookFunctions): FormField[] {
	const get: ParameterReader =
		'getInputData' in this
			? (name, fallback) => (this as IExecuteFunctions).getNodeParameter(name, 0, fallback)
			: (name, fallback) => (this as IWebhookFunctions).getNodeParameter(name, fallback);
	if (get('defineForm', 'fields') === 'json') return toJsonFormFields('Form Fields', get('jsonOutput', '[]'));
	return toFormFields('Form Elements', get('formFields.values', []));
}

/** One answer: the page sent by us, the answer handed to n8n to resume the execution. */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const reply = (status: number, html: string): void => {
		response.status(status).set(PAGE_HEADERS).send(html);
	};
	const responseType = toResponseType(this.getNodeParameter('responseType', 'approval'));
	const message = String(this.getNodeParameter('message', '') ?? '');
	const options = this.getNodeParameter('responseOptions', {}) as IDataObject;
	const respondedAt = () => new Date().toISOString();

	if (responseType === 'approval') {
		// Opening the link only shows the question: a link preview (WhatsApp fetches one) answers nothing.
		const approved = request.query?.approved === 'true';
		if (request.method !== 'POST') {
			const links = answerLinks('approval', this.getNodeParameter('approvalOptions.values', {}) as IDataObject, undefined);
			const link = links.find((entry) => entry.query.approved === String(approved)) ?? links[0];
			reply(200, approvalPage(message, approved, link.label));
			return { noWebhookResponse: true };
		}
		reply(200, recordedPage());
		return { noWebhookResponse: true, workflowData: [[{ json: { data: { approved, respondedAt: respondedAt() } } }]] };
	}

	const fields = responseType === 'freeText' ? [FREE_TEXT_FIELD] : readResponseForm.call(this);
	const page = {
		title: typeof options.responseFormTitle === 'string' ? options.responseFormTitle : '',
		description: typeof options.responseFormDescription === 'string' && options.responseFormDescription.trim() ? options.responseFormDescription : message,
		buttonLabel: typeof options.responseFormButtonLabel === 'string' && options.responseFormButtonLabel.trim() ? options.responseFormButtonLabel : 'Submit',
		fields,
	};
	if (request.method !== 'POST') {
		reply(200, formPage(page));
		return { noWebhookResponse: true };
	}
	// multipart/form-data arrives as { data: fields, files }, a urlencoded body as the fields.
	const raw = this.getBodyData() ?? {};
	const body = typeof raw.data === 'object' && raw.data !== null && !Array.isArray(raw.data) ? (raw.data as IDataObject) : raw;
	const answer = readFormAnswer(fields, body);
	if (!answer.ok) {
		// Nothing is recorded: the form comes back with each problem under its field.
		reply(400, formPage({ ...page, errors: answer.errors, given: body }));
		return { noWebhookResponse: true };
	}
	const data = responseType === 'freeText' ? { text: answer.data[FREE_TEXT_FIELD.label] } : answer.data;
	reply(200, recordedPage());
	return { noWebhookResponse: true, workflowData: [[{ json: { data: { ...data, respondedAt: respondedAt() } } }]] };
}
