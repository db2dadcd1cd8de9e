/**
 * A managed agent harness's detail page: GetHarness, its versions and
 * endpoints, read into what an SRE checks — which model (provider and id),
 * system prompt, tools, skills, memory, limits — and never its secrets: API
 * key ARNs, a git skill's credentials and environment values stay in main
 * (the renderer gets names and locations only).
 */
import {
  GetHarnessCommand,
  paginateListHarnessEndpoints,
  paginateListHarnessVersions,
  type BedrockAgentCoreControlClient,
  type Harness,
  type HarnessSkill,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { allPages } from '../util/all-pages';
import type { FleetResource, HarnessDetail, StatusTransition } from '../../../shared/fleet';

/** The model union's member names the provider; only the model id and sampling limits leave main. */
function modelOf(model: Harness['model']): HarnessDetail['model'] {
  if (!model) return undefined;
  if (model.bedrockModelConfig)
    return {
      provider: 'Amazon Bedrock',
      modelId: model.bedrockModelConfig.modelId,
      maxTokens: model.bedrockModelConfig.maxTokens,
      temperature: model.bedrockModelConfig.temperature,
    };
  if (model.openAiModelConfig) return { provider: 'OpenAI', modelId: model.openAiModelConfig.modelId };
  if (model.geminiModelConfig) return { provider: 'Google Gemini', modelId: model.geminiModelConfig.modelId };
  if (model.liteLlmModelConfig) return { provider: 'LiteLLM', modelId: model.liteLlmModelConfig.modelId };
  return { provider: model.$unknown?.[0] ?? 'unknown' };
}

function skillName(skill: HarnessSkill): string {
  if (skill.path) return skill.path;
  if (skill.s3) return skill.s3.uri ?? 's3 skill';
  // A git URL can carry a token in its userinfo: show the host and path only.
  if (skill.git) return `${skill.git.url?.replace(/\/\/[^@/]*@/, '//') ?? 'git skill'}${skill.git.path ? ` (${skill.git.path})` : ''}`;
  if (skill.awsSkills) return `AWS skills${skill.awsSkills.paths?.length ? `: ${skill.awsSkills.paths.join(', ')}` : ''}`;
  return skill.$unknown?.[0] ?? 'skill';
}

function memoryOf(memory: Harness['memory']): string | undefined {
  if (!memory) return undefined;
  if (memory.agentCoreMemoryConfiguration) return `AgentCore memory ${memory.agentCoreMemoryConfiguration.arn ?? ''}`.trim();
  if (memory.managedMemoryConfiguration) return 'Managed by the harness';
  if (memory.disabled) return 'Disabled';
  return undefined;
}

export async function harnessDetail(client: BedrockAgentCoreControlClient, resource: FleetResource, timeline: StatusTransition[]): Promise<HarnessDetail> {
  const harnessId = resource.id;
  const [{ harness }, versions, endpoints] = await Promise.all([
    client.send(new GetHarnessCommand({ harnessId })),
    allPages(paginateListHarnessVersions({ client, pageSize: 50 }, { harnessId }), (p) => p.harnessVersions),
    allPages(paginateListHarnessEndpoints({ client, pageSize: 50 }, { harnessId }), (p) => p.endpoints),
  ]);
  const systemPrompt = (harness?.systemPrompt ?? [])
    .map((block) => block.text ?? '')
    .filter(Boolean)
    .join('\n\n');
  return {
    kind: 'harness',
    resource: { ...resource, failureReason: harness?.failureReason ?? resource.failureReason },
    ...(harness?.model ? { model: modelOf(harness.model) } : {}),
    ...(systemPrompt ? { systemPrompt } : {}),
    tools: (harness?.tools ?? []).map((t) => ({ name: t.name ?? t.type ?? 'tool', type: t.type ?? 'UNKNOWN' })),
    skills: (harness?.skills ?? []).map(skillName),
    allowedTools: harness?.allowedTools ?? [],
    memory: memoryOf(harness?.memory),
    executionRoleArn: harness?.executionRoleArn,
    maxIterations: harness?.maxIterations,
    maxTokens: harness?.maxTokens,
    timeoutSeconds: harness?.timeoutSeconds,
    environmentVariableNames: Object.keys(harness?.environmentVariables ?? {}).sort(),
    createdAt: harness?.createdAt?.getTime(),
    versions: versions
      .map((v) => ({ version: v.harnessVersion ?? '', status: v.status ?? 'UNKNOWN', updatedAt: v.updatedAt?.getTime(), failureReason: v.failureReason }))
      .sort((a, b) => Number(b.version) - Number(a.version)),
    endpoints: endpoints.map((e) => ({
      name: e.endpointName ?? '',
      status: e.status ?? 'UNKNOWN',
      liveVersion: e.liveVersion,
      targetVersion: e.targetVersion,
      arn: e.arn,
      description: e.description,
      updatedAt: e.updatedAt?.getTime(),
    })),
    timeline,
  };
}
