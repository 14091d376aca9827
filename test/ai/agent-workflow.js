'use strict';
/**
 * The support bot the AI-agent test publishes in real n8n: Callbell Trigger (incoming WhatsApp
 * messages) → AI Agent (n8n's Tools Agent) with n8n's OpenAI Chat Model and four Callbell Tool
 * nodes, then a Callbell Add Note that files the agent's final answer in the conversation.
 *
 * The contact every tool acts on is the one who wrote (taken from the trigger's item), never a
 * value the model chooses: a bot answers the person who wrote to it. The model chooses only the
 * `$fromAI()` values: the reply's text, the tag, whom to hand over to, how many messages to read.
 */

const CALLBELL_CREDENTIAL = { callbellApi: { id: 'callbellSandbox1', name: 'Callbell (local sandbox)' } };
const OPENAI_CREDENTIAL_ID = 'scriptedOpenAi1';
const OPENAI_CREDENTIAL_NAME = 'Scripted model (local)';

/** The contact of the incoming message, for every tool's Contact field. */
const THE_CONTACT = { __rl: true, mode: 'id', value: "={{ $('Callbell Trigger').item.json.contact.uuid }}" };

/** The tool nodes, by the tool name n8n gives the model (the node name, spaces → _). */
const TOOLS = {
	Reply_to_customer: {
		name: 'Reply to customer',
		// On Error → Continue, as docs/ai-agent.md advises: a send of unknown fate reaches the model with
		// its headline ("may have been sent … do not resend …") and its description, on every n8n.
		onError: 'continueRegularOutput',
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'contact',
			contact: THE_CONTACT,
			messageType: 'text',
			text: "={{ $fromAI('text', 'The WhatsApp message to send to the customer, in their language', 'string') }}",
		},
	},
	Tag_contact: {
		name: 'Tag contact',
		// Two tools run Contact → Update: n8n would describe both as "Update a contact in Callbell".
		description: 'Add one tag to the contact who wrote; the tags they have stay',
		// Settings → On Error → Continue: a refusal becomes the tool's result, with Callbell's reason,
		// on every n8n (without it n8n 2.8.4 and 1.123.81 fail the whole execution).
		onError: 'continueRegularOutput',
		parameters: {
			resource: 'contact',
			operation: 'update',
			contact: THE_CONTACT,
			tagMode: 'add',
			updateFields: {
				tags: "={{ $fromAI('tag', 'One tag for the contact, one of the account tags: Lead, Customer, VIP, Support, Churn Risk', 'string') }}",
			},
		},
	},
	Hand_over_to_a_human: {
		name: 'Hand over to a human',
		description: 'Hand the conversation to a human: assign it to a Callbell user and a team, and stop the bot',
		parameters: {
			resource: 'contact',
			operation: 'update',
			contact: THE_CONTACT,
			updateFields: {
				assignedUser: "={{ $fromAI('agent_email', 'Email of the Callbell user who takes over the conversation', 'string') }}",
				teamUuid: "={{ $fromAI('team_id', 'ID of the team inbox the conversation moves to', 'string') }}",
				botStatus: 'bot_end',
			},
		},
	},
	Read_recent_messages: {
		name: 'Read recent messages',
		parameters: {
			resource: 'contact',
			operation: 'getMessages',
			contact: THE_CONTACT,
			// One item, "Customer: …\nAgent: …", oldest first: what a model reads best.
			output: 'text',
			returnAll: false,
			limit: "={{ $fromAI('limit', 'How many of the newest messages to read, 1 to 20', 'number') }}",
		},
	},
};

/**
 * The workflow as n8n's import:workflow takes it.
 * @param {{ webhookId: string, teams: string, modelId: string, agentVersion?: number }} opts `teams`: the
 *   hand-over targets listed in the system message; `agentVersion`: the AI Agent's newest version on
 *   the n8n at hand (3.1 on 2.x; n8n 1.123.81's newest is 3)
 */
function buildAgentWorkflow({ id = 'cbAiAgentE2e', webhookId, teams, modelId, agentVersion = 3.1 }) {
	const nodes = [
		{
			id: 'ai-0001',
			name: 'Callbell Trigger',
			type: 'n8n-nodes-callbell.callbellTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { registration: 'automatic', events: ['message_created'], direction: 'incoming' },
			credentials: CALLBELL_CREDENTIAL,
		},
		{
			id: 'ai-0002',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: agentVersion,
			position: [240, 0],
			parameters: {
				promptType: 'define',
				text: '={{ $json.text }}',
				options: {
					systemMessage:
						"=You are the WhatsApp support bot of a shop. The customer is {{ $json.contact.name }}. " +
						'Read the recent messages for context, tag the contact, answer briefly, and hand over to a human ' +
						`when the customer asks for a refund. Teams: ${teams}.`,
					maxIterations: 5,
				},
			},
		},
		{
			id: 'ai-0003',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [120, 240],
			parameters: {
				model: { __rl: true, mode: 'id', value: modelId },
				responsesApiEnabled: false,
				// A refused request must fail the run, not be retried as the script's next step.
				options: { maxRetries: 0 },
			},
			credentials: { openAiApi: { id: OPENAI_CREDENTIAL_ID, name: OPENAI_CREDENTIAL_NAME } },
		},
		...Object.values(TOOLS).map((tool, i) => ({
			id: `ai-01${i}`,
			name: tool.name,
			type: 'n8n-nodes-callbell.callbellTool',
			typeVersion: 1,
			position: [320 + i * 140, 240],
			// Without a description n8n's own (Set Automatically): "<the operation's action> in Callbell".
			...(tool.onError ? { onError: tool.onError } : {}),
			parameters: tool.description
				? { descriptionType: 'manual', toolDescription: tool.description, ...tool.parameters }
				: { descriptionType: 'auto', ...tool.parameters },
			credentials: CALLBELL_CREDENTIAL,
		})),
		{
			id: 'ai-0004',
			name: 'File the answer',
			type: 'n8n-nodes-callbell.callbell',
			typeVersion: 1,
			position: [560, 0],
			parameters: {
				resource: 'contact',
				operation: 'addNote',
				contact: THE_CONTACT,
				text: '=Bot: {{ $json.output }}',
			},
			credentials: CALLBELL_CREDENTIAL,
		},
	];
	const connections = {
		'Callbell Trigger': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'AI Agent': { main: [[{ node: 'File the answer', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
	};
	for (const tool of Object.values(TOOLS)) {
		connections[tool.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
	}
	return {
		id,
		name: 'Callbell support bot: AI Agent with Callbell tools (e2e)',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = { buildAgentWorkflow, TOOLS, OPENAI_CREDENTIAL_ID, OPENAI_CREDENTIAL_NAME };
