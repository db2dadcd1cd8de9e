/**
 * Harness spec → the control plane's wire shapes (GetHarness, ListHarnesses,
 * endpoints, versions). No secret ever leaves: credentials are referenced by
 * ARN only, and the demo tools carry no headers or keys at all.
 */
import { iso } from '../control-plane/wire';
import type { HarnessEndpointSpec, HarnessSpec, HarnessVersion } from './model';

export function latestHarnessVersion(h: HarnessSpec): HarnessVersion {
  return h.versions[h.versions.length - 1]!;
}

export function harnessSummary(h: HarnessSpec): Record<string, unknown> {
  return {
    harnessId: h.id,
    harnessName: h.name,
    arn: h.arn,
    status: h.status,
    createdAt: iso(h.createdAt),
    updatedAt: iso(h.updatedAt),
    harnessVersion: latestHarnessVersion(h).version,
  };
}

export function harnessDetail(h: HarnessSpec, v: HarnessVersion = latestHarnessVersion(h), status = v.status): Record<string, unknown> {
  const isLatest = v === latestHarnessVersion(h);
  const tools = h.tools ?? [];
  return {
    harnessId: h.id,
    harnessName: h.name,
    arn: h.arn,
    status,
    harnessVersion: v.version,
    executionRoleArn: h.executionRoleArn,
    createdAt: iso(h.createdAt),
    updatedAt: iso(isLatest ? h.updatedAt : v.createdAt),
    model: { bedrockModelConfig: { modelId: h.modelId, maxTokens: 4096, temperature: 0.2, apiFormat: 'converse_stream' } },
    systemPrompt: [{ text: h.systemPrompt }],
    tools: tools.map((t) => ({
      type: 'inline_function',
      name: t.name,
      config: { inlineFunction: { description: t.description, inputSchema: t.inputSchema } },
    })),
    skills: (h.skills ?? []).map((path) => ({ path })),
    allowedTools: tools.map((t) => t.name),
    truncation: { strategy: 'sliding_window', config: { slidingWindow: { messagesCount: 40 } } },
    environment: {
      agentCoreRuntimeEnvironment: {
        agentRuntimeArn: h.runtimeArn,
        agentRuntimeName: h.runtimeId.slice(0, h.runtimeId.lastIndexOf('-')),
        agentRuntimeId: h.runtimeId,
        lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
        networkConfiguration: { networkMode: 'PUBLIC' },
      },
    },
    memory: h.memoryArn
      ? { managedMemoryConfiguration: { arn: h.memoryArn, strategies: h.memoryStrategies ?? [], eventExpiryDuration: 30 } }
      : { disabled: {} },
    maxIterations: 10,
    maxTokens: 4096,
    timeoutSeconds: 300,
    ...(isLatest && h.failureReason ? { failureReason: h.failureReason } : {}),
  };
}

export function harnessEndpointWire(h: HarnessSpec, e: HarnessEndpointSpec): Record<string, unknown> {
  return {
    harnessId: h.id,
    harnessName: h.name,
    endpointName: e.name,
    arn: `${h.arn}/harness-endpoint/${e.name}`,
    status: e.status,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
    liveVersion: e.liveVersion,
    targetVersion: e.targetVersion,
    description: e.description,
    ...(e.status.endsWith('FAILED') && h.failureReason ? { failureReason: h.failureReason } : {}),
  };
}

export function harnessVersionSummary(h: HarnessSpec, v: HarnessVersion): Record<string, unknown> {
  const isLatest = v === latestHarnessVersion(h);
  return {
    harnessId: h.id,
    harnessName: h.name,
    arn: h.arn,
    harnessVersion: v.version,
    status: v.status,
    createdAt: iso(v.createdAt),
    updatedAt: iso(isLatest ? h.updatedAt : v.createdAt),
    ...(isLatest && h.failureReason ? { failureReason: h.failureReason } : {}),
  };
}
