import type { FormField } from './responseForm';
import { inputName } from './responseForm';

/**
 * The pages a Send and Wait link opens: small, accessible HTML (one heading, labelled inputs,
 * error text tied to its field, visible focus), every value escaped. No script. Each form posts
 * back to the page's own (signed) address: an empty `action` keeps its query string.
 */

export function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** What the pages are sent with: nothing may load, run or frame them; forms post only to this server. */
export const PAGE_HEADERS = {
	'Content-Type': 'text/html; charset=utf-8',
	'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	'Cache-Control': 'no-store',
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff',
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1f2328}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #d0d7de}
h1{font-size:1.4rem;margin-top:0}.message{white-space:pre-wrap;border-left:4px solid #2f6feb;padding-left:.75rem}
label,legend{display:block;font-weight:600;margin-top:1rem}input,textarea,select{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #57606a;border-radius:6px}
fieldset{border:0;padding:0;margin:0}fieldset label{font-weight:400;margin-top:.25rem}fieldset input{width:auto;margin-right:.5rem}
button{font:inherit;margin-top:1.25rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#1f6feb;color:#fff;cursor:pointer}
button.decline{background:#b42318}:focus-visible{outline:3px solid #0a3069;outline-offset:2px}.error{color:#b42318;margin:.25rem 0 0}`;

function page(title: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const messageBlock = (message: string) => (message.trim() ? `<p class="message">${escapeHtml(message)}</p>` : '');

/** The approval link's page: the message and one button that records the answer (a GET records nothing, so link previews cannot answer). */
export function approvalPage(message: string, approved: boolean, label: string): string {
	const title = approved ? 'Confirm your approval' : 'Confirm that you decline';
	return page(
		title,
		`<h1>${escapeHtml(title)}</h1>${messageBlock(message)}<form method="post"><button type="submit"${approved ? '' : ' class="decline"'}>${escapeHtml(label)}</button></form>`,
	);
}

function fieldHtml(field: FormField, index: number, error: string | undefined, given: unknown): string {
	const id = inputName(index);
	const errorId = `${id}-error`;
	const described = error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
	const required = field.required ? ' required' : '';
	const mark = field.required ? ' <span aria-hidden="true">*</span>' : '';
	const errorHtml = error ? `<p class="error" id="${errorId}">${escapeHtml(error)}</p>` : '';
	const value = typeof given === 'string' ? given : '';
	const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
	if (field.type === 'checkbox' || field.type === 'radio') {
		const chosen = Array.isArray(given) ? given : [given];
		const inputs = field.options!.map((option, position) => {
			const optionId = `${id}-${position}`;
			const checked = chosen.includes(option) ? ' checked' : '';
			const each = field.type === 'radio' ? required : '';
			return `<label for="${optionId}"><input type="${field.type}" id="${optionId}" name="${id}" value="${escapeHtml(option)}"${checked}${each}>${escapeHtml(option)}</label>`;
		});
		return `<fieldset${described}><legend>${escapeHtml(field.label)}${mark}</legend>${inputs.join('')}</fieldset>${errorHtml}`;
	}
	const label = `<label for="${id}">${escapeHtml(field.label)}${mark}</label>`;
	if (field.type === 'textarea') {
		return `${label}<textarea id="${id}" name="${id}" rows="5"${placeholder}${required}${described}>${escapeHtml(value)}</textarea>${errorHtml}`;
	}
	if (field.type === 'dropdown') {
		const options = field.options!.map((option) => `<option value="${escapeHtml(option)}"${option === value ? ' selected' : ''}>${escapeHtml(option)}</option>`);
		return `${label}<select id="${id}" name="${id}"${required}${described}><option value="">Choose…</option>${options.join('')}</select>${errorHtml}`;
	}
	const type = field.type === 'number' ? 'number" step="any' : field.type;
	return `${label}<input type="${type}" id="${id}" name="${id}" value="${escapeHtml(value)}"${placeholder}${required}${described}>${errorHtml}`;
}

export interface FormPage {
	title: string;
	description: string;
	buttonLabel: string;
	fields: FormField[];
	errors?: Record<number, string>;
	given?: Record<string, unknown>;
}

/**
 * The Free Text and Custom Form page; shown again with each problem under its field. It posts
 * multipart/form-data: n8n 2.41 refuses anything else for a Custom Form (415), and every version parses it.
 */
export function formPage({ title, description, buttonLabel, fields, errors = {}, given = {} }: FormPage): string {
	const heading = title.trim() || 'Your answer';
	const summary = Object.keys(errors).length ? '<p class="error" role="alert">Nothing was recorded yet: please correct the fields marked below.</p>' : '';
	const inputs = fields.map((field, index) => fieldHtml(field, index, errors[index], given[inputName(index)])).join('');
	return page(heading, `<h1>${escapeHtml(heading)}</h1>${messageBlock(description)}${summary}<form method="post" enctype="multipart/form-data">${inputs}<button type="submit">${escapeHtml(buttonLabel)}</button></form>`);
}

/** After an answer was recorded. */
export function recordedPage(): string {
	return page('Answer recorded', '<h1>Thank you, your answer was recorded</h1><p>You can close this page.</p>');
}
