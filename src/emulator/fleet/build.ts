/**
 * Blueprint → spec. Ids, secondary timestamps and small variations come from
 * the seed, keyed by region and resource name, so adding a resource never
 * reshuffles the others.
 */
import { Rng } from '../kit/rng';
import type { GatewayBlueprint, MemoryBlueprint, RuntimeBlueprint } from './blueprints';
import type { GatewaySpec, MemorySpec, RuntimeEndpoint, RuntimeSpec, RuntimeVersion, TargetSpec } from './model';
import { LOWER_ALNUM, UPPER_ALNUM, ago, gatewayArn, memoryArn, resourceId, runtimeArn } from './ids';

export interface BuildContext {
  seed: number;
  region: string;
  accountId: string;
  anchor: number;
  /** Memory name → id in this region, to link runtimes to their memory. */
  memoryId: (name: string) => string | undefined;
}

const HOUR = 3_600_000;

export function buildRuntime(bp: RuntimeBlueprint, ctx: BuildContext): RuntimeSpec {
  const { seed, region, accountId, anchor } = ctx;
  const id = resourceId(seed, region, bp.name);
  const arn = runtimeArn(region, accountId, id);
  const rng = Rng.for(seed, region, 'runtime', bp.name);
  const createdAt = ago(anchor, bp.ageDays, rng.int(0, 20));
  const lastUpdatedAt = ago(anchor, 0, bp.updatedHoursAgo);
  const versions: RuntimeVersion[] = [];
  for (let v = 1; v <= bp.versions; v++) {
    // Versions spread evenly between creation and the last update.
    const at = v === bp.versions ? lastUpdatedAt : createdAt + Math.floor(((lastUpdatedAt - createdAt) * (v - 1)) / Math.max(1, bp.versions - 1));
    const failed = v === bp.versions && bp.status === 'UPDATE_FAILED';
    versions.push({
      version: String(v),
      createdAt: at,
      status: failed ? 'UPDATE_FAILED' : 'READY',
      description: v === 1 ? 'Initial deployment' : rng.pick(VERSION_NOTES),
    });
  }
  // DEFAULT serves the newest version that deployed successfully (a failed update keeps the old one live).
  const latestGood = bp.status === 'UPDATE_FAILED' ? Math.max(1, bp.versions - 1) : bp.versions;
  const endpoint = (name: string, live: number, target: number, status: RuntimeEndpoint['status'], description: string, offsetH: number): RuntimeEndpoint => ({
    name,
    id: `${name}-${Rng.for(seed, region, 'ep', bp.name, name).chars(10, UPPER_ALNUM)}`,
    liveVersion: String(live),
    targetVersion: String(target),
    status,
    description,
    createdAt: createdAt + offsetH * HOUR,
    lastUpdatedAt: Math.max(createdAt, lastUpdatedAt - offsetH * HOUR),
  });
  const endpoints = [endpoint('DEFAULT', latestGood, latestGood, 'READY', 'Default endpoint (latest version)', 0)];
  (bp.endpoints ?? []).forEach((ep, i) => {
    const live = ep.live ?? latestGood;
    endpoints.push(endpoint(ep.name, live, ep.target ?? live, ep.status ?? 'READY', ep.description ?? '', i + 1));
  });
  const memoryId = bp.memory ? ctx.memoryId(bp.memory) : undefined;
  const image = bp.image ?? `${accountId}.dkr.ecr.${region}.amazonaws.com/bedrock-agentcore-${bp.name}:v${bp.versions}`;
  return {
    id,
    arn,
    name: bp.name,
    region,
    accountId,
    description: bp.description,
    status: bp.status ?? 'READY',
    ...(bp.failureReason ? { failureReason: bp.failureReason } : {}),
    createdAt,
    lastUpdatedAt,
    versions,
    endpoints,
    roleArn: `arn:aws:iam::${accountId}:role/AmazonBedrockAgentCoreSDKRuntime-${region}-${Rng.for(seed, region, 'role', bp.name).chars(10, LOWER_ALNUM)}`,
    containerUri: image,
    serverProtocol: bp.protocol ?? 'HTTP',
    networkMode: bp.network ?? 'PUBLIC',
    ...(bp.oauth
      ? {
          authorizer: {
            discoveryUrl: `https://cognito-idp.${region}.amazonaws.com/${region}_Xk3Lm9PqR/.well-known/openid-configuration`,
            allowedClients: [Rng.for(seed, region, 'client', bp.name).chars(26, LOWER_ALNUM)],
          },
        }
      : {}),
    environment: { AWS_REGION: region, ...(memoryId ? { BEDROCK_AGENTCORE_MEMORY_ID: memoryId } : {}), ...(bp.env ?? {}) },
    idleRuntimeSessionTimeout: bp.idleTimeout ?? 900,
    maxLifetime: 28800,
    ...(memoryId ? { memoryId } : {}),
    modelId: bp.modelId,
    behaviour: bp.behaviour,
  };
}

const VERSION_NOTES = [
  'Prompt tuning for shorter answers',
  'Upgrade bedrock-agentcore SDK',
  'Add memory retrieval before planning',
  'Switch to US cross-region inference profile',
  'Fix tool timeout handling',
  'Enable OpenTelemetry tracing',
];

export function buildMemory(bp: MemoryBlueprint, ctx: BuildContext): MemorySpec {
  const { seed, region, accountId, anchor } = ctx;
  const id = resourceId(seed, region, bp.name);
  const createdAt = ago(anchor, bp.ageDays, 1);
  const strategyDescriptions: Record<string, string> = {};
  const strategies = bp.strategies.map((s) => {
    const strategyId = `${s.name}-${Rng.for(seed, region, 'strategy', bp.name, s.name).chars(10)}`;
    strategyDescriptions[strategyId] = s.description;
    return { strategyId, name: s.name, type: s.type, namespaces: [s.namespace] };
  });
  return {
    id,
    arn: memoryArn(region, accountId, id),
    name: bp.name,
    region,
    accountId,
    strategies,
    description: bp.description,
    status: bp.status ?? 'ACTIVE',
    ...(bp.failureReason ? { failureReason: bp.failureReason.replace('{account}', accountId) } : {}),
    ...(bp.encryptionKey ? { encryptionKeyArn: bp.encryptionKey.replace('{account}', accountId) } : {}),
    createdAt,
    updatedAt: createdAt + 3 * HOUR,
    eventExpiryDuration: bp.expiryDays ?? 30,
    strategyDescriptions,
  };
}

export function buildGateway(bp: GatewayBlueprint, ctx: BuildContext): GatewaySpec {
  const { seed, region, accountId, anchor } = ctx;
  const id = resourceId(seed, region, bp.name, LOWER_ALNUM);
  const createdAt = ago(anchor, bp.ageDays, 2);
  const targets: TargetSpec[] = bp.targets.map((t, i) => {
    const tCreated = createdAt + (i + 1) * HOUR;
    const status = t.status ?? 'READY';
    return {
      targetId: Rng.for(seed, region, 'target', bp.name, t.name).chars(10, UPPER_ALNUM),
      name: t.name,
      description: t.description,
      status,
      statusReasons: t.statusReasons ?? [],
      createdAt: tCreated,
      updatedAt: tCreated + HOUR,
      ...(status === 'READY' ? { lastSynchronizedAt: ago(anchor, 0, 1) } : {}),
      kind: t.kind,
      location: t.location.replace('{account}', accountId),
      tools: t.tools,
      credential: t.credential ?? (t.kind === 'lambda' ? 'GATEWAY_IAM_ROLE' : t.kind === 'mcpServer' ? 'OAUTH' : 'API_KEY'),
      ...(t.pendingAuth
        ? {
            authorizationUrl: `https://bedrock-agentcore.${region}.amazonaws.com/identities/oauth2/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3A${Rng.for(seed, 'authz', t.name).chars(22)}`,
          }
        : {}),
    };
  });
  return {
    id,
    arn: gatewayArn(region, accountId, id),
    name: bp.name,
    region,
    accountId,
    description: bp.description,
    status: bp.status ?? 'READY',
    statusReasons: bp.statusReasons ?? [],
    createdAt,
    updatedAt: createdAt + 2 * HOUR,
    authorizerType: bp.authorizerType,
    ...(bp.authorizerType === 'CUSTOM_JWT'
      ? {
          discoveryUrl: `https://cognito-idp.${region}.amazonaws.com/${region}_Gw7Ab2CdE/.well-known/openid-configuration`,
          allowedClients: [Rng.for(seed, 'gwclient', bp.name).chars(26, LOWER_ALNUM)],
        }
      : {}),
    url: `https://${id}.gateway.bedrock-agentcore.${region}.amazonaws.com/mcp`,
    roleArn: `arn:aws:iam::${accountId}:role/AgentCoreGatewayRole-${bp.name}`,
    targets,
  };
}
