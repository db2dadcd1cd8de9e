/**
 * One full poll of one (profile, region) cell: every page of runtimes (with
 * their endpoints), memories and gateways. Per-resource detail calls run with
 * bounded concurrency; a resource deleted between list and get is skipped,
 * not an error for the whole cell.
 */
import {
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetMemoryCommand,
  ListAgentRuntimeEndpointsCommand,
  paginateListAgentRuntimes,
  paginateListGateways,
  paginateListMemories,
  ResourceNotFoundException,
  type AgentRuntime,
  type BedrockAgentCoreControlClient,
  type GatewaySummary,
  type MemorySummary,
} from '@aws-sdk/client-bedrock-agentcore-control';
import type { FleetResource } from '../../../shared/fleet';
import { mapLimit } from '../util/map-limit';
import { accountOf, fromGateway, fromMemory, fromRuntime, healthOf } from './normalize';

export interface PollCellOptions {
  profile: string;
  region: string;
  client: BedrockAgentCoreControlClient;
  /** Detail calls in flight at once for this cell. */
  concurrency: number;
  signal?: AbortSignal;
}

export async function pollCell(options: PollCellOptions): Promise<FleetResource[]> {
  const { client, concurrency } = options;
  const cell = { profile: options.profile, region: options.region };
  const abort = options.signal ? { abortSignal: options.signal } : {};

  const [runtimes, memories, gateways] = await Promise.all([
    collect(paginateListAgentRuntimes({ client, pageSize: 100 }, {}), (page) => page.agentRuntimes),
    collect(paginateListMemories({ client, pageSize: 100 }, {}), (page) => page.memories),
    collect(paginateListGateways({ client, pageSize: 100 }, {}), (page) => page.items),
  ]);

  const runtimeResources = await mapLimit(runtimes, concurrency, async (runtime: AgentRuntime) => {
    const id = runtime.agentRuntimeId ?? '';
    const endpoints = await orMissing(client.send(new ListAgentRuntimeEndpointsCommand({ agentRuntimeId: id, maxResults: 50 }), abort));
    if (endpoints === missing) return null;
    let failureReason: string | undefined;
    if (healthOf(runtime.status ?? '') === 'failed') {
      const detail = await orMissing(client.send(new GetAgentRuntimeCommand({ agentRuntimeId: id }), abort));
      if (detail === missing) return null;
      failureReason = detail.failureReason;
    }
    return fromRuntime(cell, runtime, endpoints.runtimeEndpoints ?? [], failureReason);
  });

  const memoryResources = await mapLimit(memories, concurrency, async (memory: MemorySummary) => {
    if (healthOf(memory.status ?? '') !== 'failed') return fromMemory(cell, memory);
    const detail = await orMissing(client.send(new GetMemoryCommand({ memoryId: memory.id ?? '' }), abort));
    if (detail === missing) return null;
    return fromMemory(cell, memory, detail.memory?.name, detail.memory?.failureReason);
  });

  const gatewayResources = await mapLimit(gateways, concurrency, async (gateway: GatewaySummary) => {
    const detail = await orMissing(client.send(new GetGatewayCommand({ gatewayIdentifier: gateway.gatewayId ?? '' }), abort));
    if (detail === missing) return null;
    const reasons = detail.statusReasons?.join('; ') || undefined;
    return fromGateway(cell, gateway, accountOf(detail.gatewayArn), detail.gatewayArn ?? '', healthOf(gateway.status ?? '') === 'ok' ? undefined : reasons);
  });

  return [...runtimeResources, ...memoryResources, ...gatewayResources].filter((r): r is FleetResource => r !== null);
}

async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

const missing = Symbol('missing');
/** A resource deleted between list and get is simply gone from this poll. */
async function orMissing<T>(promise: Promise<T>): Promise<T | typeof missing> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return missing;
    throw error;
  }
}
