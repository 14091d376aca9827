'use strict';

/**
 * The shipped AI support bot (examples/ai-support-agent.json) in queue mode: the example file
 * itself, imported with one change, its OpenAI Chat Model given a credential whose Base URL is the
 * scripted model of test/ai (an OpenAI-compatible server in this process, deterministic). After the
 * other rounds the round publishes it from the main's REST API, as the editor's Publish does: its
 * Callbell Trigger (Registration Automatic) then takes over the account's one webhook. A customer
 * writes three signed messages within 5 s; the main answers the three deliveries and enqueues three
 * executions; on the workers each one's Wait for Customer to Finish reads Callbell's history, and
 * exactly one goes on to the AI Agent with all three texts. The scripted model calls two Callbell
 * tools (tag, reply); each reaches the sandbox once; the two other executions end without output.
 */

const fs = require('fs');
const path = require('path');

const { SEED } = require('../../test/sandbox');
const { startScriptedModel } = require('../../test/ai/scripted-model');
const { runtimeSpec } = require('../lib/n8n-runtime');
const { setupOwner, n8nRest, restJson } = require('../lib/n8n-instance');
const { DEMO_OWNER } = require('../lib/demo-setup');
const services = require('./services');
const cluster = require('./cluster');
const { sleep } = require('./procs');
const { say, check, secs } = require('./checks');
const { HOST, PORTS, REPO_ROOT } = require('./config');
const { until } = require('./trigger');

const EXAMPLE_FILE = path.join(REPO_ROOT, 'examples', 'ai-support-agent.json');
const MODEL_CREDENTIAL = { id: 'queueScriptedModel', name: 'Scripted model (local)', type: 'openAiApi' };
const TEXTS = ['hi', 'I ordered a lamp yesterday', 'where is it?'];
const GAP_MS = 1500; // three messages within 5 s: at 0, 1.5 and 3 s
const TOOL_NAMES = ['Hand_over_to_a_human', 'Read_recent_messages', 'Reply_to_customer', 'Tag_contact'];
const REPLY = 'Hi Ada! Your lamp left our warehouse this morning; you will get the tracking link by email today.';
const TAG = 'Support';
const FINAL = 'Tagged the contact Support and answered where the lamp is.';
const ada = SEED.contacts.ada;
/** Ada's name as the sandbox has it when the round starts (the other rounds may have renamed her). */
let customerName = ada.name;

/** Why a request is not what the script expects of the one agent run this round allows. */
function requestProblem(req) {
  const names = (req.tools || []).map((t) => t.function && t.function.name).sort();
  if (JSON.stringify(names) !== JSON.stringify(TOOL_NAMES)) return `tools ${JSON.stringify(names)}, expected ${JSON.stringify(TOOL_NAMES)}`;
  // The example's $fromAI keys, as n8n's editor writes them ("Defined automatically by the model").
  const keys = Object.fromEntries(req.tools.map((t) => [t.function.name, Object.keys((t.function.parameters || {}).properties || {}).sort().join(',')]));
  const expectedKeys = { Hand_over_to_a_human: '', Read_recent_messages: 'Limit', Reply_to_customer: 'Text', Tag_contact: 'Tags' };
  if (JSON.stringify(keys, Object.keys(expectedKeys)) !== JSON.stringify(expectedKeys)) return `tool parameters ${JSON.stringify(keys)}, expected ${JSON.stringify(expectedKeys)}`;
  const system = String((req.messages[0] || {}).content);
  if (req.messages[0].role !== 'system' || !system.includes(`You are writing with ${customerName}.`)) return `system message ${system.slice(0, 300)}`;
  // Conversation so far (Get Messages, Conversation as Text): the burst is its last three lines.
  if (!system.includes(TEXTS.map((t) => `Customer: ${t}`).join('\n'))) return 'the system message lacks the conversation ending with the three messages';
  const user = req.messages.find((m) => m.role === 'user');
  if (!user || !String(user.content).includes(TEXTS.join('\n'))) return `the user message is ${JSON.stringify(user && user.content)}, not the three texts`;
  return undefined;
}

function toolResult(req, id) {
  const message = req.messages.find((m) => m.role === 'tool' && m.tool_call_id === id);
  return message ? String(message.content) : undefined;
}

const STEPS = [
  {
    name: 'tag the contact and answer',
    check: (req) => requestProblem(req) || (req.messages.some((m) => m.role === 'tool') ? 'tool results before any tool call' : undefined),
    reply: { toolCalls: [{ name: 'Tag_contact', args: { Tags: TAG } }, { name: 'Reply_to_customer', args: { Text: REPLY } }] },
  },
  {
    name: 'final answer',
    check: (req) => {
      const problem = requestProblem(req);
      if (problem) return problem;
      for (const [id, mustContain] of [['call_1_1', TAG], ['call_1_2', '"status":"enqueued"']]) {
        const content = toolResult(req, id);
        if (content === undefined) return `no tool result for ${id}`;
        if (!content.includes(mustContain)) return `tool result ${id} lacks ${JSON.stringify(mustContain)}: ${content.slice(0, 300)}`;
      }
      return undefined;
    },
    reply: { content: FINAL },
  },
];

/** The scripted model the example's OpenAI Chat Model talks to in this round. */
function startAgentModel() {
  return startScriptedModel(STEPS);
}

/** The OpenAI credential for `n8n import:credentials`: Base URL = the scripted model. */
function modelCredential(model) {
  return { ...MODEL_CREDENTIAL, data: { apiKey: 'sk-scripted-model', url: model.baseUrl } };
}

/** The example as shipped, its chat model given the scripted model's credential (the one change). */
function agentWorkflow() {
  const workflow = JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8'));
  const models = workflow.nodes.filter((n) => n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi');
  if (models.length !== 1) throw new Error(`${path.relative(REPO_ROOT, EXAMPLE_FILE)} has ${models.length} OpenAI Chat Model nodes, expected 1`);
  models[0].credentials = { openAiApi: { id: MODEL_CREDENTIAL.id, name: MODEL_CREDENTIAL.name } };
  return workflow;
}

/** One execution's status and, per node, how many items its first run output. */
async function executionNodes(cookie, id) {
  const res = await restJson(`http://${HOST}:${PORTS.main}/rest/executions/${id}`, { cookie });
  if (!res.ok) throw new Error(`GET /rest/executions/${id} answered ${res.status}: ${res.text.slice(0, 300)}`);
  const flatted = require(path.join(runtimeSpec().dir, 'node_modules', 'flatted'));
  const record = res.json.data;
  const data = typeof record.data === 'string' ? flatted.parse(record.data) : record.data;
  const runData = (data && data.resultData && data.resultData.runData) || {};
  const outputs = {};
  for (const [name, tasks] of Object.entries(runData)) outputs[name] = ((tasks[0].data && tasks[0].data.main && tasks[0].data.main[0]) || []).map((item) => item.json);
  return { id, status: record.status, outputs };
}

/**
 * @param {any} sandbox @param {{ main: any, w1: any, w2: any }} nodes @param {Set<string>} seen
 * @param {Awaited<ReturnType<typeof startAgentModel>>} model
 */
async function runAgentRound(sandbox, { main, w1, w2 }, seen, model) {
  const workflow = agentWorkflow();
  const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbellTrigger');
  const wait = workflow.nodes.find((n) => n.parameters.operation === 'waitForCustomer');
  const quietMs = wait.parameters.quietPeriod * 1000;

  const t = Date.now();
  const { cookie } = await setupOwner(`http://${HOST}:${PORTS.main}`, DEMO_OWNER);
  const published = await n8nRest(`http://${HOST}:${PORTS.main}`, cookie).publish(workflow.id);
  check(published.ok, `agent: "${workflow.name}" published from the main's REST API (the editor's Publish)`, published.ok ? secs(Date.now() - t) : `${published.status} ${published.text.slice(0, 300)}`);
  if (!published.ok) return;
  const productionUrl = `http://${HOST}:${PORTS.main}/webhook/${trigger.webhookId}/callbell`;
  const live = await until(async () => sandbox.webhook && sandbox.webhook.url === productionUrl && (await fetch(productionUrl).catch(() => ({ status: 0 }))).status === 200, 30000);
  check(Boolean(live), 'agent: its Callbell Trigger (Registration Automatic) took over the account webhook, served by the main', sandbox.webhook ? sandbox.webhook.url : 'no account webhook');
  if (!live) return;

  customerName = sandbox.getContact(ada.uuid).name;
  const firstAttempt = sandbox.webhooks.attempts.length;
  const firstRequest = sandbox.requests.length;
  const sentBefore = new Set(sandbox.state.sent.keys());
  say(`  agent: ${ada.name} writes ${TEXTS.map((x) => `"${x}"`).join(', ')} ${GAP_MS / 1000} s apart (signed deliveries); Quiet Period ${quietMs / 1000} s; the model is scripted (${model.baseUrl})`);
  for (const [i, text] of TEXTS.entries()) {
    if (i > 0) await sleep(GAP_MS);
    sandbox.inbound({ contact_uuid: ada.uuid, text });
  }
  await sandbox.webhooks.idle();
  const incoming = sandbox.webhooks.attempts.slice(firstAttempt).filter((a) => a.payload.status === 'received');
  check(sandbox.webhooks.hasSecret() && incoming.length === TEXTS.length && incoming.every((a) => a.status === 200),
    'agent: the main answered the three signed deliveries 200', incoming.map((a) => a.status).join(','));

  const rowsNow = () => services.psql(`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflow.id}' ORDER BY id`);
  await until(() => rowsNow().filter((r) => ['success', 'error', 'crashed'].includes(r[1])).length >= TEXTS.length, 120000);
  await sleep(quietMs + 2000); // time enough for a second agent run to show, if there were one
  const rows = rowsNow();
  const ids = rows.map((r) => r[0]);
  const ev = { main: cluster.logEvidence(main), w1: cluster.logEvidence(w1), w2: cluster.logEvidence(w2) };
  say(`    executions of ${workflow.id}: ${rows.map((r) => `${r[0]}:${r[1]}/${r[2]}`).join(' ')}; started by worker-1: ${ids.filter((id) => ev.w1.started.has(id)).join(',') || '—'}, worker-2: ${ids.filter((id) => ev.w2.started.has(id)).join(',') || '—'}`);
  check(rows.length === TEXTS.length && rows.every((r) => r[1] === 'success' && r[2] === 'webhook'), 'agent: one successful webhook execution per message', `${rows.length} rows`);
  check(ids.every((id) => (ev.w1.started.has(id) || ev.w2.started.has(id)) && !ev.main.started.has(id)), 'agent: the workers ran them, not the main', `${ids.filter((id) => ev.w1.started.has(id) || ev.w2.started.has(id)).length}/${ids.length} on workers`);

  const runs = await Promise.all(ids.map((id) => executionNodes(cookie, id)));
  const agentRuns = runs.filter((r) => 'AI Agent' in r.outputs);
  const ended = runs.filter((r) => !('AI Agent' in r.outputs));
  for (const r of runs) say(`    execution ${r.id}: ${Object.entries(r.outputs).map(([name, items]) => `${name} → ${items.length}`).join(', ')}`);
  const burst = agentRuns.length === 1 ? (agentRuns[0].outputs[wait.name] || [])[0] : undefined;
  check(agentRuns.length === 1 && burst && burst.text === TEXTS.join('\n') && burst.messageCount === TEXTS.length,
    'agent: exactly one execution ran the AI Agent, with all three messages', burst ? JSON.stringify(burst.text) : `${agentRuns.length} agent runs`);
  check(ended.length === TEXTS.length - 1 && ended.every((r) => (r.outputs[wait.name] || []).length === 0 && Object.keys(r.outputs).length === 2),
    'agent: the two others ended at Wait for Customer to Finish without output', ended.map((r) => Object.keys(r.outputs).join('+')).join('; '));
  check(model.failures.length === 0 && model.requests.length === STEPS.length,
    'agent: the model was asked twice (one agent run: the tool calls, then the final answer), every request as scripted', model.failures.length ? JSON.stringify(model.failures).slice(0, 500) : `${model.requests.length} requests`);
  if (agentRuns.length === 1) check((agentRuns[0].outputs['AI Agent'][0] || {}).output === FINAL, 'agent: the AI Agent output the final answer', JSON.stringify(agentRuns[0].outputs['AI Agent']));

  const replies = [...sandbox.state.sent.entries()].filter(([uuid, m]) => !sentBefore.has(uuid) && m.contactUuid === ada.uuid).map(([, m]) => m.item.text);
  check(replies.length === 1 && replies[0] === REPLY, 'agent: the reply tool’s message reached the sandbox once', JSON.stringify(replies));
  const patches = sandbox.requests.slice(firstRequest).filter((r) => r.method === 'PATCH' && r.path === `/contacts/${ada.uuid}`);
  check(patches.length === 1 && sandbox.getContact(ada.uuid).tags.includes(TAG), `agent: the tag tool’s update reached the sandbox once (${ada.name} tagged ${TAG})`, `${patches.length} PATCH, tags ${sandbox.getContact(ada.uuid).tags.join(', ')}`);
  for (const id of ids) seen.add(id);
  say(`  (the agent round took ${secs(Date.now() - t)}: publish, three messages ${GAP_MS / 1000} s apart, Quiet Period ${quietMs / 1000} s, the agent run, ${(quietMs + 2000) / 1000} s watching for a second one)`);
}

module.exports = { agentWorkflow, modelCredential, startAgentModel, runAgentRound, MODEL_CREDENTIAL };
