/**
 * On-demand detail for one fleet resource (the agent and gateway detail
 * pages): the full Get* answer, versions, endpoints, gateway targets and the
 * status timeline from SQLite. Environment variable values stay in main —
 * the renderer gets names only, since values often hold secrets.
 */
import {
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  GetMemoryCommand,
  paginateListAgentRuntimeEndpoints,
  paginateListAgentRuntimeVersions,
  paginateListGatewayTargets,
  type BedrockAgentCoreControlClient,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { Limiter } from '../util/limiter';
import { harnessDetail } from './harness-detail';
import { allPages } from '../util/all-pages';
import type { FleetResource, GatewayDetail, MemoryDetail, ResourceDetail, RuntimeDetail, StatusTransition } from '../../../shared/fleet';
import { healthOf } from '../../../shared/health';
import { ApiError } from '../../../shared/errors';
import { describeAwsError } from '../aws/describe-error';

/** Environment variables that name the runtime's memory (AgentCore starter kits use these). */
const memoryEnvNames = ['BEDROCK_AGENTCORE_MEMORY_ID', 'AGENTCORE_MEMORY_ID', 'MEMORY_ID'];

/** The memory ids (or ARNs) a runtime's environment names. */
const memoryIdsOf = (env: Record<string, string>): string[] => memoryEnvNames.map((name) => env[name]).filter((v): v is string => Boolean(v));

/** A resource's full detail, read now; AWS's refusals become ApiErrors that say what to do. */
export async function loadResourceDetail(
  client: BedrockAgentCoreControlClient,
  resource: FleetResource,
  timeline: StatusTransition[],
  /** The other resources of the resource's cell: a memory's detail names the runtimes that use it. */
  cellResources: readonly FleetResource[] = [],
): Promise<ResourceDetail> {
  try {
    return await readDetail(client, resource, timeline, cellResources);
  } catch (error) {
    const described = describeAwsError(error);
    if (described.code === 'ResourceNotFoundException')
      throw new ApiError('not_found', `${resource.name} no longer exists in ${resource.region} (${described.message}). Refresh the fleet.`);
    throw new ApiError('aws_error', `${described.code}: ${described.message}`, { awsCode: described.code, status: described.status });
  }
}

function readDetail(
  client: BedrockAgentCoreControlClient,
  resource: FleetResource,
  timeline: StatusTransition[],
  cellResources: readonly FleetResource[],
): Promise<ResourceDetail> {
  switch (resource.kind) {
    case 'runtime':
      return runtimeDetail(client, resource, timeline);
    case 'harness':
      return harnessDetail(client, resource, timeline);
    case 'gateway':
      return gatewayDetail(client, resource, timeline);
    case 'memory':
      return memoryDetail(client, resource, timeline, cellResources);
  }
}

async function runtimeDetail(client: BedrockAgentCoreControlClient, resource: FleetResource, timeline: StatusTransition[]): Promise<RuntimeDetail> {
  const agentRuntimeId = resource.id;
  const [runtime, versions, endpoints] = await Promise.all([
    client.send(new GetAgentRuntimeCommand({ agentRuntimeId })),
    allPages(paginateListAgentRuntimeVersions({ client, pageSize: 50 }, { agentRuntimeId }), (p) => p.agentRuntimes),
    allPages(paginateListAgentRuntimeEndpoints({ client, pageSize: 50 }, { agentRuntimeId }), (p) => p.runtimeEndpoints),
  ]);
  const jwt = runtime.authorizerConfiguration?.customJWTAuthorizer;
  const env = runtime.environmentVariables ?? {};
  const memoryIds = memoryIdsOf(env);
  return {
    kind: 'runtime',
    resource: { ...resource, failureReason: runtime.failureReason ?? resource.failureReason },
    roleArn: runtime.roleArn,
    containerUri: runtime.agentRuntimeArtifact?.containerConfiguration?.containerUri,
    protocol: runtime.protocolConfiguration?.serverProtocol ?? 'HTTP',
    authorizer: jwt
      ? { type: 'jwt', discoveryUrl: jwt.discoveryUrl, allowedAudience: jwt.allowedAudience, allowedClients: jwt.allowedClients }
      : { type: 'sigv4' },
    networkMode: runtime.networkConfiguration?.networkMode,
    idleRuntimeSessionTimeoutSeconds: runtime.lifecycleConfiguration?.idleRuntimeSessionTimeout,
    maxLifetimeSeconds: runtime.lifecycleConfiguration?.maxLifetime,
    environmentVariableNames: Object.keys(env).sort(),
    createdAt: runtime.createdAt?.getTime(),
    versions: versions
      .map((v) => ({ version: v.agentRuntimeVersion ?? '', status: v.status ?? 'UNKNOWN', updatedAt: v.lastUpdatedAt?.getTime(), description: v.description }))
      .sort((a, b) => Number(b.version) - Number(a.version)),
    endpoints: endpoints.map((e) => ({
      name: e.name ?? '',
      status: e.status ?? 'UNKNOWN',
      liveVersion: e.liveVersion,
      targetVersion: e.targetVersion,
      arn: e.agentRuntimeEndpointArn,
      description: e.description,
      updatedAt: e.lastUpdatedAt?.getTime(),
    })),
    linkedMemoryKeys: memoryIds.map((id) => `${resource.profile}|${resource.region}|memory|${id}`),
    timeline,
  };
}

async function gatewayDetail(client: BedrockAgentCoreControlClient, resource: FleetResource, timeline: StatusTransition[]): Promise<GatewayDetail> {
  const gatewayIdentifier = resource.id;
  const [gateway, targets] = await Promise.all([
    client.send(new GetGatewayCommand({ gatewayIdentifier })),
    allPages(paginateListGatewayTargets({ client, pageSize: 50 }, { gatewayIdentifier }), (p) => p.items),
  ]);
  // The list call carries no reasons; fetch them only for the targets that need explaining.
  const reasons = await Promise.all(
    targets.map((t) =>
      healthOf(t.status ?? '') === 'ok'
        ? Promise.resolve<string[]>([])
        : client.send(new GetGatewayTargetCommand({ gatewayIdentifier, targetId: t.targetId ?? '' })).then(
            (d) => d.statusReasons ?? [],
            () => [],
          ),
    ),
  );
  return {
    kind: 'gateway',
    resource,
    gatewayUrl: gateway.gatewayUrl,
    authorizerType: gateway.authorizerType,
    protocolType: gateway.protocolType,
    statusReasons: gateway.statusReasons ?? [],
    targets: targets.map((t, i) => ({
      id: t.targetId ?? '',
      name: t.name ?? '',
      status: t.status ?? 'UNKNOWN',
      health: healthOf(t.status ?? ''),
      description: t.description,
      statusReasons: reasons[i] ?? [],
      updatedAt: t.updatedAt?.getTime(),
    })),
    timeline,
  };
}

async function memoryDetail(
  client: BedrockAgentCoreControlClient,
  resource: FleetResource,
  timeline: StatusTransition[],
  cellResources: readonly FleetResource[],
): Promise<MemoryDetail> {
  const [{ memory }, usedBy] = await Promise.all([
    client.send(new GetMemoryCommand({ memoryId: resource.id })),
    runtimesUsing(client, resource, cellResources),
  ]);
  return {
    kind: 'memory',
    resource: { ...resource, name: memory?.name ?? resource.name, failureReason: memory?.failureReason ?? resource.failureReason },
    eventExpiryDays: memory?.eventExpiryDuration,
    ...(memory?.encryptionKeyArn ? { encryptionKeyArn: memory.encryptionKeyArn } : {}),
    strategies: (memory?.strategies ?? []).map((s) => ({
      id: s.strategyId ?? '',
      name: s.name ?? '',
      type: s.type ?? 'CUSTOM',
      status: s.status,
      namespaces: s.namespaces ?? [],
    })),
    usedByRuntimeKeys: usedBy,
    timeline,
  };
}

/** AgentCore keeps no memory → runtime link: read each runtime of the cell's environment (a few at a time, at most 50). */
async function runtimesUsing(client: BedrockAgentCoreControlClient, memory: FleetResource, cellResources: readonly FleetResource[]): Promise<string[]> {
  const runtimes = cellResources.filter((r) => r.kind === 'runtime').slice(0, 50);
  const limiter = new Limiter(5);
  const using = await Promise.all(
    runtimes.map((runtime) =>
      limiter.run(async () => {
        try {
          const env = (await client.send(new GetAgentRuntimeCommand({ agentRuntimeId: runtime.id }))).environmentVariables ?? {};
          return memoryIdsOf(env).some((id) => id === memory.id || id === memory.arn) ? runtime.key : undefined;
        } catch {
          return undefined; // one unreadable runtime must not hide the memory's detail
        }
      }),
    ),
  );
  return using.filter((key): key is string => key !== undefined);
}
