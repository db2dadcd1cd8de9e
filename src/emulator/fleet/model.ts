/**
 * The emulated fleet's resources, richer than the WorldView the protocol
 * modules see: everything the control plane serves and the runtime needs to
 * behave like the agent it models. Times are epoch ms; the control plane
 * converts to each API's wire format.
 */
import type { MemoryDefinition } from '../core/types';

/** How a runtime answers invocations (see runtime/agents). */
export type Behaviour =
  | 'sre-supervisor'
  | 'fitness-coach'
  | 'aiops-react'
  | 'model-registry'
  | 'plain-text'
  | 'strands-events'
  | 'token-stream'
  | 'model-access-error'
  | 'result-json'
  | 'bridge';

export type RuntimeStatus = 'CREATING' | 'CREATE_FAILED' | 'READY' | 'UPDATING' | 'UPDATE_FAILED' | 'DELETING' | 'DELETE_FAILED';

export interface RuntimeVersion {
  version: string;
  createdAt: number;
  status: RuntimeStatus;
  description: string;
}

export interface RuntimeEndpoint {
  name: string;
  id: string;
  liveVersion: string;
  targetVersion: string;
  status: RuntimeStatus;
  description: string;
  createdAt: number;
  lastUpdatedAt: number;
  failureReason?: string;
}

export interface RuntimeSpec {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  description: string;
  status: RuntimeStatus;
  failureReason?: string;
  createdAt: number;
  lastUpdatedAt: number;
  /** Ascending; the last one is the latest. */
  versions: RuntimeVersion[];
  endpoints: RuntimeEndpoint[];
  roleArn: string;
  containerUri: string;
  serverProtocol: 'HTTP' | 'MCP' | 'A2A';
  networkMode: 'PUBLIC' | 'VPC';
  authorizer?: { discoveryUrl: string; allowedClients: string[]; allowedAudience?: string[] };
  environment: Record<string, string>;
  idleRuntimeSessionTimeout: number;
  maxLifetime: number;
  memoryId?: string;
  modelId: string;
  behaviour: Behaviour;
  /** Local agent bridge: invocations proxy to `<bridgeUrl>/invocations`. */
  bridgeUrl?: string;
}

export type MemoryStatus = 'CREATING' | 'ACTIVE' | 'FAILED' | 'DELETING' | 'UPDATING';

export interface MemorySpec extends MemoryDefinition {
  description: string;
  status: MemoryStatus;
  failureReason?: string;
  /** Customer managed KMS key; absent means AWS-owned encryption (GetMemory then omits the field). */
  encryptionKeyArn?: string;
  createdAt: number;
  updatedAt: number;
  eventExpiryDuration: number; // days
  strategyDescriptions: Record<string, string>;
}

export type TargetStatus =
  | 'CREATING'
  | 'UPDATING'
  | 'UPDATE_UNSUCCESSFUL'
  | 'DELETING'
  | 'READY'
  | 'FAILED'
  | 'CREATE_PENDING_AUTH'
  | 'UPDATE_PENDING_AUTH'
  | 'SYNCHRONIZING'
  | 'SYNCHRONIZE_UNSUCCESSFUL';

export interface TargetSpec {
  targetId: string;
  name: string;
  description: string;
  status: TargetStatus;
  statusReasons: string[];
  createdAt: number;
  updatedAt: number;
  lastSynchronizedAt?: number;
  kind: 'lambda' | 'openApi' | 'mcpServer';
  /** Lambda ARN, OpenAPI S3 URI or MCP server URL, per kind. */
  location: string;
  tools: string[];
  credential: 'GATEWAY_IAM_ROLE' | 'OAUTH' | 'API_KEY';
  /** CREATE_PENDING_AUTH targets: where the user must consent (3LO). */
  authorizationUrl?: string;
}

export interface GatewaySpec {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  description: string;
  status: 'CREATING' | 'UPDATING' | 'UPDATE_UNSUCCESSFUL' | 'DELETING' | 'READY' | 'FAILED';
  statusReasons: string[];
  createdAt: number;
  updatedAt: number;
  authorizerType: 'CUSTOM_JWT' | 'AWS_IAM' | 'NONE';
  discoveryUrl?: string;
  allowedClients?: string[];
  url: string;
  roleArn: string;
  targets: TargetSpec[];
}
