'use strict';

/**
 * The workflows of the queue-burst bench and what it reads back from the executions table.
 *
 *   plain   Callbell Trigger (Registration Manual) → Count (HTTP Request to the bench's counter)
 *   dedupe  examples/trigger-dedupe-across-webhook-processes.json (Callbell Trigger → Remove
 *           Duplicates v2 on {{ $json.deliveryKey }}) with its last node replaced by Count
 *   pg      examples/trigger-dedupe-postgres.json (Callbell Trigger → Postgres: INSERT … ON
 *           CONFLICT DO NOTHING RETURNING on {{ $json.deliveryKey }}) with its last node replaced by Count
 *
 * Count tells the bench's counter which delivery reached the end of the workflow, so a doubled
 * delivery shows as a key counted twice; the executions table tells how many executions there were.
 */

const fs = require('fs');
const path = require('path');

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
/** The table examples/trigger-dedupe-postgres.json inserts into (its sticky note has the same DDL). */
const PG_TABLE_SQL = 'CREATE TABLE callbell_delivery_keys (delivery_key text PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now())';
const PG_CREDENTIAL = { id: 'callbellDedupePg1', name: 'Postgres (delivery keys)', type: 'postgres' };
const CREDENTIALS = { callbellApi: { id: 'callbellSandbox1', name: 'Callbell (local sandbox)' } };

const WORKFLOWS = {
  plain: { id: 'cbBurstPlain', webhookId: '0f3c6a9e-2d41-4b7a-8c5e-6a1d9b3f2e70' },
  dedupe: { id: 'cbTriggerDedupe', webhookId: '7d1e4c2a-5b8f-4a36-9e0d-2c6b8f1a4e57', file: 'trigger-dedupe-across-webhook-processes.json', guard: 'n8n-nodes-base.removeDuplicates' },
  pg: { id: 'cbTriggerDedupePg', webhookId: 'a4c9e2f1-6b3d-4e58-8f17-3d0b5c9a2e64', file: 'trigger-dedupe-postgres.json', guard: 'n8n-nodes-base.postgres' },
};

/** An example workflow with its "Handle the Message" placeholder replaced by Count. */
function exampleWithCount(tag, counterPort) {
  const spec = WORKFLOWS[tag];
  const file = path.join(EXAMPLES, spec.file);
  const example = JSON.parse(fs.readFileSync(file, 'utf8'));
  const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-callbell.callbellTrigger');
  const guard = example.nodes.find((n) => n.type === spec.guard);
  if (!trigger || !guard || example.id !== spec.id || trigger.webhookId !== spec.webhookId) {
    throw new Error(`${file}: expected a Callbell Trigger (webhookId ${spec.webhookId}) and a ${spec.guard} node`);
  }
  return {
    ...example,
    nodes: [trigger, guard, countNode(counterPort, tag, 440)],
    connections: {
      [trigger.name]: example.connections[trigger.name],
      [guard.name]: { main: [[{ node: 'Count', type: 'main', index: 0 }]] },
    },
  };
}

function countNode(counterPort, tag, x) {
  return {
    id: `count-${tag}`,
    name: 'Count',
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    position: [x, 0],
    parameters: {
      url: `=http://127.0.0.1:${counterPort}/count?wf=${tag}&key={{ encodeURIComponent($('Callbell Trigger').item.json.deliveryKey) }}`,
      options: {},
    },
  };
}

/** The three workflows, ready for `n8n import:workflow` (one file, an array). */
function burstWorkflows(counterPort) {
  const plain = {
    id: WORKFLOWS.plain.id,
    name: 'Queue burst: Callbell Trigger → Count',
    active: false,
    nodes: [
      {
        id: 'burst-plain-trigger',
        name: 'Callbell Trigger',
        type: 'n8n-nodes-callbell.callbellTrigger',
        typeVersion: 1.1,
        position: [0, 0],
        webhookId: WORKFLOWS.plain.webhookId,
        parameters: { registration: 'manual', events: ['message_created'], direction: 'incoming' },
        credentials: CREDENTIALS,
      },
      countNode(counterPort, 'plain', 220),
    ],
    connections: { 'Callbell Trigger': { main: [[{ node: 'Count', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
    pinData: {},
  };

  return [plain, exampleWithCount('dedupe', counterPort), exampleWithCount('pg', counterPort)];
}

/**
 * The executions of `workflowId` for one burst (message uuids `b0<runId>00-…`): one row per
 * execution with its status and the distinct message uuids found in its data.
 */
function executionsSql(workflowId, runId) {
  const re = `b0${runId}00-0000-4000-8000-[0-9a-f]{12}`;
  return `SELECT e.id, e.status, e.mode, to_char(e."startedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), to_char(e."stoppedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    (SELECT string_agg(DISTINCT m[1], ',') FROM regexp_matches(d.data, '(${re})', 'g') AS m)
    FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
    WHERE e."workflowId" = '${workflowId}' AND d.data ~ '${re}' ORDER BY e.id`;
}

/**
 * Doubles and losses: `rows` from executionsSql, `keys` every planned message uuid, `counted`
 * Map(uuid → times Count ran for it).
 */
function tally(rows, keys, counted) {
  const perKey = new Map(keys.map((k) => [k, 0]));
  let multi = 0;
  const byStatus = {};
  for (const [, status, , , , uuids] of rows) {
    byStatus[status] = (byStatus[status] || 0) + 1;
    const found = (uuids || '').split(',').filter(Boolean);
    if (found.length !== 1) multi++;
    for (const u of found) if (perKey.has(u)) perKey.set(u, perKey.get(u) + 1);
  }
  const values = [...perKey.values()];
  const downstream = keys.map((k) => counted.get(k) || 0);
  return {
    executions: rows.length,
    byStatus,
    executionsNotOneDelivery: multi,
    deliveriesExecuted: values.filter((v) => v > 0).length,
    doubled: values.filter((v) => v > 1).length,
    extraExecutions: values.reduce((s, v) => s + Math.max(0, v - 1), 0),
    lost: values.filter((v) => v === 0).length,
    downstreamRuns: downstream.reduce((s, v) => s + v, 0),
    downstreamDoubled: downstream.filter((v) => v > 1).length,
    downstreamLost: downstream.filter((v) => v === 0).length,
  };
}

module.exports = { burstWorkflows, executionsSql, tally, WORKFLOWS, PG_TABLE_SQL, PG_CREDENTIAL };
