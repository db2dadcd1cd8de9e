/**
 * Spec → wire shapes for the control plane. Runtimes, endpoints, gateways and
 * targets carry ISO-8601 timestamps; memories carry epoch seconds — the SDK's
 * deserializers are strict, so each converter owns its format.
 */
import type { GatewaySpec, MemorySpec, RuntimeEndpoint, RuntimeSpec, RuntimeVersion, TargetSpec } from '../fleet/model';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const epochSeconds = (ms: number): number => ms / 1000;

export function latestVersion(r: RuntimeSpec): RuntimeVersion {
  return r.versions[r.versions.length - 1]!;
}

export function runtimeSummary(r: RuntimeSpec, v: RuntimeVersion = latestVersion(r)): Record<string, unknown> {
  const isLatest = v === latestVersion(r);
  return {
    agentRuntimeArn: r.arn,
    agentRuntimeId: r.id,
    agentRuntimeVersion: v.version,
    agentRuntimeName: r.name,
    description: r.description,
    lastUpdatedAt: iso(isLatest ? r.lastUpdatedAt : v.createdAt),
    status: isLatest ? r.status : v.status,
  };
}

export function runtimeDetail(r: RuntimeSpec, v: RuntimeVersion): Record<string, unknown> {
  const isLatest = v === latestVersion(r);
  return {
    agentRuntimeArn: r.arn,
    agentRuntimeName: r.name,
    agentRuntimeId: r.id,
    agentRuntimeVersion: v.version,
    createdAt: iso(r.createdAt),
    lastUpdatedAt: iso(isLatest ? r.lastUpdatedAt : v.createdAt),
    roleArn: r.roleArn,
    status: isLatest ? r.status : v.status,
    ...(isLatest && r.failureReason ? { failureReason: r.failureReason } : {}),
    description: r.description,
    lifecycleConfiguration: { idleRuntimeSessionTimeout: r.idleRuntimeSessionTimeout, maxLifetime: r.maxLifetime },
    networkConfiguration:
      r.networkMode === 'VPC'
        ? {
            networkMode: 'VPC',
            networkModeConfig: { securityGroups: ['sg-0a1b2c3d4e5f60718'], subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] },
          }
        : { networkMode: 'PUBLIC' },
    workloadIdentityDetails: {
      workloadIdentityArn: `arn:aws:bedrock-agentcore:${r.region}:${r.accountId}:workload-identity-directory/default/workload-identity/${r.name}-${r.id.slice(-4)}`,
    },
    agentRuntimeArtifact: { containerConfiguration: { containerUri: r.containerUri.replace(/:v\d+$/, `:v${v.version}`) } },
    protocolConfiguration: { serverProtocol: r.serverProtocol },
    environmentVariables: r.environment,
    ...(r.authorizer
      ? {
          authorizerConfiguration: {
            customJWTAuthorizer: {
              discoveryUrl: r.authorizer.discoveryUrl,
              allowedClients: r.authorizer.allowedClients,
              ...(r.authorizer.allowedAudience ? { allowedAudience: r.authorizer.allowedAudience } : {}),
            },
          },
          requestHeaderConfiguration: { requestHeaderAllowlist: ['Authorization'] },
        }
      : {}),
  };
}

export function endpointWire(r: RuntimeSpec, e: RuntimeEndpoint): Record<string, unknown> {
  return {
    name: e.name,
    agentRuntimeEndpointArn: `${r.arn}/runtime-endpoint/${e.name}`,
    agentRuntimeArn: r.arn,
    status: e.status,
    id: e.id,
    createdAt: iso(e.createdAt),
    lastUpdatedAt: iso(e.lastUpdatedAt),
    liveVersion: e.liveVersion,
    targetVersion: e.targetVersion,
    description: e.description,
    ...(e.failureReason ? { failureReason: e.failureReason } : {}),
  };
}

export function memorySummary(m: MemorySpec): Record<string, unknown> {
  return { arn: m.arn, id: m.id, status: m.status, createdAt: epochSeconds(m.createdAt), updatedAt: epochSeconds(m.updatedAt) };
}

export function memoryDetail(m: MemorySpec): Record<string, unknown> {
  return {
    arn: m.arn,
    id: m.id,
    name: m.name,
    description: m.description,
    ...(m.encryptionKeyArn ? { encryptionKeyArn: m.encryptionKeyArn } : {}),
    eventExpiryDuration: m.eventExpiryDuration,
    status: m.status,
    ...(m.failureReason ? { failureReason: m.failureReason } : {}),
    createdAt: epochSeconds(m.createdAt),
    updatedAt: epochSeconds(m.updatedAt),
    memoryExecutionRoleArn: `arn:aws:iam::${m.accountId}:role/AgentCoreMemoryExecutionRole`,
    strategies: m.strategies.map((s) => ({
      strategyId: s.strategyId,
      name: s.name,
      type: s.type,
      namespaces: s.namespaces,
      description: m.strategyDescriptions[s.strategyId] ?? '',
      status: m.status === 'FAILED' ? 'FAILED' : 'ACTIVE',
      createdAt: epochSeconds(m.createdAt),
      updatedAt: epochSeconds(m.updatedAt),
    })),
  };
}

export function gatewaySummary(g: GatewaySpec): Record<string, unknown> {
  return {
    gatewayId: g.id,
    name: g.name,
    status: g.status,
    description: g.description,
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
    authorizerType: g.authorizerType,
    protocolType: 'MCP',
  };
}

export function gatewayDetail(g: GatewaySpec): Record<string, unknown> {
  return {
    gatewayArn: g.arn,
    gatewayId: g.id,
    gatewayUrl: g.url,
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
    status: g.status,
    statusReasons: g.statusReasons,
    name: g.name,
    description: g.description,
    roleArn: g.roleArn,
    protocolType: 'MCP',
    protocolConfiguration: { mcp: { supportedVersions: ['2025-03-26', '2025-06-18'], searchType: 'SEMANTIC' } },
    authorizerType: g.authorizerType,
    ...(g.discoveryUrl ? { authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: g.discoveryUrl, allowedClients: g.allowedClients ?? [] } } } : {}),
    workloadIdentityDetails: {
      workloadIdentityArn: `arn:aws:bedrock-agentcore:${g.region}:${g.accountId}:workload-identity-directory/default/workload-identity/${g.id}`,
    },
    exceptionLevel: 'DEBUG',
  };
}

export function targetSummary(t: TargetSpec): Record<string, unknown> {
  return {
    targetId: t.targetId,
    name: t.name,
    status: t.status,
    description: t.description,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    ...(t.lastSynchronizedAt ? { lastSynchronizedAt: iso(t.lastSynchronizedAt) } : {}),
    ...(t.authorizationUrl ? { authorizationData: { oauth2: { authorizationUrl: t.authorizationUrl, userId: 'alice' } } } : {}),
  };
}

export function targetDetail(g: GatewaySpec, t: TargetSpec): Record<string, unknown> {
  const toolSchema = {
    inlinePayload: t.tools.map((name) => ({
      name,
      description: name.replace(/_/g, ' '),
      inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'What to look up' } }, required: [] },
    })),
  };
  const mcp =
    t.kind === 'lambda'
      ? { lambda: { lambdaArn: t.location, toolSchema } }
      : t.kind === 'openApi'
        ? { openApiSchema: { s3: { uri: t.location, bucketOwnerAccountId: g.accountId } } }
        : { mcpServer: { endpoint: t.location } };
  const provider =
    t.credential === 'OAUTH'
      ? {
          oauthCredentialProvider: {
            providerArn: `arn:aws:bedrock-agentcore:${g.region}:${g.accountId}:token-vault/default/oauth2credentialprovider/${t.name}-oauth`,
            scopes: ['read'],
            grantType: 'AUTHORIZATION_CODE',
          },
        }
      : t.credential === 'API_KEY'
        ? {
            apiKeyCredentialProvider: {
              providerArn: `arn:aws:bedrock-agentcore:${g.region}:${g.accountId}:token-vault/default/apikeycredentialprovider/${t.name}-key`,
              credentialParameterName: 'x-api-key',
              credentialLocation: 'HEADER',
            },
          }
        : undefined;
  return {
    gatewayArn: g.arn,
    targetId: t.targetId,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    status: t.status,
    statusReasons: t.statusReasons,
    name: t.name,
    description: t.description,
    targetConfiguration: { mcp },
    credentialProviderConfigurations: [{ credentialProviderType: t.credential, ...(provider ? { credentialProvider: provider } : {}) }],
    ...(t.lastSynchronizedAt ? { lastSynchronizedAt: iso(t.lastSynchronizedAt) } : {}),
    ...(t.authorizationUrl ? { authorizationData: { oauth2: { authorizationUrl: t.authorizationUrl, userId: 'alice' } } } : {}),
  };
}
