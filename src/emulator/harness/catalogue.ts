/**
 * The demo harnesses, region by region: an SRE harness with tools, a plain
 * FAQ harness, one whose model access is denied, and two that never became
 * READY, so the console's failures-first sorting has something to show.
 */
import type { HarnessBlueprint, HarnessTool } from './model';

const SONNET_4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const HAIKU_35 = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';
const OPUS_4 = 'us.anthropic.claude-opus-4-20250514-v1:0';
const EU_SONNET = 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0';

const objectSchema = (properties: Record<string, string>, required: string[]): Record<string, unknown> => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(properties).map(([k, description]) => [k, { type: 'string', description }])),
  required,
});

const SRE_TOOLS: HarnessTool[] = [
  {
    name: 'get_pod_status',
    description: 'Status, restarts and last termination reason of the pods of a Kubernetes service',
    inputSchema: objectSchema({ namespace: 'Kubernetes namespace', service: 'Service (app label)' }, ['service']),
  },
  {
    name: 'query_metrics',
    description: 'p50/p99 latency, error rate and CPU of a service over a time window',
    inputSchema: objectSchema({ service: 'Service name', window: 'e.g. 15m, 1h' }, ['service']),
  },
];

export const HARNESS_CATALOGUE: Record<string, HarnessBlueprint[]> = {
  'us-east-1': [
    {
      name: 'sre_tools_harness',
      description: 'SRE on-call assistant: checks pods and metrics before answering',
      behaviour: 'sre-tools',
      modelId: SONNET_4,
      systemPrompt: 'You are an SRE assistant. Check pod status and metrics with your tools before you diagnose anything.',
      tools: SRE_TOOLS,
      skills: ['/skills/kubernetes-triage', '/skills/runbooks'],
      memoryStrategies: ['SEMANTIC', 'SUMMARIZATION'],
      versions: 3,
      ageDays: 21,
      updatedHoursAgo: 5,
      endpoints: [{ name: 'prod', live: 2, description: 'On-call rotation (pinned to v2)' }],
    },
    {
      name: 'support_faq_harness',
      description: 'Customer support FAQ answers (billing, plans, account access)',
      behaviour: 'faq',
      modelId: HAIKU_35,
      systemPrompt: 'Answer customer support questions briefly and politely. Never promise refunds.',
      versions: 2,
      ageDays: 12,
      updatedHoursAgo: 30,
    },
    {
      name: 'billing_model_denied_harness',
      description: 'Invoice dispute triage (model access not granted in this account)',
      behaviour: 'model-access-denied',
      modelId: OPUS_4,
      systemPrompt: 'You triage invoice disputes and draft a reply for the billing team.',
      versions: 1,
      ageDays: 3,
      updatedHoursAgo: 50,
    },
    {
      name: 'onboarding_guide_harness',
      description: 'New-hire onboarding guide',
      behaviour: 'faq',
      modelId: HAIKU_35,
      systemPrompt: 'Guide new hires through their first week.',
      status: 'CREATE_FAILED',
      failureReason:
        'Unable to assume the execution role arn:aws:iam::{account}:role/HarnessOnboardingRole: the trust policy does not allow bedrock-agentcore.amazonaws.com',
      versions: 1,
      ageDays: 1,
      updatedHoursAgo: 20,
    },
    {
      name: 'release_notes_harness',
      description: 'Drafts release notes from merged pull requests',
      behaviour: 'faq',
      modelId: SONNET_4,
      systemPrompt: 'Write concise release notes grouped by feature, fix and chore.',
      status: 'CREATING',
      versions: 1,
      ageDays: 0,
      updatedHoursAgo: 0,
    },
  ],
  'us-west-2': [
    {
      name: 'field_ops_harness',
      description: 'Field operations Q&A for the west coast teams',
      behaviour: 'faq',
      modelId: HAIKU_35,
      systemPrompt: 'Answer field operations questions from the ops handbook.',
      versions: 1,
      ageDays: 9,
      updatedHoursAgo: 70,
    },
  ],
  'eu-central-1': [
    {
      name: 'gdpr_assistant_harness',
      description: 'Answers data-subject request questions (GDPR)',
      behaviour: 'faq',
      modelId: EU_SONNET,
      systemPrompt: 'Explain how data-subject requests are handled. Keep personal data out of answers.',
      memoryStrategies: ['SUMMARIZATION'],
      versions: 2,
      ageDays: 16,
      updatedHoursAgo: 8,
    },
  ],
};
