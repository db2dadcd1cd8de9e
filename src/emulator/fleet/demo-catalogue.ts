/**
 * What the demo fleet contains, region by region. The agents are modelled on
 * field reports from AgentCore users: an SRE multi-agent supervisor with
 * memory, a fitness coach, an AIOps ReAct agent streaming typed events, a
 * model-registry agent, Strands streaming agents, an OAuth-protected cloud
 * engineer, a broken update, and one agent without Bedrock model access.
 */
import type { GatewayBlueprint, MemoryBlueprint, RuntimeBlueprint } from './blueprints';
import { sreGateway, sreMemory } from './demo-sre-blueprints';

const SONNET_35 = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';
const SONNET_4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const HAIKU_35 = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';
const NOVA_LITE = 'amazon.nova-lite-v1:0';
const EU_SONNET = 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0';

export interface RegionCatalogue {
  runtimes: RuntimeBlueprint[];
  memories: MemoryBlueprint[];
  gateways: GatewayBlueprint[];
}

export const DEMO_CATALOGUE: Record<string, RegionCatalogue> = {
  'us-east-1': {
    runtimes: [
      {
        name: 'sre_supervisor',
        description: 'SRE multi-agent supervisor (Kubernetes, logs, metrics and runbooks specialists)',
        behaviour: 'sre-supervisor',
        modelId: SONNET_35,
        versions: 4,
        ageDays: 38,
        updatedHoursAgo: 3,
        memory: 'sre_agent_memory',
        endpoints: [{ name: 'prod', live: 3, target: 4, status: 'UPDATING', description: 'Production traffic (rolling to v4)' }],
        env: { BEDROCK_MODEL_ID: SONNET_35, MEMORY_STRATEGIES: 'preferences,infrastructure,investigations', LOG_LEVEL: 'INFO' },
      },
      {
        name: 'coach_companion',
        description: 'Fitness coach companion: training plans, recovery and nutrition check-ins',
        behaviour: 'fitness-coach',
        modelId: HAIKU_35,
        versions: 3,
        ageDays: 21,
        updatedHoursAgo: 30,
        memory: 'coach_companion_memory',
        endpoints: [{ name: 'prod', live: 3, description: 'Mobile app production' }],
      },
      {
        name: 'llmops_agent',
        description: 'AgenticAIOps ReAct agent: trains, deploys and monitors SageMaker models (streams typed events)',
        behaviour: 'aiops-react',
        modelId: SONNET_35,
        versions: 6,
        ageDays: 55,
        updatedHoursAgo: 52,
        env: { AGENTCORE_GATEWAY_ID: 'gtw-local-fallback', MAX_BUDGET_USD: '10' },
      },
      {
        name: 'model_registry_agent',
        description: 'Model registry assistant: recommends Bedrock and Ollama models for a task (input.prompt → output.message)',
        behaviour: 'model-registry',
        modelId: SONNET_4,
        versions: 2,
        ageDays: 12,
        updatedHoursAgo: 70,
      },
      {
        name: 'release_notes_writer',
        description: 'Writes release notes from a change summary (plain-text responses)',
        behaviour: 'plain-text',
        modelId: NOVA_LITE,
        versions: 1,
        ageDays: 9,
        updatedHoursAgo: 200,
      },
      {
        name: 'strands_research_agent',
        description: 'Strands research agent streaming Bedrock ConverseStream events',
        behaviour: 'strands-events',
        modelId: SONNET_4,
        versions: 5,
        ageDays: 30,
        updatedHoursAgo: 5,
        endpoints: [
          { name: 'staging', description: 'Pre-production checks' },
          { name: 'prod', live: 4, description: 'Production' },
        ],
      },
      {
        name: 'cloud_engineer_agent',
        description: 'Enterprise cloud engineer (Cognito OAuth, guardrails, 100+ users)',
        behaviour: 'result-json',
        modelId: SONNET_4,
        versions: 2,
        ageDays: 6,
        updatedHoursAgo: 20,
        oauth: true,
        network: 'VPC',
        env: { GUARDRAIL_ID: 'gr-cloudeng-7h2k', COGNITO_USER_POOL_ID: 'us-east-1_Xk3Lm9PqR' },
      },
      {
        name: 'cost_optimizer_agent',
        description: 'Finds idle resources and rightsizing opportunities',
        behaviour: 'result-json',
        modelId: HAIKU_35,
        versions: 3,
        ageDays: 17,
        updatedHoursAgo: 2,
        status: 'UPDATE_FAILED',
        failureReason:
          "Failed to update agent runtime to version 3: access denied while pulling image. The execution role requires permissions for ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on repository 'bedrock-agentcore-cost_optimizer_agent'.",
      },
      {
        name: 'incident_summarizer',
        description: 'Summarises incidents for status pages (Claude Haiku 4.5 global profile)',
        behaviour: 'model-access-error',
        modelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
        versions: 2,
        ageDays: 4,
        updatedHoursAgo: 26,
      },
    ],
    memories: [
      sreMemory('sre_agent_memory'),
      {
        name: 'coach_companion_memory',
        description: 'Athlete goals, injuries and weekly check-in summaries',
        ageDays: 21,
        expiryDays: 90,
        strategies: [
          {
            name: 'athlete_preferences',
            type: 'USER_PREFERENCE',
            namespace: '/users/{actorId}/preferences',
            description: 'Training days, equipment, dietary needs',
          },
          { name: 'checkin_summaries', type: 'SUMMARIZATION', namespace: '/summaries/{actorId}/{sessionId}', description: 'Weekly check-in summaries' },
        ],
      },
      {
        name: 'llmops_conversations',
        description: 'Training requests and job outcomes',
        ageDays: 55,
        strategies: [{ name: 'ml_facts', type: 'SEMANTIC', namespace: '/llmops/{actorId}/facts', description: 'Datasets, budgets and model choices' }],
      },
      {
        name: 'research_notes_memory',
        description: 'Research agent notes (encrypted with a customer managed key)',
        ageDays: 3,
        status: 'FAILED',
        encryptionKey: 'arn:aws:kms:us-east-1:{account}:key/3f6c2a8e-91d4-4b7e-a0c5-2d8e7f1b9c44',
        failureReason:
          'KMS key arn:aws:kms:us-east-1:{account}:key/3f6c2a8e-91d4-4b7e-a0c5-2d8e7f1b9c44 is disabled. Enable the key or choose another encryption key.',
        strategies: [{ name: 'research_facts', type: 'SEMANTIC', namespace: '/research/{actorId}', description: 'Facts gathered during research' }],
      },
    ],
    gateways: [
      sreGateway('sre-gateway'),
      {
        name: 'llmops-tools',
        description: 'SageMaker training tools and Hugging Face model search',
        ageDays: 50,
        authorizerType: 'AWS_IAM',
        targets: [
          {
            name: 'sagemaker-tools',
            description: 'Launch and monitor SageMaker training jobs',
            kind: 'lambda',
            location: 'arn:aws:lambda:us-east-1:{account}:function:llmops-sagemaker-tools',
            tools: ['launch_training_job', 'get_training_status', 'deploy_endpoint', 'estimate_cost'],
          },
          {
            name: 'hf-model-search',
            description: 'Hugging Face Hub search (OAuth, needs user consent)',
            kind: 'mcpServer',
            location: 'https://hf-mcp.example.com/mcp',
            tools: ['search_models', 'get_model_card'],
            status: 'CREATE_PENDING_AUTH',
            credential: 'OAUTH',
            pendingAuth: true,
            statusReasons: ['Waiting for the user to complete the OAuth authorization flow for credential provider hf-hub-oauth.'],
          },
        ],
      },
      {
        name: 'cloud-engineer-gateway',
        description: 'AWS account tooling for the cloud engineer agent (Cognito JWT inbound auth)',
        ageDays: 6,
        authorizerType: 'CUSTOM_JWT',
        status: 'FAILED',
        statusReasons: [
          'MCP endpoint answered 401 Unauthorized: inbound JWT rejected by the custom JWT authorizer (token audience does not match allowedAudience). Refresh the Cognito access token.',
        ],
        targets: [
          {
            name: 'aws-cli-tools',
            description: 'Read-only AWS CLI wrappers',
            kind: 'lambda',
            location: 'arn:aws:lambda:us-east-1:{account}:function:cloud-engineer-tools',
            tools: ['describe_instances', 'list_buckets', 'get_cost_and_usage'],
            status: 'SYNCHRONIZE_UNSUCCESSFUL',
            statusReasons: ['tools/list failed: 401 Unauthorized (no access token)'],
          },
        ],
      },
    ],
  },
  'us-west-2': {
    runtimes: [
      {
        name: 'strands_chat_agent',
        description: 'Strands chat agent streaming text tokens',
        behaviour: 'token-stream',
        modelId: SONNET_4,
        versions: 2,
        ageDays: 14,
        updatedHoursAgo: 8,
        memory: 'strands_chat_memory',
      },
      {
        name: 'coach_companion',
        description: 'Fitness coach companion (staging copy)',
        behaviour: 'fitness-coach',
        modelId: HAIKU_35,
        versions: 1,
        ageDays: 5,
        updatedHoursAgo: 100,
      },
      {
        name: 'ticket_triage_agent',
        description: 'Classifies support tickets and drafts first replies',
        behaviour: 'result-json',
        modelId: HAIKU_35,
        versions: 3,
        ageDays: 33,
        updatedHoursAgo: 12,
      },
    ],
    memories: [
      {
        name: 'strands_chat_memory',
        description: 'Chat history facts',
        ageDays: 14,
        strategies: [{ name: 'chat_facts', type: 'SEMANTIC', namespace: '/chat/{actorId}/facts', description: 'Facts users shared in chat' }],
      },
    ],
    gateways: [
      {
        name: 'strands-tools',
        description: 'Web search and calculator tools for Strands agents',
        ageDays: 14,
        authorizerType: 'NONE',
        targets: [
          {
            name: 'web-tools',
            description: 'Search and fetch',
            kind: 'lambda',
            location: 'arn:aws:lambda:us-west-2:{account}:function:strands-web-tools',
            tools: ['web_search', 'fetch_url', 'calculator'],
          },
        ],
      },
    ],
  },
  'eu-central-1': {
    runtimes: [
      {
        name: 'sre_supervisor_eu',
        description: 'SRE multi-agent supervisor for the Frankfurt clusters',
        behaviour: 'sre-supervisor',
        modelId: EU_SONNET,
        versions: 2,
        ageDays: 20,
        updatedHoursAgo: 48,
        memory: 'sre_agent_memory_eu',
      },
      {
        name: 'gdpr_redaction_agent',
        description: 'Redacts personal data from support transcripts (plain text)',
        behaviour: 'plain-text',
        modelId: EU_SONNET,
        versions: 4,
        ageDays: 60,
        updatedHoursAgo: 90,
      },
      {
        name: 'model_registry_agent',
        description: 'Model registry assistant (EU)',
        behaviour: 'model-registry',
        modelId: EU_SONNET,
        versions: 1,
        ageDays: 11,
        updatedHoursAgo: 260,
      },
    ],
    memories: [sreMemory('sre_agent_memory_eu')],
    gateways: [sreGateway('sre-gateway-eu')],
  },
};
