/** Fleet resources as the renderer sees them: no credentials, only identifiers and status. */
import { z } from 'zod';
import { event, query } from './contract-kit';

export const resourceKinds = ['runtime', 'harness', 'memory', 'gateway'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** Health bucket derived from the many AWS status enums, so the UI can sort and colour uniformly. */
export type Health = 'ok' | 'pending' | 'failed' | 'unknown';

export interface EndpointSummary {
  name: string;
  status: string;
  liveVersion?: string;
  targetVersion?: string;
}

export interface FleetResource {
  /** Stable key: `<profile>|<region>|<kind>|<id>`. */
  key: string;
  kind: ResourceKind;
  id: string;
  arn: string;
  name: string;
  profile: string;
  accountId: string;
  region: string;
  status: string;
  health: Health;
  version?: string;
  endpoints?: EndpointSummary[];
  failureReason?: string;
  description?: string;
  /** Epoch ms of the resource's own last update (from AWS). */
  updatedAt?: number;
}

/** One (profile, region) polling cell; a failing cell never hides the others. */
export interface FleetCell {
  profile: string;
  region: string;
  state: 'ok' | 'loading' | 'error' | 'paused';
  error?: { code: string; message: string };
  /** Epoch ms of the last successful poll. */
  polledAt?: number;
}

export interface FleetSnapshot {
  resources: FleetResource[];
  cells: FleetCell[];
  /** Epoch ms when this data was current; older than now when served from the cache at start. */
  asOf: number | null;
  fromCache: boolean;
}

export interface FleetDiff {
  upserted: FleetResource[];
  removed: string[];
  cells: FleetCell[];
  asOf: number;
}

export const fleetListInput = z.object({}).strict();
export const fleetRefreshInput = z.object({}).strict();

export const resourceKeySchema = z
  .string()
  .min(5)
  .max(600)
  .regex(/^[^|]+\|[a-z0-9-]+\|(runtime|harness|memory|gateway)\|[^|]+$/, 'not a fleet resource key');
export const fleetResourceInput = z.object({ key: resourceKeySchema }).strict();

/** The resource kind a fleet key names (`<profile>|<region>|<kind>|<id>`). */
export const kindOfKey = (key: string): string | undefined => key.split('|')[2];

export interface StatusTransition {
  from: string | null;
  to: string;
  at: number;
}

export interface RuntimeDetail {
  kind: 'runtime';
  resource: FleetResource;
  roleArn?: string;
  containerUri?: string;
  protocol: string; // HTTP | MCP | A2A
  /** 'IAM (SigV4)' or 'Custom JWT'; JWT agents cannot be invoked with SigV4. */
  authorizer: { type: 'sigv4' | 'jwt'; discoveryUrl?: string; allowedAudience?: string[]; allowedClients?: string[] };
  networkMode?: string;
  idleRuntimeSessionTimeoutSeconds?: number;
  maxLifetimeSeconds?: number;
  /** Names only: values can hold secrets and stay in main. */
  environmentVariableNames: string[];
  createdAt?: number;
  versions: Array<{ version: string; status: string; updatedAt?: number; description?: string }>;
  endpoints: Array<EndpointSummary & { arn?: string; description?: string; updatedAt?: number }>;
  linkedMemoryKeys: string[];
  timeline: StatusTransition[];
}

export interface GatewayDetail {
  kind: 'gateway';
  resource: FleetResource;
  gatewayUrl?: string;
  authorizerType?: string;
  protocolType?: string;
  statusReasons: string[];
  targets: Array<{ id: string; name: string; status: string; health: Health; description?: string; statusReasons: string[]; updatedAt?: number }>;
  timeline: StatusTransition[];
}

export interface MemoryDetail {
  kind: 'memory';
  resource: FleetResource;
  eventExpiryDays?: number;
  /** A customer managed KMS key, when the memory uses one. */
  encryptionKeyArn?: string;
  strategies: Array<{ id: string; name: string; type: string; status?: string; namespaces: string[] }>;
  /** Runtimes of the same profile and region whose environment names this memory. */
  usedByRuntimeKeys: string[];
  timeline: StatusTransition[];
}

/** A managed agent harness: AgentCore runs the agent loop; the console shows its configuration, never its secrets. */
export interface HarnessDetail {
  kind: 'harness';
  resource: FleetResource;
  /** The provider's union member (bedrock, openAi, gemini, liteLlm) and its model id. */
  model?: { provider: string; modelId?: string; maxTokens?: number; temperature?: number };
  systemPrompt?: string;
  tools: Array<{ name: string; type: string }>;
  /** Skill names or paths only: a git skill's credentials stay in AWS. */
  skills: string[];
  allowedTools: string[];
  /** e.g. "AgentCore memory <arn>", "managed", "disabled". */
  memory?: string;
  executionRoleArn?: string;
  maxIterations?: number;
  maxTokens?: number;
  timeoutSeconds?: number;
  /** Names only: values can hold secrets and stay in main. */
  environmentVariableNames: string[];
  createdAt?: number;
  versions: Array<{ version: string; status: string; updatedAt?: number; failureReason?: string }>;
  endpoints: Array<EndpointSummary & { arn?: string; description?: string; updatedAt?: number }>;
  timeline: StatusTransition[];
}

export type ResourceDetail = RuntimeDetail | HarnessDetail | GatewayDetail | MemoryDetail;

export const fleetContract = {
  methods: {
    'fleet.list': query<FleetSnapshot>()(fleetListInput),
    /** Polls every watched cell now; reads AWS but changes nothing there, so viewers may ask for fresh data. */
    'fleet.refresh': query<FleetSnapshot>()(fleetRefreshInput),
    /** Agent, gateway or memory detail: fetched on demand, with the status timeline. */
    'fleet.resource': query<ResourceDetail>()(fleetResourceInput),
  },
  events: {
    'fleet.changed': event<FleetDiff>(),
  },
} as const;
