'use strict';

/**
 * What `npm start` asks of its running n8n over REST, as the logged-in demo owner (cookie from
 * setupOwner): run a workflow as the editor's "Execute workflow" button does, read an execution
 * with its run data, list a workflow's executions, and the editor link that shows one execution.
 *
 *   const api = demoApi('http://localhost:5678', cookie);
 *   const { executionId } = await api.runManually('callbellDemoUpdate', 'Run the demo');
 *   const ex = await api.waitForExecution(executionId);   // { id, status, finished, data (run data) }
 *   nodeItems(ex.data, 'Update contact in Callbell');      // that node's output items
 *   api.executionUrl('callbellDemoUpdate', executionId);   // /workflow/<id>/executions/<executionId>
 */

const { restJson, n8nRest } = require('./n8n-instance');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * n8n's REST answers run data in the `flatted` format: a JSON array whose first entry is the root,
 * where every string inside an object or array is the index of its value in the array.
 * @param {string} text
 */
function unflatten(text) {
  const input = JSON.parse(text);
  const done = new Map();
  const get = (index) => {
    if (done.has(index)) return done.get(index);
    const value = input[index];
    if (value === null || typeof value !== 'object') {
      done.set(index, value);
      return value;
    }
    const out = Array.isArray(value) ? [] : {};
    done.set(index, out);
    for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? get(Number(v)) : v;
    return out;
  };
  return get(0);
}

/** The output items of `nodeName` (first output, every run) in an execution's run data. */
function nodeItems(data, nodeName) {
  const runs = data?.resultData?.runData?.[nodeName] || [];
  return runs.flatMap((run) => run?.data?.main?.[0] || []);
}

/** The execution's error as one line (its message and description), or undefined. */
function executionError(data) {
  const runData = data?.resultData?.runData || {};
  const err = data?.resultData?.error || Object.values(runData).flat().find((run) => run?.error)?.error;
  if (!err) return undefined;
  return [err.message, err.description].filter(Boolean).join(' — ');
}

function demoApi(baseUrl, cookie) {
  const base = baseUrl.replace(/\/+$/, '');
  const rest = n8nRest(base, cookie);

  async function call(method, path, body) {
    const res = await restJson(`${base}${path}`, { method, body, cookie });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res.json?.data;
  }

  return {
    /** POST /rest/workflows/:id/run from `triggerName`, as the editor's "Execute workflow": { executionId }. */
    async runManually(workflowId, triggerName) {
      const data = await call('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
      if (!data?.executionId) throw new Error(`n8n did not start the workflow: ${JSON.stringify(data).slice(0, 300)}`);
      return { executionId: String(data.executionId) };
    },
    /** One execution with its run data parsed: { id, status, finished, mode, data }. */
    async execution(id) {
      const ex = await call('GET', `/rest/executions/${id}`);
      return { ...ex, data: typeof ex.data === 'string' ? unflatten(ex.data) : ex.data };
    },
    /** Polls until the execution is no longer new, running or waiting; rejects after `timeoutMs`. */
    async waitForExecution(id, { timeoutMs = 60000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const ex = await this.execution(id);
        if (!['new', 'running', 'waiting'].includes(ex.status)) return ex;
        if (Date.now() > until) throw new Error(`execution ${id} still ${ex.status} after ${timeoutMs / 1000} s`);
        await sleep(200);
      }
    },
    /** The workflow's executions, newest first: [{ id, mode, status, … }]. */
    executions: (workflowId) => rest.executions(workflowId),
    /** The editor's Unpublish then Publish: n8n calls the trigger's delete, then checkExists and create. */
    async republish(workflowId) {
      // Unpublishing a workflow that is not published fails harmlessly; publishing must work.
      const off = await rest.unpublish(workflowId);
      const on = await rest.publish(workflowId);
      if (!on.ok) {
        const before = off.ok ? '' : ` (unpublishing first answered ${off.status}: ${off.text.slice(0, 200)})`;
        throw new Error(`publishing answered ${on.status}: ${on.text.slice(0, 300)}${before}`);
      }
    },
    executionUrl: (workflowId, id) => `${base}/workflow/${workflowId}/executions/${id}`,
  };
}

module.exports = { demoApi, unflatten, nodeItems, executionError };
