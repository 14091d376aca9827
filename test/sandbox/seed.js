'use strict';
// @ts-check

/**
 * The deterministic demo account: same data, same ids on every start.
 * Ids are hashes of labels (ids.js); attribute picks use a fixed-seed PRNG.
 */

const crypto = require('crypto');
const D = require('./seed-data');
const { hexId, hyphenatedId, isoSeconds, railsTime } = require('./ids');
const { mulberry32 } = require('./rng');
const { countVariables } = require('./template-text');

/** @typedef {import('./types').State} State @typedef {import('./types').ContactRecord} ContactRecord */
/** @typedef {import('./types').Message} Message */

const SEED_NOW = Date.UTC(2026, 5, 30, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** @param {number} n @param {number} w */
const pad = (n, w) => String(n).padStart(w, '0');
/** @param {string} s */
const asciiSlug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.');

/** Contact specs in list order: famous first, then generated. */
function contactSpecs() {
  const specs = D.FAMOUS.map((f) => ({ ...f, attrs: f.attrs || {} }));
  for (let j = 0; j < D.GENERATED_COUNT; j++) {
    const first = D.FIRST_NAMES[j % D.FIRST_NAMES.length];
    const last = D.LAST_NAMES[(j * 5 + 3 + Math.floor(j / 24) * 7) % D.LAST_NAMES.length];
    const source = D.SOURCE_CYCLE[j % D.SOURCE_CYCLE.length];
    /** @type {Record<string, any>} */
    const attrs = {};
    if (j === 11) attrs.nameless = true; // a Messenger contact without a name, as seen in real payloads
    if (j === 10) attrs.blocked = true;
    specs.push({ key: `c${specs.length + 1}`, name: `${first} ${last}`, source, phone: undefined, attrs });
  }
  return specs;
}

/** @param {number} n 1-based position; phone-style formats vary like in real data */
function phoneFor(n) {
  const us = n % 4 === 0;
  const formatted = us ? `+1 202 555 01${pad(n, 2)}` : `+44 7700 900${pad(n, 3)}`;
  return n % 5 === 0 ? formatted.replace(/\D/g, '') : formatted;
}

/**
 * @param {number} [nowMs] the sandbox clock at (re)seed time: contacts listed in
 *   RECENT_INBOUND_MINUTES get their newest received message that long before it.
 */
function buildSeed(nowMs = Date.now()) {
  const teams = D.TEAMS.map((t) => ({
    uuid: hexId(`team:${t.key}`), name: t.name, createdAt: t.createdAt, default: t.default,
    memberEmails: t.members.map((k) => /** @type {any} */ (D.USERS.find((u) => u.key === k)).email),
  }));
  const users = D.USERS.map((u) => {
    /** @type {import('./types').User} */
    const user = { email: u.email, name: u.name, available: u.available, lastUpdatedAt: u.lastUpdatedAt };
    if (u.customStatus) user.userCustomStatus = { id: hyphenatedId(`status:${u.customStatus.name}`), ...u.customStatus };
    return user;
  });
  const channels = D.CHANNELS.map(({ key, ...c }) => ({ uuid: hexId(`channel:${key}`), ...c }));
  const funnels = D.FUNNELS.map((f) => ({
    uuid: hyphenatedId(`funnel:${f.key}`), position: f.position, name: f.name, emoji: f.emoji, createdAt: railsTime(f.createdAt),
  }));
  const bot = { uuid: hexId(`bot:${D.BOT.key}`), name: D.BOT.name, enabled: D.BOT.enabled, version: D.BOT.version, latestBotVersion: D.BOT.latestBotVersion };
  const templates = D.TEMPLATES.map(({ key, ...t }) => ({ uuid: hexId(`template:${key}`), ...t }));
  const account = { owner: { ...D.OWNER }, tags: [...D.TAGS], customFields: D.CUSTOM_FIELDS.map((f) => ({ ...f, options: f.options && [...f.options] })), users, teams, channels, funnels, bot, templates };
  for (const f of account.customFields) if (!f.options) delete f.options;

  /** @type {Map<string, ContactRecord>} */
  const contacts = new Map();
  /** @type {Map<string, Message[]>} */
  const messages = new Map();
  const rng = mulberry32(20260702);
  const teamOf = (/** @type {string|null} */ key) => (key ? teams[D.TEAMS.findIndex((t) => t.key === key)] : null);
  const userEmail = (/** @type {string|null} */ key) => (key ? /** @type {any} */ (D.USERS.find((u) => u.key === key)).email : null);
  const specs = contactSpecs();

  specs.forEach((spec, i) => {
    const n = i + 1;
    const r = Array.from({ length: 32 }, rng); // fixed number of draws per contact keeps later contacts stable
    const a = spec.attrs;
    const uuid = hexId(`contact:${spec.key}`);
    const channel = /** @type {any} */ (channels.find((c) => c.type === spec.source && !c.discardedAt));
    const hasPhone = spec.source === 'whatsapp' || spec.source === 'telegram';
    const phoneNumber = hasPhone ? spec.phone || phoneFor(n) : null;
    const identifier = phoneNumber || (spec.source === 'instagram' ? `1784140${pad(n, 7)}` : `24000000${pad(n, 7)}`);
    const lastMs = SEED_NOW - i * 53 * MINUTE - (i % 7) * 1000;
    const randomTeam = r[1] < 0.4 ? 'sales' : r[1] < 0.7 ? 'support' : r[1] < 0.8 ? 'onboarding' : null;
    const teamKey = 'team' in a ? a.team : randomTeam;
    const team = teamOf(teamKey);
    const assignedUser = 'assignee' in a ? userEmail(a.assignee)
      : team && r[2] < 0.6 ? team.memberEmails[Math.floor(r[3] * team.memberEmails.length)] : null;
    const funnelKey = 'funnel' in a ? a.funnel : r[4] < 0.25 ? null : D.FUNNELS[Math.floor(r[5] * 3)].key;
    const closed = 'closed' in a ? a.closed : r[6] < 0.3;
    const botStatus = a.bot || (r[7] < 0.15 ? 'in_progress' : r[7] < 0.3 ? 'started' : 'ended');
    const slug = asciiSlug(spec.name);
    /** @type {Record<string, string|string[]>} */
    const generatedFields = {};
    if (r[8] < 0.6) generatedFields.Plan = ['Free', 'Pro', 'Enterprise'][Math.floor(r[9] * 3)];
    if (r[10] < 0.5) generatedFields['Order Count'] = String(Math.floor(r[11] * 50));
    if (r[12] < 0.5) generatedFields['Contact Email'] = `${slug}@example.com`;
    if (r[13] < 0.3) generatedFields.Interests = ['Dark Mode', 'Notifications', 'Newsletter', 'Promotions'].filter((_, k) => r[14 + k] < 0.5);
    if (r[18] < 0.2) generatedFields.Birthday = `${1960 + Math.floor(r[19] * 40)}-${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}`;
    if (r[26] < 0.2) generatedFields['Billing Address'] = `${n} High Street, Bristol BS1 ${pad(n % 9, 1)}AA`;

    contacts.set(uuid, {
      uuid, seq: n, name: a.nameless ? null : spec.name, identifier, phoneNumber,
      avatarUrl: (a.avatar ?? r[0] < 0.3) ? `https://www.gravatar.com/avatar/${crypto.createHash('md5').update(uuid).digest('hex')}?d=identicon` : null,
      blockedAt: a.blocked ? isoSeconds(lastMs + 20 * MINUTE) : null,
      createdAt: isoSeconds(lastMs - (30 + ((i * 37) % 400)) * DAY), lastMessageAt: isoSeconds(lastMs),
      source: spec.source, channelUuid: channel.uuid,
      funnelId: funnelKey ? funnels[D.FUNNELS.findIndex((f) => f.key === funnelKey)].uuid : null,
      closedAt: closed ? isoSeconds(lastMs + 15 * MINUTE) : null,
      tags: a.tags ? [...a.tags] : D.TAGS.filter((_, k) => r[20 + k] < 0.22),
      assignedUser, customFields: a.customFields ? structuredClone(a.customFields) : generatedFields,
      teamUuid: team ? team.uuid : null,
      note: 'note' in a ? a.note : r[17] < 0.1 ? 'Called on the phone last week; follow up by chat.' : null,
      bot: { status: botStatus, conversationStartedAt: botStatus === 'ended' ? null : isoSeconds(lastMs - 10 * MINUTE) },
    });
    if (D.BSUIDS[spec.key]) /** @type {ContactRecord} */ (contacts.get(uuid)).bsuid = D.BSUIDS[spec.key];

    const count = spec.key === 'ada' ? 25 : 3 + (i % 4);
    /** @type {Message[]} */
    const list = [];
    for (let k = 0; k < count; k++) {
      const back = count - 1 - k;
      const createdAt = isoSeconds(lastMs - back * 7 * MINUTE);
      if (spec.key === 'ada' && back === 2) {
        list.push({ createdAt, text: '@ben.agent can you check the bulk discount?', status: 'note', channel: spec.source, from: D.OWNER.email, to: null });
        continue;
      }
      const received = back % 2 === 0;
      const pool = received ? D.RECEIVED_TEXTS : D.SENT_TEXTS;
      list.push({
        uuid: hexId(`message:${spec.key}:${k}`), createdAt, text: pool[(i + k) % pool.length], status: received ? 'received' : 'sent',
        channel: spec.source, from: received ? identifier : channel.identifier, to: received ? channel.identifier : identifier,
      });
    }
    const recent = D.RECENT_INBOUND_MINUTES[spec.key];
    // the newest seeded message is always a received one; re-timing it opens the 24-hour window
    if (recent !== undefined) list[list.length - 1].createdAt = isoSeconds(nowMs - recent * MINUTE);
    messages.set(uuid, list);
  });

  return { account, contacts, messages, lastSeq: specs.length };
}

/** Well-known ids and names for tests and demos. */
function buildSeedSummary() {
  const { account, contacts } = buildSeed();
  const byKey = (/** @type {{key: string}[]} */ list, /** @type {(x: any, i: number) => any} */ fn) =>
    Object.fromEntries(list.map((x, i) => [x.key, fn(x, i)]));
  const all = [...contacts.values()];
  return {
    token: 'sandbox-token',
    owner: { ...account.owner },
    contactCount: all.length,
    contacts: byKey(D.FAMOUS, (f, i) => ({ uuid: all[i].uuid, name: all[i].name, phoneNumber: all[i].phoneNumber, source: all[i].source, identifier: all[i].identifier })),
    users: byKey(D.USERS, (u) => ({ email: u.email, name: u.name })),
    userEmails: D.USERS.map((u) => u.email),
    teams: byKey(D.TEAMS, (t, i) => ({ uuid: account.teams[i].uuid, name: t.name })),
    channels: byKey(D.CHANNELS, (c, i) => ({ uuid: account.channels[i].uuid, title: c.title, type: c.type })),
    templates: byKey(D.TEMPLATES, (t, i) => ({ ...account.templates[i], variables: countVariables(t.text) })),
    /** Contact keys (of `contacts`) inside / outside WhatsApp's 24-hour window after a (re)seed. */
    window: {
      open: D.FAMOUS.map((f) => f.key).filter((k) => k in D.RECENT_INBOUND_MINUTES),
      closed: D.FAMOUS.map((f) => f.key).filter((k) => !(k in D.RECENT_INBOUND_MINUTES)),
    },
    bsuids: { ...D.BSUIDS },
    funnels: byKey(D.FUNNELS, (f, i) => ({ uuid: account.funnels[i].uuid, name: f.name })),
    bot: { uuid: account.bot.uuid, name: account.bot.name },
    tags: [...account.tags],
    customFields: account.customFields.map((f) => ({ ...f })),
  };
}

/** @param {any} o */
function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

const SEED = deepFreeze(buildSeedSummary());

module.exports = { buildSeed, SEED, SEED_NOW };
