'use strict';
/**
 * A second workflow for the AI-agent test's n8n: an AI Agent whose one tool, Tag customer (Callbell
 * Tool → Contact → Update, Tag Mode Add), is gated by n8n's human-review tool built from this
 * package's Send and Wait for Response (`n8n-nodes-callbell.callbellHitlTool`, n8n 2.x only).
 *
 *   Webhook → AI Agent → File the answer
 *   OpenAI Chat Model ─ai_languageModel→ AI Agent
 *   Tag customer ─ai_tool→ Ask the manager ─ai_tool→ AI Agent
 *
 * When the model calls Tag_customer, n8n runs Ask the manager instead (a WhatsApp with signed
 * Approve/Decline links to the manager's phone) and the execution waits; on Approve n8n runs Tag
 * customer with the model's arguments, on Decline the model is told the call was rejected.
 * The Webhook's body says whom to tag: { contact: <uuid>, name, text }.
 */
const { OPENAI_CREDENTIAL_ID, OPENAI_CREDENTIAL_NAME } = require('./agent-workflow');

const CALLBELL_CREDENTIAL = { callbellApi: { id: 'callbellSandbox1', name: 'Callbell (local sandbox)' } };
const HITL_WORKFLOW_ID = 'cbAiHitlE2e';
const HITL_PATH = 'callbell-hitl-agent';
/** The node names; the gated tool's name is what the model calls (spaces → _). */
const NAMES = { agent: 'AI Agent', review: 'Ask the manager', gated: 'Tag customer', note: 'File the answer', hook: 'Webhook' };
const GATED_TOOL = 'Tag_customer';
const GATED_DESCRIPTION = 'Add one tag to the customer; a manager approves it first';
const THE_CONTACT = { __rl: true, mode: 'id', value: `={{ $('${NAMES.hook}').first().json.body.contact }}` };

/**
 * @param {{ managerPhone: string, modelId: string, agentVersion?: number }} opts `managerPhone`: where the
 *   approval WhatsApp goes (a number inside WhatsApp's 24-hour window: the message is a text)
 */
function buildHitlWorkflow({ managerPhone, modelId, agentVersion = 3.1 }) {
	const nodes = [
		{
			id: 'hitl-0001',
			name: NAMES.hook,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: 'hitl-agent-webhook',
			parameters: { httpMethod: 'POST', path: HITL_PATH, responseMode: 'onReceived', options: {} },
		},
		{
			id: 'hitl-0002',
			name: NAMES.agent,
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: agentVersion,
			position: [240, 0],
			parameters: {
				promptType: 'define',
				text: '={{ $json.body.text }}',
				options: {
					systemMessage: '=You tag the customers of a shop. The customer is {{ $json.body.name }}. A manager approves every tag.',
					maxIterations: 5,
				},
			},
		},
		{
			id: 'hitl-0003',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [120, 240],
			parameters: { model: { __rl: true, mode: 'id', value: modelId }, responsesApiEnabled: false, options: { maxRetries: 0 } },
			credentials: { openAiApi: { id: OPENAI_CREDENTIAL_ID, name: OPENAI_CREDENTIAL_NAME } },
		},
		{
			// The human-review tool. Its Message names the tool and its arguments: n8n's default puts
			// `{{ $tool.parameters }}` in the text, which renders an object as "[object Object]" (2.41.1).
			// Resource and Operation are hidden fields (hitl-tools.js): not set here, as the editor cannot set
			// them; n8n fills in their defaults (message, sendAndWait) when it loads the workflow, and
			// `operation === 'sendAndWait'` is what makes it check the links' signatures
			// (waiting-webhooks.js isSendAndWaitRequest).
			id: 'hitl-0004',
			name: NAMES.review,
			type: 'n8n-nodes-callbell.callbellHitlTool',
			typeVersion: 1,
			position: [360, 240],
			webhookId: 'hitl-review-webhook',
			parameters: {
				message: '=The bot wants to run {{ $tool.name }} with {{ JSON.stringify($tool.parameters) }}. Allow it?',
				sendTo: 'phone',
				phoneNumber: managerPhone,
				sendAs: 'text',
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Approve', disapproveLabel: 'Decline' } },
			},
			credentials: CALLBELL_CREDENTIAL,
		},
		{
			id: 'hitl-0005',
			name: NAMES.gated,
			type: 'n8n-nodes-callbell.callbellTool',
			typeVersion: 1,
			position: [360, 480],
			parameters: {
				descriptionType: 'manual',
				toolDescription: GATED_DESCRIPTION,
				resource: 'contact',
				operation: 'update',
				contact: THE_CONTACT,
				tagMode: 'add',
				updateFields: { tags: "={{ $fromAI('tag', 'One tag for the customer: Lead, Customer, VIP, Support, Churn Risk', 'string') }}" },
			},
			credentials: CALLBELL_CREDENTIAL,
		},
		{
			id: 'hitl-0006',
			name: NAMES.note,
			type: 'n8n-nodes-callbell.callbell',
			typeVersion: 1,
			position: [560, 0],
			parameters: { resource: 'contact', operation: 'addNote', contact: THE_CONTACT, text: '=Bot: {{ $json.output }}' },
			credentials: CALLBELL_CREDENTIAL,
		},
	];
	const connections = {
		[NAMES.hook]: { main: [[{ node: NAMES.agent, type: 'main', index: 0 }]] },
		[NAMES.agent]: { main: [[{ node: NAMES.note, type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: NAMES.agent, type: 'ai_languageModel', index: 0 }]] },
		// The gated tool connects to the review tool, the review tool to the agent: both as ai_tool.
		[NAMES.gated]: { ai_tool: [[{ node: NAMES.review, type: 'ai_tool', index: 0 }]] },
		[NAMES.review]: { ai_tool: [[{ node: NAMES.agent, type: 'ai_tool', index: 0 }]] },
	};
	return { id: HITL_WORKFLOW_ID, name: 'Callbell: an agent’s tag approved over WhatsApp (e2e)', active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

module.exports = { buildHitlWorkflow, HITL_WORKFLOW_ID, HITL_PATH, NAMES, GATED_TOOL, GATED_DESCRIPTION };
