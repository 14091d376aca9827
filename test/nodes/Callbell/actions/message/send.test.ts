import type { IDataObject } from 'n8n-workflow';

import { description } from '../../../../../nodes/Callbell/actions/message/send.operation';
import { contactRef, pairs, sandboxRunner } from '../../../../harness/contact';
import { operationParameters, ref } from '../../../../harness/messages';
import { requestsTo, SEED, useSandbox } from '../../../../harness/sandbox';
import { startStubServer } from '../../../../support/stubServer';

const sandbox = useSandbox();
const run = sandboxRunner(sandbox);
const main = SEED.channels.whatsapp.uuid;
const T = SEED.templates;
const ADA_PHONE = '+447700900001';

const send = (extra: IDataObject = {}) => operationParameters('message', 'send', { sendTo: 'phone', phoneNumber: '={{ $json.phone }}', ...extra });
const text = (extra: IDataObject = {}) => send({ messageType: 'text', text: '={{ $json.text }}', ...extra });
const template = (uuid: string, values: string[], extra: IDataObject = {}) =>
	send({ messageType: 'template', template: ref(uuid), templateValues: { values: values.map((value) => ({ value })) }, optIn: true, ...extra });
const posts = () => requestsTo(sandbox.get(), 'POST').map((request) => request.body as IDataObject);
const calls = () => requestsTo(sandbox.get()).map((request) => `${request.method} ${request.path}`);

describe('Message → Send through n8n’s engine against the sandbox', () => {
	it('says in the UI that a send is never repeated and explains the 24-hour window', () => {
		const notice = description.find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/never sent twice/);
		expect(notice?.displayName).toMatch(/may have been sent/);
		expect(notice?.displayName).toMatch(/24 hours/);
		const optIn = description.find((property) => property.name === 'optIn');
		expect(optIn?.description).toMatch(/^Whether the contact agreed to receive WhatsApp templates from you/);
	});

	it('a text to a phone number: normalised, from the main channel, channel_uuid and from always sent', async () => {
		const result = await run(text(), [{ phone: '0044 7700-900.001', text: 'Your order has shipped' }]);
		expect(result.error).toBeUndefined();
		expect(posts()).toEqual([{ to: ADA_PHONE, from: 'whatsapp', channel_uuid: main, type: 'text', content: { text: 'Your order has shipped' } }]);
		expect(calls()).toEqual(['GET /channels', 'POST /messages/send']);
		const [[message, item]] = pairs(result);
		expect(item).toBe(0);
		expect(message).toEqual({ uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued' });
	});

	it('an approved template to several contacts: the template and channels read once, one POST per item', async () => {
		const items = [
			{ phone: '+44 7700 900001', name: 'Ada', order: 'A-1', day: 'Friday' },
			{ phone: '+1 202 555 0102', name: 'Grace', order: 'A-2', day: 'Monday' },
			{ phone: '+39 333 123 4567', name: 'Giulia', order: 'A-3', day: 'Tuesday' },
		];
		const result = await run(
			template(T.orderShipped.uuid, ['={{ $json.name }}', '={{ $json.order }}', '={{ $json.day }}'], {
				additionalFields: { returnContactAndConversation: true, metadata: { pair: [{ key: 'orderId', value: '={{ $json.order }}' }] } },
			}),
			items,
		);
		expect(result.error).toBeUndefined();
		// The sandbox lists 5 templates a page: the list is read once, page by page.
		expect(calls().sort()).toEqual(['GET /channels', 'GET /templates', 'GET /templates', 'POST /messages/send', 'POST /messages/send', 'POST /messages/send']);
		expect(requestsTo(sandbox.get(), 'GET').filter((request) => request.path === '/templates').map((request) => request.query.page)).toEqual(['1', '2']);
		expect(posts().sort((a, b) => String(a.to).localeCompare(String(b.to)))).toEqual(
			[...items]
				.sort((a, b) => a.phone.replace(/\D/g, '').localeCompare(b.phone.replace(/\D/g, '')))
				.map((entry) => ({
					to: `+${entry.phone.replace(/\D/g, '')}`,
					from: 'whatsapp',
					channel_uuid: main,
					type: 'text',
					content: { text: entry.name },
					template_uuid: T.orderShipped.uuid,
					optin_contact: true,
					template_values: [entry.name, entry.order, entry.day],
					metadata: { orderId: entry.order },
					fields: 'contact,conversation',
				})),
		);
		const output = pairs(result);
		expect(output.map(([, item]) => item)).toEqual([0, 1, 2]);
		for (const [message] of output) {
			expect(message).toEqual(expect.objectContaining({ uuid: expect.any(String), status: 'enqueued', contact: expect.any(Object), conversation: expect.any(Object) }));
		}
		expect((output[0][0].contact as IDataObject).uuid).toBe(SEED.contacts.ada.uuid);
	});

	it('a one-variable template puts its value in content.text; a media template sends its URL', async () => {
		await run(template(T.appointment.uuid, ['3 May, 10:00']), [{ phone: ADA_PHONE }]);
		await run(template(T.brochure.uuid, ['Ada'], { mediaUrl: 'https://example.com/brochure.pdf' }), [{ phone: ADA_PHONE }]);
		await run(template(T.welcome.uuid, []), [{ phone: ADA_PHONE }]);
		expect(posts().map(({ type, content, template_values }) => ({ type, content, template_values }))).toEqual([
			{ type: 'text', content: { text: '3 May, 10:00' }, template_values: undefined },
			{ type: 'document', content: { url: 'https://example.com/brochure.pdf', text: 'Ada' }, template_values: undefined },
			{ type: 'text', content: { text: expect.stringMatching(/^Welcome/) }, template_values: undefined },
		]);
	});

	it('one Template Value holding a list fills every variable', async () => {
		const parameters = send({
			messageType: 'template',
			template: ref(T.orderShipped.uuid),
			templateValues: { values: [{ value: '={{ $json.values }}' }] },
			optIn: true,
		});
		const result = await run(parameters, [{ phone: ADA_PHONE, values: ['Ada', 'A-9', 'today'] }]);
		expect(result.error).toBeUndefined();
		expect(posts()[0].template_values).toEqual(['Ada', 'A-9', 'today']);
	});

	it('media: an image with its caption, audio and video as their own types, a document', async () => {
		const media = (messageType: string, extra: IDataObject = {}) => send({ messageType, mediaUrl: '={{ $json.url }}', ...extra });
		await run(media('image', { caption: 'Your ticket' }), [{ phone: ADA_PHONE, url: 'https://example.com/t.png' }]);
		await run(media('audio'), [{ phone: ADA_PHONE, url: 'https://example.com/a.ogg' }]);
		await run(media('video'), [{ phone: ADA_PHONE, url: 'https://example.com/v.mp4' }]);
		await run(media('document'), [{ phone: ADA_PHONE, url: 'http://example.com/d.pdf' }]);
		expect(posts().map(({ type, content }) => [type, content])).toEqual([
			['image', { url: 'https://example.com/t.png', text: 'Your ticket' }],
			['audio', { url: 'https://example.com/a.ogg' }],
			['video', { url: 'https://example.com/v.mp4' }],
			['document', { url: 'http://example.com/d.pdf' }],
		]);
	});

	it('to a Contact: its number and its own channel', async () => {
		const result = await run(
			operationParameters('message', 'send', { sendTo: 'contact', contact: contactRef(SEED.contacts.ada.uuid), messageType: 'text', text: 'Hello Ada' }),
		);
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([`GET /contacts/${SEED.contacts.ada.uuid}`, 'GET /channels', 'POST /messages/send']);
		expect(posts()[0]).toEqual(expect.objectContaining({ to: SEED.contacts.ada.phoneNumber, channel_uuid: main, from: 'whatsapp' }));
	});

	it('to a Contact without a phone number or BSUID (Instagram): refused, nothing sent', async () => {
		const katherine = SEED.contacts.katherine.uuid;
		const result = await run(operationParameters('message', 'send', { sendTo: 'contact', contact: contactRef(katherine), messageType: 'text', text: 'Hi' }));
		expect(result.error?.message).toBe(`The contact ${katherine} has neither a phone number nor a BSUID [item 0]`);
		expect(result.error?.description).toMatch(/^Nothing was sent/);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(0);
	});

	it('to a BSUID', async () => {
		const bsuid = SEED.bsuids.radia as string;
		const result = await run(operationParameters('message', 'send', { sendTo: 'bsuid', bsuid, messageType: 'template', template: ref(T.welcome.uuid), optIn: true }));
		expect(result.error).toBeUndefined();
		expect(posts()[0]).toEqual(expect.objectContaining({ bsuid, channel_uuid: main, from: 'whatsapp', template_uuid: T.welcome.uuid }));
		expect(posts()[0].to).toBeUndefined();
	});

	it('from a chosen channel (whose 24-hour window a customer message opened), with the assignment, team and bot status', async () => {
		sandbox.get().inbound({ phone: ADA_PHONE, channel_uuid: SEED.channels.whatsappSales.uuid, text: 'Hello sales' });
		const result = await run(
			text({
				channel: ref(SEED.channels.whatsappSales.uuid, 'id'),
				additionalFields: { assignedUser: 'ben.agent@example.com', teamUuid: SEED.teams.support.uuid, botStatus: 'bot_end' },
			}),
			[{ phone: ADA_PHONE, text: 'Hi' }],
		);
		expect(result.error).toBeUndefined();
		expect(posts()[0]).toEqual({
			to: ADA_PHONE,
			from: 'whatsapp',
			channel_uuid: SEED.channels.whatsappSales.uuid,
			type: 'text',
			content: { text: 'Hi' },
			assigned_user: 'ben.agent@example.com',
			team_uuid: SEED.teams.support.uuid,
			bot_status: 'bot_end',
		});
	});

	it('outside the 24-hour window: Callbell refuses, and the error says to send an approved template', async () => {
		const result = await run(text(), [{ phone: SEED.contacts.grace.phoneNumber, text: 'Hi Grace' }], { continueOnFail: true });
		const [[json, item]] = pairs(result);
		expect(item).toBe(0);
		expect(json.httpCode).toBe('422');
		expect(json.description).toMatch(/24-hour window/);
		expect(json.description).toMatch(/send an approved template instead \(Message Type: Template\)/);
	});

	it('a 5xx: sent once, never again, and the item says the message may have been sent', async () => {
		sandbox.get().setFaults({ rate5xx: 1, paths: '^/messages/send' });
		const result = await run(text({ options: { maxRetries: 3 } }), [{ phone: ADA_PHONE, text: 'Hi' }], { continueOnFail: true });
		const [[json]] = pairs(result);
		expect(json.error).toMatch(/^The message may have been sent, so it was not sent again; do not resend it before checking the conversation \(Callbell answered 50[023], which does not say whether it was carried out\)$/);
		expect(String(json.description)).toMatch(/^Check the contact’s conversation in Callbell \(or Contact → Get Messages/);
		expect(String(json.description)).not.toMatch(/may already have taken effect/);
		expect(`${json.error} ${json.description}`).not.toMatch(/retry/i);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
	});

	it('a 502 after Callbell sent the message: stored once, never sent again, and the item says it may have been sent', async () => {
		sandbox.get().setFaults({ rate5xx: 1, appliedShare: 1, paths: '^/messages/send' });
		const result = await run(text({ options: { maxRetries: 5 } }), [{ phone: ADA_PHONE, text: 'Sent, answer lost' }], { continueOnFail: true });
		const [[json]] = pairs(result);
		expect(json.error).toMatch(/^The message may have been sent, so it was not sent again; do not resend it before checking the conversation \(Callbell answered 50[023]/);
		expect(String(json.description)).toMatch(/^Check the contact’s conversation/);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
		const sent = [...(sandbox.get().state as unknown as { sent: Map<string, { item: { text: string } }> }).sent.values()];
		expect(sent.map((message) => message.item.text)).toEqual(['Sent, answer lost']);
	});

	it('a timeout: sent once, and the item says the message may have been sent', async () => {
		sandbox.get().setFaults({ rateTimeout: 1, timeoutMs: 3000, paths: '^/messages/send' });
		const result = await run(text({ options: { maxRetries: 3, timeout: 500 } }), [{ phone: ADA_PHONE, text: 'Hi' }], { continueOnFail: true });
		const [[json]] = pairs(result);
		expect(json.httpCode).toBe('ECONNABORTED');
		expect(json.error).toBe('The message may have been sent, so it was not sent again; do not resend it before checking the conversation (no answer came within the 0.5 s timeout)');
		expect(String(json.description)).toMatch(/^Check the contact’s conversation/);
		expect(`${json.error} ${json.description}`).not.toMatch(/retry/i);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
	});

	it('a 429 is retried: the message is sent once', async () => {
		let refused = 0;
		const stub = await startStubServer({
			target: sandbox.get().url,
			handle: (request) => (request.method === 'POST' && refused++ < 2 ? { status: 429, body: { error: 'Too Many Requests' } } : undefined),
		});
		try {
			const result = await run(text({ options: { maxRetries: 5 } }), [{ phone: ADA_PHONE, text: 'Hi' }], { baseUrl: stub.url });
			expect(result.error).toBeUndefined();
			expect(refused).toBe(3);
			expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
			expect(result.output?.[0].json.status).toBe('enqueued');
		} finally {
			await stub.close();
		}
	});

	it('a failed read of the template list fails only the items waiting for it; the next item reads again', async () => {
		let refused = 0;
		const stub = await startStubServer({
			target: sandbox.get().url,
			handle: (request) => (request.path === '/templates' && refused++ === 0 ? { status: 500, body: { error: 'Boom' } } : undefined),
		});
		try {
			const parameters = template(T.appointment.uuid, ['today'], { options: { maxRetries: 0, concurrency: 1 } });
			const result = await run(parameters, [{ phone: ADA_PHONE }, { phone: ADA_PHONE }], { baseUrl: stub.url, continueOnFail: true });
			expect(pairs(result).map(([json, item]) => [json.httpCode ?? json.status, item])).toEqual([
				['500', 0],
				['enqueued', 1],
			]);
			expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(1);
		} finally {
			await stub.close();
		}
	});

	it('refuses before sending: an unknown template, a deactivated channel, an unknown channel', async () => {
		const unknown = '0123456789abcdef0123456789abcdef';
		const a = await run(template(unknown, []), [{ phone: ADA_PHONE }]);
		expect(a.error?.message).toBe(`Template "${unknown}" is not one of the account’s templates [item 0]`);
		const b = await run(text({ channel: ref(SEED.channels.whatsappOld.uuid, 'id') }), [{ phone: ADA_PHONE, text: 'Hi' }]);
		expect(b.error?.message).toBe('Channel "WhatsApp · Old number" is deactivated [item 0]');
		const c = await run(text({ channel: ref(unknown, 'id') }), [{ phone: ADA_PHONE, text: 'Hi' }]);
		expect(c.error?.message).toBe(`Channel "${unknown}" is not one of the account’s channels [item 0]`);
		expect(requestsTo(sandbox.get(), 'POST')).toHaveLength(0);
	});
});
