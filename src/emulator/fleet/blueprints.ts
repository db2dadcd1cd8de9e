/**
 * Declarative shapes of demo resources; build.ts turns them into full specs
 * with seeded ids and timestamps. Keeping the catalogue as data makes it easy
 * to see (and change) what the demo fleet contains.
 */
import type { Behaviour, MemoryStatus, RuntimeStatus, TargetSpec, GatewaySpec } from './model';

export interface EndpointBlueprint {
  name: string;
  /** Version numbers; default: the latest. */
  live?: number;
  target?: number;
  status?: RuntimeStatus;
  description?: string;
}

export interface RuntimeBlueprint {
  name: string;
  description: string;
  behaviour: Behaviour;
  modelId: string;
  versions: number;
  ageDays: number;
  updatedHoursAgo: number;
  memory?: string;
  status?: RuntimeStatus;
  failureReason?: string;
  /** Extra endpoints beside DEFAULT (which always points at the latest good version). */
  endpoints?: EndpointBlueprint[];
  oauth?: boolean;
  protocol?: 'HTTP' | 'MCP' | 'A2A';
  network?: 'PUBLIC' | 'VPC';
  env?: Record<string, string>;
  idleTimeout?: number;
  image?: string;
}

export interface MemoryBlueprint {
  name: string;
  description: string;
  ageDays: number;
  status?: MemoryStatus;
  failureReason?: string;
  /** KMS key ARN, `{account}` substituted like failure reasons. */
  encryptionKey?: string;
  expiryDays?: number;
  strategies: Array<{
    name: string;
    type: 'SEMANTIC' | 'SUMMARIZATION' | 'USER_PREFERENCE' | 'CUSTOM';
    namespace: string;
    description: string;
  }>;
}

export interface TargetBlueprint {
  name: string;
  description: string;
  kind: TargetSpec['kind'];
  location: string;
  tools: string[];
  status?: TargetSpec['status'];
  statusReasons?: string[];
  credential?: TargetSpec['credential'];
  pendingAuth?: boolean;
}

export interface GatewayBlueprint {
  name: string;
  description: string;
  ageDays: number;
  authorizerType: GatewaySpec['authorizerType'];
  status?: GatewaySpec['status'];
  statusReasons?: string[];
  targets: TargetBlueprint[];
}
