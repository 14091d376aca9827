'use strict';

/**
 * The Callbell Trigger demo of `npm start`, checked rather than assumed:
 *
 *   ensureTriggerLive({ sb, api, workflowId, webhookId, n8nPort })
 *     waits until the sandbox's account webhook points at this n8n's production URL for the
 *     workflow (its trigger's webhookId), is enabled, subscribes message_created, and n8n answers the trigger's GET probe on
 *     that URL (so the workflow's production webhook is registered). When that does not happen
 *     within `waitMs` (say N8N_PORT changed since the last start, or the workflow was unpublished),
 *     it publishes the workflow again, as the editor's Unpublish and Publish do, and waits again.
 *     When another published workflow of this n8n holds the webhook, it leaves it there.
 *     → { ok, republished, skipped, webhook, why }
 *
 *   subscribedThisStart(sb)   whether n8n called POST /webhooks/subscribe since the sandbox started
 *
 *   deliverTestMessage({ sb, api, workflowId, contactUuid, text })
 *     a customer message from the sandbox; waits for its signed delivery (n8n's answer) and for the
 *     execution it started to finish, and finds the workflow's reply among the sandbox's sent messages.
 *     → { ok, why, message, attempt, execution, reply }
 *
 *   runTriggerDemo({ sb, api, workflowId, n8nPort, message: { contact, text }, say })
 *     both, printed, and the contact's tags before and after: the message must add the tag Lead.
 *     → { ok, why, liveLine, executionId, url }
 */

const { snapshot, printChanges } = require('./demo-report');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(fn, timeoutMs, everyMs = 200) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) return undefined;
    await sleep(everyMs);
  }
}

/** GET on the production URL: the trigger's `setup` webhook answers 200 {"status":"ok"} while it is registered. */
async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    const body = await res.json().catch(() => undefined);
    return res.status === 200 && body && body.status === 'ok' ? { ok: true } : { ok: false, why: `n8n answers ${res.status} there (no published webhook at that URL)` };
  } catch (err) {
    return { ok: false, why: `it cannot be reached (${err.cause?.code || err.message})` };
  }
}

/** Whether the sandbox's account webhook reaches this n8n's published trigger: { ok, why }. */
/**
 * Whether the account webhook is the demo workflow's production URL on this n8n. Callbell sends an
 * account's events to one URL: when another published workflow of this n8n holds it (say the user
 * published the AI support agent example), the answer says so with `otherWorkflow`.
 */
async function checkLive(sb, n8nPort, webhookId) {
  const hook = sb.webhook;
  if (!hook) return { ok: false, why: 'the sandbox has no account webhook' };
  if (!hook.enabled) return { ok: false, why: `the account webhook ${hook.url} is disabled` };
  if (!hook.subscriptions.includes('message_created')) return { ok: false, why: `the account webhook does not subscribe message_created (${hook.subscriptions.join(', ')})` };
  let url;
  try {
    url = new URL(hook.url);
  } catch {
    return { ok: false, why: `the account webhook URL ${hook.url} is not a URL` };
  }
  if (!['localhost', '127.0.0.1'].includes(url.hostname) || Number(url.port) !== n8nPort || !url.pathname.startsWith('/webhook/')) {
    return { ok: false, why: `the account webhook points at ${hook.url}, not at a production URL of this n8n (port ${n8nPort})` };
  }
  if (webhookId && url.pathname.split('/')[2] !== webhookId) {
    return { ok: false, otherWorkflow: true, why: `the account webhook points at ${hook.url}, another published workflow of this n8n (Callbell sends an account's events to one URL)` };
  }
  const answer = await probe(hook.url);
  return answer.ok ? { ok: true } : { ok: false, why: `the account webhook points at ${hook.url}, but ${answer.why}` };
}

function subscribedThisStart(sb) {
  return sb.requests.some((r) => r.method === 'POST' && r.path === '/webhooks/subscribe' && r.status === 200);
}

async function ensureTriggerLive({ sb, api, workflowId, webhookId, n8nPort, waitMs = 15000 }) {
  let last = { ok: false, why: 'not checked' };
  const live = async () => {
    last = await checkLive(sb, n8nPort, webhookId);
    return last.ok;
  };
  if (await waitFor(live, waitMs, 250)) return { ok: true, republished: false, webhook: sb.webhook };
  // Publishing the demo again would take Callbell's one webhook away from the user's own workflow.
  if (last.otherWorkflow) return { ok: false, skipped: true, republished: false, why: last.why };
  const why = last.why;
  try {
    await api.republish(workflowId);
  } catch (err) {
    return { ok: false, republished: false, why: `${why}; publishing the workflow again failed: ${err.message}` };
  }
  if (await waitFor(live, waitMs, 250)) return { ok: true, republished: true, republishedBecause: why, webhook: sb.webhook };
  return { ok: false, republished: true, why: `${why}; after publishing the workflow again: ${last.why}` };
}

async function deliverTestMessage({ sb, api, workflowId, contactUuid, text, timeoutMs = 30000 }) {
  const known = new Set((await api.executions(workflowId)).map((e) => String(e.id)));
  const sentBefore = new Set(sb.state.sent.keys());
  const { message } = sb.inbound({ contact_uuid: contactUuid, text });
  const result = { ok: false, message };

  result.attempt = await waitFor(() => sb.webhooks.attempts.find((a) => a.event === 'message_created' && a.payload?.uuid === message.uuid), timeoutMs);
  if (!result.attempt) return { ...result, why: 'the sandbox did not deliver it (no enabled account webhook)' };
  if (result.attempt.status !== 200) {
    return { ...result, why: `the delivery to ${result.attempt.url} got ${result.attempt.status ?? result.attempt.error}` };
  }
  const id = await waitFor(async () => (await api.executions(workflowId)).map((e) => String(e.id)).find((x) => !known.has(x)), timeoutMs, 250);
  if (!id) return { ...result, why: `n8n answered 200 but started no execution of the workflow within ${timeoutMs / 1000} s` };
  result.execution = await api.waitForExecution(id, { timeoutMs });
  const replyUuid = [...sb.state.sent.keys()].find((uuid) => !sentBefore.has(uuid) && sb.state.sent.get(uuid).contactUuid === contactUuid);
  result.reply = replyUuid ? sb.state.sent.get(replyUuid) : undefined;
  // The reply's own delivery (ignored by the workflow's Direction) finishes before this returns.
  await Promise.race([sb.webhooks.idle(), sleep(5000)]);
  if (result.execution.status !== 'success') return { ...result, why: `execution ${id} ended ${result.execution.status}` };
  if (!result.reply) return { ...result, why: `execution ${id} succeeded but the sandbox got no reply to the contact` };
  return { ...result, ok: true };
}

async function runTriggerDemo({ sb, api, workflowId, webhookId, n8nPort, message, say }) {
  const live = await ensureTriggerLive({ sb, api, workflowId, webhookId, n8nPort });
  if (live.skipped) {
    const why = `${live.why}; npm start leaves it there. To see the trigger demo, unpublish that workflow in the editor and start again`;
    say(`  ! ${why}`);
    return { ok: true, skipped: true, why };
  }
  if (!live.ok) return { ok: false, why: live.why };
  const how = live.republished
    ? `published again by npm start, because ${live.republishedBecause}`
    : subscribedThisStart(sb)
      ? 'subscribed by n8n when it published the workflow on this start'
      : 'kept from the last start: n8n did not subscribe again (it keeps webhook registrations across restarts)';
  const signed = sb.webhooks.hasSecret() ? ', signed' : '';
  const liveLine = `the sandbox's account webhook → ${live.webhook.url} (message_created${signed}), ${how}`;
  say(`  ✔ ${liveLine}`);
  if (live.republished && /no account webhook/.test(live.republishedBecause)) {
    say('    (n8n logs a failed "External webhook deregistration" above: unpublishing asked the sandbox to remove a webhook it did not have)');
  }
  const { contact, text } = message;
  const before = snapshot(sb, [contact.uuid]);
  say(`  ${contact.name} writes "${text}" (sandbox inbound message)…`);
  const run = await deliverTestMessage({ sb, api, workflowId, contactUuid: contact.uuid, text });
  if (run.attempt) say(`  delivery message_created → ${run.attempt.status ?? run.attempt.error}`);
  if (run.execution) say(`  execution ${run.execution.id}: ${run.execution.status}`);
  const after = snapshot(sb, [contact.uuid]);
  printChanges(say, before, after, 'the contact after the run');
  if (run.reply) say(`  reply sent to ${contact.name}: "${run.reply.item.text}"`);
  const url = run.execution ? api.executionUrl(workflowId, run.execution.id) : undefined;
  const result = { ok: run.ok, why: run.why, liveLine, executionId: run.execution?.id, url };
  const hasLead = (summary) => (summary?.tags || '').split(', ').includes('Lead');
  if (run.ok && (hasLead(before[contact.uuid]) || !hasLead(after[contact.uuid]))) {
    return { ...result, ok: false, why: `execution ${run.execution.id} succeeded but did not add the tag Lead to ${contact.name}` };
  }
  return result;
}

module.exports = { ensureTriggerLive, deliverTestMessage, subscribedThisStart, checkLive, runTriggerDemo };
