/** Maps AWS list/get shapes onto the renderer's FleetResource, and AWS's many status enums onto one health scale. */
import type { AgentRuntime, AgentRuntimeEndpoint, GatewaySummary, MemorySummary } from '@aws-sdk/client-bedrock-agentcore-control';
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

export function fromRuntime(cell: Cell, runtime: AgentRuntime, endpoints: AgentRuntimeEndpoint[], failureReason?: string, knownEndpoints?: EndpointSummary[]): FleetResource {
  const status = runtime.status ?? 'UNKNOWN';
  const id = runtime.agentRuntimeId ?? '';
  return {
    key: resourceKey(cell, 'runtime', id),
    kind: 'runtime',
    id,
    arn: runtime.agentRuntimeArn ?? '',
    name: runtime.agentRuntimeName ?? id,
    profile: cell.profile,
    accountId: accountOf(runtime.agentRuntimeArn),
    region: cell.region,
    status,
    health: healthOf(status),
    version: runtime.agentRuntimeVersion,
    description: runtime.description,
    failureReason,
    updatedAt: runtime.lastUpdatedAt?.getTime(),
    endpoints: knownEndpoints ?? endpoints.map((endpoint) => ({
      name: endpoint.name ?? '',
      status: endpoint.status ?? 'UNKNOWN',
      liveVersion: endpoint.liveVersion,
      targetVersion: endpoint.targetVersion,
    })),
  };
}

export function fromMemory(cell: Cell, memory: MemorySummary, name?: string, failureReason?: string): FleetResource {
  const status = memory.status ?? 'UNKNOWN';
  const id = memory.id ?? '';
  return {
    key: resourceKey(cell, 'memory', id),
    kind: 'memory',
    id,
    arn: memory.arn ?? '',
    // Memory ids are `<name>-<suffix>`; the list call carries no name.
    name: name ?? id.replace(/-[A-Za-z0-9]{10}$/, ''),
    profile: cell.profile,
    accountId: accountOf(memory.arn),
    region: cell.region,
    status,
    health: healthOf(status),
    failureReason,
    updatedAt: memory.updatedAt?.getTime(),
  };
}

export function fromGateway(cell: Cell, gateway: GatewaySummary, accountId: string, arn: string, failureReason?: string): FleetResource {
  const status = gateway.status ?? 'UNKNOWN';
  const id = gateway.gatewayId ?? '';
  return {
    key: resourceKey(cell, 'gateway', id),
    kind: 'gateway',
    id,
    arn,
    name: gateway.name ?? id,
    profile: cell.profile,
    accountId,
    region: cell.region,
    status,
    health: healthOf(status),
    description: gateway.description,
    failureReason,
    updatedAt: gateway.updatedAt?.getTime(),
  };
}
