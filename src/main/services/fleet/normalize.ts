/** Maps AWS list/get shapes onto the renderer's FleetResource, and AWS's many status enums onto one health scale. */
import type {
  AgentRuntime,
  AgentRuntimeEndpoint,
  GatewaySummary,
  HarnessEndpoint,
  HarnessSummary,
  MemorySummary,
} from '@aws-sdk/client-bedrock-agentcore-control';
import type { EndpointSummary, FleetResource, ResourceKind } from '../../../shared/fleet';
import { healthOf } from '../../../shared/health';

export function accountOf(arn: string | undefined): string {
  return arn?.split(':')[4] ?? '';
}

interface Cell {
  profile: string;
  region: string;
}

export const resourceKey = (cell: Cell, kind: ResourceKind, id: string): string => `${cell.profile}|${cell.region}|${kind}|${id}`;

/**
 * The fields every kind shares: identity within its cell, status and its health, last update. The kinds
 * add theirs with Object.assign, not a spread: a steady poll maps thousands of list entries, and V8 copies
 * a spread of this object about thirty times slower.
 */
function common(cell: Cell, kind: ResourceKind, id: string, rawStatus: string | undefined, updatedAt: Date | undefined) {
  const status = rawStatus ?? 'UNKNOWN';
  return {
    key: resourceKey(cell, kind, id),
    kind,
    id,
    profile: cell.profile,
    region: cell.region,
    status,
    health: healthOf(status),
    updatedAt: updatedAt?.getTime(),
  };
}

export function fromRuntime(
  cell: Cell,
  runtime: AgentRuntime,
  endpoints: AgentRuntimeEndpoint[],
  failureReason?: string,
  knownEndpoints?: EndpointSummary[],
): FleetResource {
  const id = runtime.agentRuntimeId ?? '';
  return Object.assign(common(cell, 'runtime', id, runtime.status, runtime.lastUpdatedAt), {
    arn: runtime.agentRuntimeArn ?? '',
    name: runtime.agentRuntimeName ?? id,
    accountId: accountOf(runtime.agentRuntimeArn),
    version: runtime.agentRuntimeVersion,
    description: runtime.description,
    failureReason,
    endpoints:
      knownEndpoints ??
      endpoints.map((endpoint) => ({
        name: endpoint.name ?? '',
        status: endpoint.status ?? 'UNKNOWN',
        liveVersion: endpoint.liveVersion,
        targetVersion: endpoint.targetVersion,
      })),
  });
}

export function fromMemory(cell: Cell, memory: MemorySummary, name?: string, failureReason?: string): FleetResource {
  const id = memory.id ?? '';
  return Object.assign(common(cell, 'memory', id, memory.status, memory.updatedAt), {
    arn: memory.arn ?? '',
    // Memory ids are `<name>-<suffix>`; the list call carries no name.
    name: name ?? id.replace(/-[A-Za-z0-9]{10}$/, ''),
    accountId: accountOf(memory.arn),
    failureReason,
  });
}

export function fromGateway(cell: Cell, gateway: GatewaySummary, accountId: string, arn: string, failureReason?: string): FleetResource {
  const id = gateway.gatewayId ?? '';
  return Object.assign(common(cell, 'gateway', id, gateway.status, gateway.updatedAt), {
    arn,
    name: gateway.name ?? id,
    accountId,
    description: gateway.description,
    failureReason,
  });
}

export function fromHarness(cell: Cell, harness: HarnessSummary, endpoints: HarnessEndpoint[], failureReason?: string): FleetResource {
  const id = harness.harnessId ?? '';
  return Object.assign(common(cell, 'harness', id, harness.status, harness.updatedAt), {
    arn: harness.arn ?? '',
    name: harness.harnessName ?? id,
    accountId: accountOf(harness.arn),
    version: harness.harnessVersion,
    failureReason,
    endpoints: endpoints.map((endpoint) => ({
      name: endpoint.endpointName ?? '',
      status: endpoint.status ?? 'UNKNOWN',
      liveVersion: endpoint.liveVersion,
      targetVersion: endpoint.targetVersion,
    })),
  });
}
