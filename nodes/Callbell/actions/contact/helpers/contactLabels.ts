/** Callbell's channel types (a contact's `source`) as users know them. */
const CHANNEL_NAMES: Record<string, string> = {
	whatsapp: 'WhatsApp',
	instagram: 'Instagram',
	facebook: 'Messenger',
	telegram: 'Telegram',
};

/** How a contact is shown in pickers: "Ada Lovelace · +44 7700 900001 · WhatsApp". */
export function contactLabel(contact: Record<string, unknown>): string {
	const name = typeof contact.name === 'string' && contact.name.trim() !== '' ? contact.name : '(no name)';
	const parts = [name];
	if (typeof contact.phoneNumber === 'string' && contact.phoneNumber) parts.push(contact.phoneNumber);
	if (typeof contact.source === 'string' && contact.source) parts.push(CHANNEL_NAMES[contact.source] ?? contact.source);
	return parts.join(' · ');
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Whether a contact matches a picker filter: name (case-insensitive) or phone digits. */
export function contactMatches(contact: Record<string, unknown>, filter: string | undefined): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (wanted === '') return true;
	const name = typeof contact.name === 'string' ? contact.name.toLowerCase() : '';
	if (name.includes(wanted)) return true;
	const wantedDigits = digitsOf(wanted);
	const phone = typeof contact.phoneNumber === 'string' ? digitsOf(contact.phoneNumber) : '';
	return wantedDigits.length >= 3 && phone.includes(wantedDigits);
}
