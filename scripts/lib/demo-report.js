'use strict';

/**
 * How `npm start` shows what a demo changed in the Callbell sandbox: the fields of a contact the
 * demos touch, flattened (custom fields as "cf:<name>"), before and after, changes marked →.
 *
 *   const before = snapshot(sb, uuids); …run…; printChanges(say, before, snapshot(sb, uuids));
 */

/** The fields the demos change, for a before/after table. */
function contactSummary(sb, uuid) {
  const c = sb.getContact(uuid);
  if (!c) return undefined;
  const record = sb.state?.contacts?.get ? sb.state.contacts.get(uuid) : undefined;
  const out = {
    name: c.name,
    tags: (c.tags || []).join(', '),
    assignedUser: c.assignedUser,
    team: c.team ? c.team.name : c.team,
    bot: record && record.bot ? record.bot.status : undefined,
    note: c.note,
  };
  for (const [k, v] of Object.entries(c.customFields || {})) out[`cf:${k}`] = v;
  return out;
}

/** { uuid: summary } for the given contacts. */
function snapshot(sb, uuids) {
  return Object.fromEntries(uuids.map((id) => [id, contactSummary(sb, id)]));
}

function show(v) {
  if (v === undefined || v === null || v === '') return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function printBefore(say, before, title) {
  say(`  ${title}:`);
  for (const [uuid, s] of Object.entries(before)) {
    if (!s) {
      say(`    ${uuid}  (not in the sandbox)`);
      continue;
    }
    say(`    ${s.name || '(no name)'}  [${uuid}]`);
    for (const [k, v] of Object.entries(s)) if (k !== 'name') say(`      ${k.padEnd(20)} ${show(v)}`);
  }
}

/** Prints each contact's changed fields; returns how many fields changed in all. */
function printChanges(say, before, after, title = 'contacts after the run (changes marked →)') {
  say(`  ${title}:`);
  let changed = 0;
  for (const [uuid, b] of Object.entries(before)) {
    const a = after[uuid];
    if (!a || !b) {
      say(`    ${uuid}  (not in the sandbox)`);
      continue;
    }
    say(`    ${a.name || '(no name)'}  [${uuid}]`);
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const same = [];
    for (const k of keys) {
      if (JSON.stringify(b[k]) === JSON.stringify(a[k])) same.push(k);
      else {
        changed += 1;
        say(`      ${k.padEnd(20)} ${show(b[k])} → ${show(a[k])}`);
      }
    }
    if (same.length) say(`      unchanged: ${same.join(', ')}`);
  }
  return changed;
}

module.exports = { contactSummary, snapshot, printBefore, printChanges, show };
