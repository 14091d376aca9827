import { buildTemplateSend } from '../../../../../../nodes/Callbell/helpers/templates';
import { buildSendBody, buildSendExtras, checkMessage } from '../../../../../../nodes/Callbell/actions/message/helpers/messageSend';

const channel = { uuid: 'c1', source: 'whatsapp' };
const approved = { uuid: 't2', title: 'Two', text: '{{1}} and {{2}}', templateType: 'text', status: 'approved' };

describe('checkMessage', () => {
	it('text, media, image caption, template', () => {
		expect(checkMessage({ messageType: 'text', text: 'Hi' })).toEqual({ kind: 'text', text: 'Hi' });
		expect(checkMessage({ messageType: 'document', mediaUrl: 'https://e.com/a.pdf', caption: 'ignored' })).toEqual({
			kind: 'media',
			type: 'document',
			url: 'https://e.com/a.pdf',
		});
		expect(checkMessage({ messageType: 'image', mediaUrl: 'https://e.com/a.png', caption: 'Look' })).toEqual({
			kind: 'media',
			type: 'image',
			url: 'https://e.com/a.png',
			caption: 'Look',
		});
		expect(checkMessage({ messageType: 'template', optIn: true, templateValues: { values: [{ value: 'a' }] } })).toEqual({
			kind: 'template',
			values: ['a'],
		});
	});
	it('a template needs the opt-in', () => {
		expect(() => checkMessage({ messageType: 'template', optIn: false })).toThrow('Opt-in Confirmation must be on to send a template');
		expect(() => checkMessage({ messageType: 'template', optIn: 'yes' })).toThrow('Opt-in Confirmation must be true or false');
	});
	it('refuses an unknown type', () => expect(() => checkMessage({ messageType: 'sticker' })).toThrow(/^Message Type must be/));
});

describe('buildSendExtras', () => {
	it('maps every additional field', () => {
		expect(
			buildSendExtras({
				assignedUser: 'ada.agent@example.com',
				teamUuid: 'team1',
				botStatus: 'bot_end',
				metadata: { pair: [{ key: 'order', value: 'A-1' }] },
				returnContactAndConversation: true,
			}),
		).toEqual({ assigned_user: 'ada.agent@example.com', team_uuid: 'team1', bot_status: 'bot_end', metadata: { order: 'A-1' }, fields: 'contact,conversation' });
		expect(buildSendExtras({})).toEqual({});
	});
	it('refuses a bad email or team', () => {
		expect(() => buildSendExtras({ assignedUser: 'ada' })).toThrow(/^Assigned User must be an email address/);
		expect(() => buildSendExtras({ teamUuid: 'a/b' })).toThrow(/^Team "a\/b" is not a valid Callbell ID/);
	});
});

describe('buildSendBody', () => {
	it('always sends channel_uuid and from the channel type', () => {
		expect(buildSendBody({ to: '+447700900001' }, channel, { kind: 'text', text: 'Hi' }, {})).toEqual({
			to: '+447700900001',
			from: 'whatsapp',
			channel_uuid: 'c1',
			type: 'text',
			content: { text: 'Hi' },
		});
	});
	it('media with caption, by BSUID, with extras', () => {
		expect(buildSendBody({ bsuid: 'b1' }, channel, { kind: 'media', type: 'image', url: 'https://e.com/a.png', caption: 'C' }, { fields: 'contact,conversation' })).toEqual({
			bsuid: 'b1',
			from: 'whatsapp',
			channel_uuid: 'c1',
			type: 'image',
			content: { url: 'https://e.com/a.png', text: 'C' },
			fields: 'contact,conversation',
		});
	});
	it('a template', () => {
		expect(buildSendBody({ to: '+447700900001' }, channel, { kind: 'template', values: ['a', 'b'] }, {}, buildTemplateSend(approved, ['a', 'b'], undefined))).toEqual({
			to: '+447700900001',
			from: 'whatsapp',
			channel_uuid: 'c1',
			type: 'text',
			content: { text: 'a' },
			template_uuid: 't2',
			optin_contact: true,
			template_values: ['a', 'b'],
		});
		expect(() => buildSendBody({ to: '+1' }, channel, { kind: 'template', values: [] }, {})).toThrow('Template is required');
	});
});
