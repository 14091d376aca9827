'use strict';
// @ts-check

/**
 * Events that happen in Callbell's dashboard, not through its API, simulated for tests and demos
 * (POST /__sandbox/events). Payloads as documented (API digest §4):
 *   agent_status_updated     TeamMember { email, name, available, lastUpdatedAt, userCustomStatus? }
 *   agent_session_updated    { action: user_logged_in|user_logged_out|system_logged_out, user: TeamMember }
 *   team_membership_updated  { team: Team, user: { email, available, lastUpdateAt }, reason: agent_added|agent_removed, lastUpdateAt }
 * The change is applied to the account (availability, team members) before the event is emitted.
 */

const { isoSeconds } = require('../ids');

const DASHBOARD_EVENTS = ['agent_status_updated', 'agent_session_updated', 'team_membership_updated'];
const SESSION_ACTIONS = ['user_logged_in', 'user_logged_out', 'system_logged_out'];
const MEMBERSHIP_REASONS = ['agent_added', 'agent_removed'];

class DashboardEventError extends Error {}

/** @param {import('../types').User} u */
function teamMember(u) {
  /** @type {Record<string, unknown>} */
  const m = { email: u.email, name: u.name, available: u.available, lastUpdatedAt: u.lastUpdatedAt };
  if (u.userCustomStatus) m.userCustomStatus = { ...u.userCustomStatus };
  return m;
}

/** @param {import('../types').State} state @param {unknown} email */
function findUser(state, email) {
  const user = state.account.users.find((u) => u.email === email);
  if (!user) throw new DashboardEventError(`email must be one of the account's users: ${state.account.users.map((u) => u.email).join(', ')}`);
  return user;
}

/**
 * Apply a dashboard change and return the event to emit.
 * @param {import('../types').State} state @param {Record<string, any>} body @param {Date} now
 * @returns {{ event: string, payload: Record<string, unknown> }}
 */
function dashboardEvent(state, body, now) {
  const at = isoSeconds(now);
  switch (body.event) {
    case 'agent_status_updated': {
      const user = findUser(state, body.email);
      if (body.available !== undefined && typeof body.available !== 'boolean') throw new DashboardEventError('available must be a boolean');
      user.available = body.available ?? !user.available;
      user.lastUpdatedAt = at;
      return { event: body.event, payload: teamMember(user) };
    }
    case 'agent_session_updated': {
      const user = findUser(state, body.email);
      const action = body.action ?? 'user_logged_in';
      if (!SESSION_ACTIONS.includes(action)) throw new DashboardEventError(`action must be one of ${SESSION_ACTIONS.join(', ')}`);
      user.available = action === 'user_logged_in';
      user.lastUpdatedAt = at;
      return { event: body.event, payload: { action, user: teamMember(user) } };
    }
    case 'team_membership_updated': {
      const user = findUser(state, body.email);
      const team = state.account.teams.find((t) => t.uuid === body.team || t.name === body.team);
      if (!team) throw new DashboardEventError('team must be the uuid or name of one of the account\'s teams');
      const reason = body.reason ?? (team.memberEmails.includes(user.email) ? 'agent_removed' : 'agent_added');
      if (!MEMBERSHIP_REASONS.includes(reason)) throw new DashboardEventError(`reason must be one of ${MEMBERSHIP_REASONS.join(', ')}`);
      team.memberEmails = reason === 'agent_added'
        ? [...new Set([...team.memberEmails, user.email])]
        : team.memberEmails.filter((e) => e !== user.email);
      return {
        event: body.event,
        payload: {
          team: { uuid: team.uuid, name: team.name, createdAt: team.createdAt, default: team.default, members: team.memberEmails.length },
          user: { email: user.email, available: user.available, lastUpdateAt: at },
          reason,
          lastUpdateAt: at,
        },
      };
    }
    default:
      throw new DashboardEventError(`event must be one of ${DASHBOARD_EVENTS.join(', ')}`);
  }
}

module.exports = { dashboardEvent, DashboardEventError, DASHBOARD_EVENTS };
