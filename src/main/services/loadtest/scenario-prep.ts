/**
 * From a validated scenario to what the runner needs, refusing what zod
 * cannot see: the agent must be an agent runtime in the fleet, the prompt
 * set must parse to at least one prompt, and the payload template (the
 * scenario's, else the agent's chat template) must fill to valid JSON.
 */
import { ApiError } from '../../../shared/errors';
import type { Scenario } from '../../../shared/loadtest';
import type { AgentDirectory } from '../chat/chat-service';
import type { AgentTarget } from '../chat/chat-turn';
import { buildPayload, PayloadError } from '../invoke/payload';
import type { RunPlan } from './load-runner';
import { PromptSetError, promptSet } from './prompt-set';
import { planStages } from './schedule';

export interface PreparedScenario {
  agent: AgentTarget;
  prompts: string[];
  plan: RunPlan;
}

export interface PrepDeps {
  agents: AgentDirectory;
  /** The agent's chat payload template, as the chat uses it. */
  chatTemplate(agentKey: string): string;
}

export function prepareScenario(deps: PrepDeps, scenario: Scenario): PreparedScenario {
  const agent = deps.agents.find(scenario.agentKey);
  if (!agent) throw new ApiError('not_found', `No agent runtime ${scenario.agentKey} in the fleet. Refresh the fleet and pick the agent again.`);
  if (agent.kind !== 'runtime')
    throw new ApiError('invalid_input', `${agent.name} is a managed harness; the load runner invokes agent runtimes (InvokeAgentRuntime) only.`, {
      field: 'agentKey',
    });
  let prompts: string[];
  try {
    prompts = promptSet(scenario.prompts);
  } catch (error) {
    if (error instanceof PromptSetError) throw new ApiError('invalid_input', error.message, { field: 'prompts' });
    throw error;
  }
  const template = scenario.payloadTemplate?.trim() ? scenario.payloadTemplate : deps.chatTemplate(scenario.agentKey);
  const encoder = new TextEncoder();
  const payload = (n: number, sessionId: string): Uint8Array =>
    encoder.encode(buildPayload({ mode: 'template', prompt: prompts[n % prompts.length]!, template }, { sessionId, userId: '' }));
  try {
    payload(0, 'loadtest-template-check-000000000000');
  } catch (error) {
    if (error instanceof PayloadError) throw new ApiError('invalid_input', error.message, { field: 'payloadTemplate' });
    throw error;
  }
  return {
    agent,
    prompts,
    plan: {
      stages: planStages(scenario),
      rampUpSeconds: scenario.rampUpSeconds,
      stop: scenario.stop,
      thinkTimeMs: scenario.thinkTimeMs,
      sessionPer: scenario.sessionPer,
      timeoutMs: scenario.timeoutMs,
      target: { arn: agent.arn, profile: agent.profile, region: agent.region, qualifier: scenario.qualifier },
      payload,
    },
  };
}
