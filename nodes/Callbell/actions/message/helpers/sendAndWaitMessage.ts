import { InputError } from '../../../helpers/InputError';
import { describeValue, isEmptyValue } from '../../../helpers/values';
import { toMessageText } from './messageContent';

/** Send and Wait's pure parts: the response type, the links' labels, the wait limit and the message with its links. */

export type ResponseType = 'approval' | 'freeText' | 'customForm';

export function toResponseType(value: unknown): ResponseType {
	if (value === 'approval' || value === 'freeText' || value === 'customForm') return value;
	throw new InputError('Response Type', `must be Approval, Free Text or Custom Form, got ${describeValue(value)}`);
}

export type SendAs = 'auto' | 'text' | 'template';

export function toSendAs(value: unknown): SendAs {
	if (value === 'auto' || value === 'text' || value === 'template') return value;
	throw new InputError('Send As', `must be Text or Template, got ${describeValue(value)}`);
}

/** One link of the message: what it does and the query its signed URL carries. */
export interface AnswerLink {
	label: string;
	query: Record<string, string>;
}

const label = (field: string, value: unknown, fallback: string): string => {
	if (isEmptyValue(value)) return fallback;
	if (typeof value !== 'string') throw new InputError(field, `must be text, got ${describeValue(value)}`);
	return value.trim();
};

/** The links, in the order of the message and of the template's variables: approve, then decline. */
export function answerLinks(responseType: ResponseType, approval: Record<string, unknown>, respondLabel: unknown): AnswerLink[] {
	if (responseType !== 'approval') return [{ label: label('Response Options → Message Button Label', respondLabel, 'Respond'), query: { approved: 'true' } }];
	const type = approval.approvalType ?? 'single';
	if (type !== 'single' && type !== 'double') throw new InputError('Approval Options → Type of Approval', `must be Approve Only or Approve and Decline, got ${describeValue(type)}`);
	const links = [{ label: label('Approval Options → Approve Button Label', approval.approveLabel, 'Approve'), query: { approved: 'true' } }];
	if (type === 'double') links.push({ label: label('Approval Options → Decline Button Label', approval.disapproveLabel, 'Decline'), query: { approved: 'false' } });
	return links;
}

export interface LimitWaitTime {
	limitType?: unknown;
	resumeAmount?: unknown;
	resumeUnit?: unknown;
	maxDateAndTime?: unknown;
}

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** When the wait ends without an answer; undefined for no limit. A time in the past is refused. */
export function toWaitTill(limit: LimitWaitTime | undefined, nowMs: number): Date | undefined {
	if (!limit || Object.keys(limit).length === 0) return undefined;
	const field = 'Response Options → Limit Wait Time';
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		if (!Number.isFinite(amount) || amount <= 0) throw new InputError(`${field} → Amount`, `must be a number above 0, got ${describeValue(limit.resumeAmount)}`);
		const unit = UNIT_MS[String(limit.resumeUnit ?? 'hours')];
		if (!unit) throw new InputError(`${field} → Unit`, `must be Minutes, Hours or Days, got ${describeValue(limit.resumeUnit)}`);
		return new Date(nowMs + amount * unit);
	}
	if (limit.limitType !== 'atSpecifiedTime') throw new InputError(`${field} → Limit Type`, `must be After Time Interval or At Specified Time, got ${describeValue(limit.limitType)}`);
	const given = limit.maxDateAndTime;
	const date = given instanceof Date ? given : typeof given === 'string' && given.trim() ? new Date(given) : undefined;
	if (!date || Number.isNaN(date.getTime())) throw new InputError(`${field} → Max Date and Time`, `must be a date and time, got ${describeValue(given)}`);
	if (date.getTime() <= nowMs) throw new InputError(`${field} → Max Date and Time`, `is in the past (${date.toISOString()})`, 'Nobody could answer before the wait ends: choose a later time.');
	return date;
}

/** The text message: the message, a blank line, then one "Label: link" line per link; at most WhatsApp's 4096 characters. */
export function textWithLinks(message: string, links: Array<{ label: string; url: string }>): string {
	const lines = links.map((link) => `${link.label}: ${link.url}`);
	return toMessageText('Message (with its links)', `${message}\n\n${lines.join('\n')}`);
}

/** The template's values: {{1}} the message, then one per link, in the links' order. */
export function templateValuesFor(message: string, links: Array<{ url: string }>): string[] {
	return [message, ...links.map((link) => link.url)];
}
