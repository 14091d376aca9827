import { contactLabel } from '../../../../../../nodes/Callbell/actions/contact/helpers/contactLabels';

describe('contactLabel (how the Contact picker shows a contact)', () => {
	it('names the channel as users know it', () => {
		expect(contactLabel({ name: 'Ada Lovelace', phoneNumber: '+44 7700 900001', source: 'whatsapp' })).toBe(
			'Ada Lovelace · +44 7700 900001 · WhatsApp',
		);
		expect(contactLabel({ name: 'Edsger Dijkstra', source: 'facebook' })).toBe('Edsger Dijkstra · Messenger');
		expect(contactLabel({ name: 'Hedy Lamarr', source: 'instagram' })).toBe('Hedy Lamarr · Instagram');
		expect(contactLabel({ name: 'Tim Berners-Lee', source: 'telegram' })).toBe('Tim Berners-Lee · Telegram');
	});

	it('keeps a channel type it does not know as Callbell sends it, and names a nameless contact', () => {
		expect(contactLabel({ name: ' ', source: 'sms' })).toBe('(no name) · sms');
		expect(contactLabel({ name: 'Grace Hopper' })).toBe('Grace Hopper');
	});
});
