'use strict';
// @ts-check

/*
 * Static definitions of the demo account. seed.js turns these into records with
 * stable ids. Phone numbers come from ranges reserved for fiction:
 * UK +44 7700 900xxx (Ofcom drama range) and US +1 202 555 01xx.
 */

/** The person whose API key the sandbox token stands for (GET /auth/me). */
const OWNER = { email: 'ada.agent@example.com', name: 'Ada Agent' };

const TAGS = ['Lead', 'Customer', 'VIP', 'Newsletter', 'Support', 'Churn Risk'];

/** @type {{name: string, type: 'text'|'email'|'number'|'date'|'dropdown'|'checkbox', options?: string[]}[]} */
const CUSTOM_FIELDS = [
  { name: 'Billing Address', type: 'text' },
  { name: 'Contact Email', type: 'email' },
  { name: 'Order Count', type: 'number' },
  { name: 'Birthday', type: 'date' },
  { name: 'Plan', type: 'dropdown', options: ['Free', 'Pro', 'Enterprise'] },
  { name: 'Interests', type: 'checkbox', options: ['Dark Mode', 'Notifications', 'Newsletter', 'Promotions'] },
];

const USERS = [
  { key: 'ada', email: 'ada.agent@example.com', name: 'Ada Agent', available: true, lastUpdatedAt: '2026-06-30T08:02:11Z' },
  { key: 'ben', email: 'ben.agent@example.com', name: 'Ben Agent', available: false, lastUpdatedAt: '2026-06-29T17:45:03Z' },
  { key: 'cleo', email: 'cleo.agent@example.com', name: 'Cleo Agent', available: true, lastUpdatedAt: '2026-06-30T07:58:40Z' },
  { key: 'dan', email: 'dan.agent@example.com', name: 'Dan Agent', available: false, lastUpdatedAt: '2026-06-30T11:30:00Z',
    customStatus: { name: 'Lunch', emoji: '🥪', updatedAt: '2026-06-30T11:30:00Z' } },
];

const TEAMS = [
  { key: 'sales', name: 'Sales', default: true, members: ['ada', 'ben'], createdAt: '2025-03-04T09:15:00Z' },
  { key: 'support', name: 'Support', default: false, members: ['ben', 'cleo', 'dan'], createdAt: '2025-03-04T09:16:30Z' },
  { key: 'onboarding', name: 'Onboarding', default: false, members: ['cleo', 'ada'], createdAt: '2025-05-20T14:02:00Z' },
];

/** `identifier` is the business side of the conversation (used in messages' from/to). */
const CHANNELS = [
  { key: 'whatsapp', title: 'WhatsApp · Main line', type: 'whatsapp', main: true, discardedAt: false, identifier: '+44 20 7946 0000' },
  { key: 'instagram', title: 'Instagram · @callbell.sandbox', type: 'instagram', main: false, discardedAt: false, identifier: 'callbell.sandbox' },
  { key: 'telegram', title: 'Telegram · @CallbellSandboxBot', type: 'telegram', main: false, discardedAt: false, identifier: 'CallbellSandboxBot' },
  { key: 'facebook', title: 'Messenger · Callbell Sandbox', type: 'facebook', main: false, discardedAt: false, identifier: 'callbell.sandbox.page' },
  { key: 'whatsappOld', title: 'WhatsApp · Old number', type: 'whatsapp', main: false, discardedAt: true, identifier: '+44 20 7946 0999' },
  { key: 'whatsappSales', title: 'WhatsApp · Sales line', type: 'whatsapp', main: false, discardedAt: false, identifier: '+44 20 7946 0123' },
];

/**
 * WhatsApp templates. `{{n}}` placeholders are the variables. Keys become SEED.templates.<key>.
 * @type {{key: string, title: string, text: string, templateType: 'text'|'image'|'video'|'document',
 *   category: 'MARKETING'|'UTILITY', status: string, createdAt: string}[]}
 */
const TEMPLATES = [
  { key: 'orderShipped', title: 'Order shipped', templateType: 'text', category: 'UTILITY', status: 'approved', createdAt: '2025-04-02T10:15:00Z',
    text: 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}.' },
  { key: 'welcome', title: 'Welcome', templateType: 'text', category: 'MARKETING', status: 'approved', createdAt: '2025-03-05T09:00:00Z',
    text: 'Welcome to Callbell Sandbox! Reply to this message to chat with our team.' },
  { key: 'appointment', title: 'Appointment reminder', templateType: 'text', category: 'UTILITY', status: 'approved', createdAt: '2025-04-10T14:30:00Z',
    text: 'Reminder: your appointment is on {{1}}. Reply YES to confirm.' },
  { key: 'paymentLink', title: 'Payment link', templateType: 'text', category: 'UTILITY', status: 'approved', createdAt: '2025-05-12T08:45:00Z',
    text: 'Hi {{1}}, you can pay your invoice here: {{2}}' },
  { key: 'brochure', title: 'Brochure', templateType: 'document', category: 'MARKETING', status: 'approved', createdAt: '2025-05-20T11:00:00Z',
    text: 'Hi {{1}}, here is the brochure you asked for.' },
  { key: 'newCollection', title: 'New collection', templateType: 'image', category: 'MARKETING', status: 'approved', createdAt: '2025-06-01T16:20:00Z',
    text: 'Our new collection is here. Take a look!' },
  { key: 'tutorialVideo', title: 'Getting started video', templateType: 'video', category: 'UTILITY', status: 'approved', createdAt: '2025-06-03T12:00:00Z',
    text: '{{1}}, here is a two-minute video to get you started.' },
  { key: 'promoPending', title: 'Weekend promo', templateType: 'text', category: 'MARKETING', status: 'pending', createdAt: '2026-06-28T18:00:00Z',
    text: '{{1}}, get 20% off everything this weekend only!' },
  { key: 'rejected', title: 'Flash sale', templateType: 'text', category: 'MARKETING', status: 'rejected', createdAt: '2026-06-15T07:30:00Z',
    text: 'FLASH SALE!!! Click now!!!' },
  { key: 'summerPaused', title: 'Summer sale', templateType: 'image', category: 'MARKETING', status: 'paused', createdAt: '2025-07-01T09:00:00Z',
    text: 'Hi {{1}}, our summer sale has started.' },
];

/**
 * Contacts whose customer wrote recently: their newest (received) seeded message is re-timed to
 * this many minutes before the sandbox starts or resets, which opens WhatsApp's 24-hour window.
 * Every other contact last wrote on 2026-06-30 or earlier (window closed).
 * @type {Record<string, number>}
 */
const RECENT_INBOUND_MINUTES = { ada: 30, alan: 180, katherine: 60, margaret: 120, tim: 300, barbara: 23 * 60 };

/** WhatsApp username-privacy ids (BSUID) known for some contacts. @type {Record<string, string>} */
const BSUIDS = { radia: 'bsuid_radia_perlman_01' };

const FUNNELS = [
  { key: 'awareness', position: 1, name: 'Awareness', emoji: '🧘‍♂️', createdAt: Date.UTC(2025, 11, 18, 19, 0, 19) },
  { key: 'interest', position: 2, name: 'Interest', emoji: '🔎', createdAt: Date.UTC(2025, 11, 18, 19, 1, 2) },
  { key: 'decision', position: 3, name: 'Decision', emoji: '✅', createdAt: Date.UTC(2025, 11, 18, 19, 1, 47) },
];

const BOT = { key: 'welcome', name: 'Welcome Bot', enabled: true, version: 3, latestBotVersion: true };

/**
 * The first contacts, easy to recognise in a demo. `attrs` overrides the
 * generated attributes (see seed.js); missing keys are generated.
 * @type {{key: string, name: string, source: string, phone?: string, attrs?: Record<string, any>}[]}
 */
const FAMOUS = [
  { key: 'ada', name: 'Ada Lovelace', source: 'whatsapp', phone: '+44 7700 900001', attrs: {
    tags: ['Customer', 'VIP'], team: 'sales', assignee: 'ada', funnel: 'decision', closed: false, bot: 'in_progress',
    note: 'Prefers WhatsApp. Asked about the Analytical Engine bulk order.', avatar: true,
    customFields: { 'Billing Address': "12 St James's Square, London SW1Y 4JH", 'Contact Email': 'ada@example.com',
      'Order Count': '42', Birthday: '1815-12-10', Plan: 'Enterprise', Interests: ['Dark Mode', 'Newsletter'] } } },
  { key: 'grace', name: 'Grace Hopper', source: 'whatsapp', phone: '+1 202 555 0102', attrs: {
    tags: ['Lead', 'Newsletter'], team: 'support', assignee: 'ben', funnel: 'interest', closed: true, bot: 'ended', note: null,
    customFields: { Plan: 'Pro', 'Order Count': '7', 'Contact Email': 'grace@example.com' } } },
  { key: 'alan', name: 'Alan Turing', source: 'whatsapp', phone: '+44 7700 900003', attrs: {
    tags: [], team: null, assignee: null, funnel: null, closed: false, bot: 'ended', note: null, avatar: false, customFields: {} } },
  { key: 'katherine', name: 'Katherine Johnson', source: 'instagram', attrs: {
    tags: ['Support'], team: 'onboarding', assignee: 'cleo', customFields: { Interests: ['Notifications'] } } },
  { key: 'margaret', name: 'Margaret Hamilton', source: 'telegram', phone: '+1 202 555 0105' },
  { key: 'edsger', name: 'Edsger Dijkstra', source: 'facebook' },
  { key: 'barbara', name: 'Barbara Liskov', source: 'whatsapp', phone: '+1 202 555 0107' },
  { key: 'donald', name: 'Donald Knuth', source: 'whatsapp', phone: '+44 7700 900008' },
  { key: 'hedy', name: 'Hedy Lamarr', source: 'instagram' },
  { key: 'tim', name: 'Tim Berners-Lee', source: 'telegram', phone: '+44 7700 900010' },
  { key: 'radia', name: 'Radia Perlman', source: 'whatsapp', phone: '+1 202 555 0111' },
  { key: 'claude', name: 'Claude Shannon', source: 'facebook' },
];

const FIRST_NAMES = ['Amara', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca',
  'Maya', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wei', 'Yara'];
const LAST_NAMES = ['Okafor', 'Silva', 'Rossi', 'Ivanov', 'García', 'Haddad', 'Larsen', 'Tanaka', 'Moreau', 'Becker', 'Adeyemi',
  'Bianchi', 'Patel', 'Kowalski', 'Fernández', 'Nguyen', 'Kim', 'Novak', 'Dubois', 'Costa', 'Ahmed', 'Schmidt', 'Chen', 'Mensah'];
/** Source pattern for generated contacts (whatsapp-heavy, like a real account). */
const SOURCE_CYCLE = ['whatsapp', 'instagram', 'whatsapp', 'facebook', 'telegram', 'whatsapp', 'instagram', 'whatsapp'];
const GENERATED_COUNT = 48;

const RECEIVED_TEXTS = ['Hi! Is my order on its way?', 'Can I change my delivery address?', 'Thanks, that worked 🙌',
  'Do you ship to Portugal?', 'What are your opening hours?', 'I would like to upgrade my plan.', 'Could you send me the invoice?'];
const SENT_TEXTS = ['Hello! Happy to help 😊', 'Your order has shipped and should arrive tomorrow.', 'Sure — I have updated it for you.',
  'Our team is available 9:00–18:00 CET.', 'I have emailed the invoice to you.'];

module.exports = {
  OWNER, TAGS, CUSTOM_FIELDS, USERS, TEAMS, CHANNELS, TEMPLATES, RECENT_INBOUND_MINUTES, BSUIDS, FUNNELS, BOT, FAMOUS,
  FIRST_NAMES, LAST_NAMES, SOURCE_CYCLE, GENERATED_COUNT, RECEIVED_TEXTS, SENT_TEXTS,
};
