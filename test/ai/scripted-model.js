'use strict';
/**
 * A scripted, OpenAI-compatible chat model for driving n8n's real AI Agent offline and
 * deterministically. n8n's "OpenAI Chat Model" node (with Use Responses API off) talks to it
 * through the `openai` client when its credential's Base URL is `<server>/v1`.
 *
 *   const model = await startScriptedModel([
 *     { name: 'look around', check: (req) => …error text or undefined…, reply: { toolCalls: [{ name, args }] } },
 *     { name: 'answer', check: …, reply: { content: 'Done.' } },
 *   ]);
 *   model.baseUrl        // http://127.0.0.1:<port>/v1 — the credential's Base URL
 *   model.requests       // every POST /v1/chat/completions body, in order
 *   model.failures       // every refused request: { step, reason }
 *   await model.close();
 *
 * The n-th chat completion request is answered by the n-th step. A step's `check(request, ctx)`
 * returns a reason (string) when the request is not what the script expects; the server then
 * answers HTTP 500 with that reason (n8n shows it as the model's error) and records it, so a test
 * fails with the reason instead of a wrong answer. A request beyond the last step is refused too.
 * `ctx.toolCallIds` holds the ids of every tool call answered so far, for checking the tool results.
 *
 * Also answers GET /v1/models (the credential test and the editor's model list).
 */
const http = require('node:http');

const MODEL_ID = 'scripted-model';

function readBody(req) {
	return new Promise((resolve, reject) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => resolve(text));
		req.on('error', reject);
	});
}

function sendJson(res, status, value) {
	const text = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** The assistant message of a step's reply, with tool call ids `call_<step>_<index>`. */
function assistantMessage(reply, stepIndex) {
	if (reply.toolCalls) {
		return {
			role: 'assistant',
			content: null,
			tool_calls: reply.toolCalls.map((call, i) => ({
				id: `call_${stepIndex + 1}_${i + 1}`,
				type: 'function',
				function: { name: call.name, arguments: JSON.stringify(call.args) },
			})),
		};
	}
	return { role: 'assistant', content: reply.content };
}

function completion(message, created) {
	return {
		id: `chatcmpl-scripted-${created}`,
		object: 'chat.completion',
		created,
		model: MODEL_ID,
		choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/**
 * Starts the server on 127.0.0.1 and a free port.
 * @param {{ name: string, check?: (request: any, ctx: { toolCallIds: string[] }) => string | undefined,
 *   reply: { toolCalls: { name: string, args: object }[] } | { content: string } }[]} steps
 */
async function startScriptedModel(steps) {
	const requests = [];
	const failures = [];
	const toolCallIds = [];
	const other = [];

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://localhost');
		const text = await readBody(req);
		if (req.method === 'GET' && url.pathname === '/v1/models') {
			sendJson(res, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'test' }] });
			return;
		}
		if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
			other.push(`${req.method} ${url.pathname}`);
			const reason = `the scripted model serves POST /v1/chat/completions and GET /v1/models, not ${req.method} ${url.pathname}`;
			failures.push({ step: null, reason });
			sendJson(res, 404, { error: { message: reason, type: 'invalid_request_error' } });
			return;
		}
		let body;
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
		const stepIndex = requests.length;
		requests.push(body);
		const step = steps[stepIndex];
		const refuse = (reason) => {
			failures.push({ step: stepIndex + 1, reason });
			sendJson(res, 500, { error: { message: `Scripted model refused request ${stepIndex + 1}: ${reason}`, type: 'server_error' } });
		};
		if (!step) return refuse(`the script has ${steps.length} steps; no answer for request ${stepIndex + 1}`);
		// n8n's agent streams only behind a trigger that streams its response (a chat or webhook
		// trigger set to Streaming); behind the Callbell Trigger it asks for one answer.
		if (body?.stream === true) return refuse('asked for a streamed answer (stream: true); the script answers whole responses only');
		let reason;
		try {
			reason = step.check ? step.check(body, { toolCallIds: [...toolCallIds] }) : undefined;
		} catch (error) {
			reason = `check of step "${step.name}" threw: ${error.message}`;
		}
		if (reason) return refuse(`step "${step.name}": ${reason}`);
		const message = assistantMessage(step.reply, stepIndex);
		for (const call of message.tool_calls ?? []) toolCallIds.push(call.id);
		const created = Math.floor(Date.now() / 1000);
		sendJson(res, 200, completion(message, created));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		modelId: MODEL_ID,
		requests,
		failures,
		/** Requests to paths the model does not serve. */
		other,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startScriptedModel, MODEL_ID };
