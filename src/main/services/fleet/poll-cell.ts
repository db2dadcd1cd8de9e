/**
 * One full poll of one (profile, region) cell: every page of runtimes and
 * harnesses (with their endpoints), memories and gateways. Every SDK call goes through `run`,
 * the cell's share of the region and global concurrency budgets; detail calls
 * for a page start as soon as that page arrives, so paging and detail calls
 * overlap. A resource deleted between list and get is skipped, not an error.
 *
 * Detail calls are the bulk of a poll (one per runtime), and AgentCore's
 * control-plane quotas are low, so a resource whose list entry did not change
 * keeps its previous detail — except while it or an endpoint is in a
 * transitional state, and on a rotating full refresh every `fullRefreshEvery`
 * polls (spread over resources so no single poll pays for all of them).
 */
import {
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetHarnessCommand,
  GetMemoryCommand,
  ListAgentRuntimeEndpointsCommand,
  ListAgentRuntimesCommand,
  ListGatewaysCommand,
  ListHarnessEndpointsCommand,
  ListHarnessesCommand,
  ListMemoriesCommand,
  ResourceNotFoundException,
  type AgentRuntime,
  type BedrockAgentCoreControlClient,
  type GatewaySummary,
  type HarnessSummary,
  type MemorySummary,
} from '@aws-sdk/client-bedrock-agentcore-control';
import type { FleetResource } from '../../../shared/fleet';
import { accountOf, fromGateway, fromHarness, fromMemory, fromRuntime, resourceKey } from './normalize';
import { healthOf, isTransitional } from '../../../shared/health';
import { fnv1a32 } from '../../../shared/fnv';

/** Runs a task within the call budget; `first` puts it at the head of the queue. */
export type Run = <T>(task: () => Promise<T>, first?: boolean) => Promise<T>;

export interface PollCellOptions {
  profile: string;
  region: string;
  client: BedrockAgentCoreControlClient;
  run: Run;
  /** The cell's resources from the previous poll, by key. */
  previous?: ReadonlyMap<string, FleetResource>;
  /** Sequence number of this poll (drives the rotating full refresh). */
  pollNumber?: number;
  fullRefreshEvery?: number;
  signal?: AbortSignal;
}

const PAGE_SIZE = 100;

export async function pollCell(options: PollCellOptions): Promise<FleetResource[]> {
  const { client, run } = options;
  const cell = { profile: options.profile, region: options.region };
  const abort = options.signal ? { abortSignal: options.signal } : {};
  const every = options.fullRefreshEvery ?? 10;
  const pollNumber = options.pollNumber ?? 0;
  /** The previous detail of a resource whose list entry is unchanged, unless it is due for a refresh. */
  const reusable = (
    kind: FleetResource['kind'],
    id: string,
    status: string | undefined,
    updatedAt: Date | undefined,
    version?: string,
  ): FleetResource | undefined => {
    const before = options.previous?.get(resourceKey(cell, kind, id));
    if (!before || before.status !== status || before.updatedAt !== updatedAt?.getTime() || before.version !== version) return undefined;
    if (isTransitional(before.status) || before.endpoints?.some((e) => isTransitional(e.status) || e.liveVersion !== e.targetVersion)) return undefined;
    // A stable hash spreads the rotating refresh evenly over resource ids, the same ones on every poll.
    return fnv1a32(id) % every === pollNumber % every ? undefined : before;
  };

  const runtimeDetail = async (runtime: AgentRuntime): Promise<FleetResource | null> => {
    const id = runtime.agentRuntimeId ?? '';
    const known = reusable('runtime', id, runtime.status, runtime.lastUpdatedAt, runtime.agentRuntimeVersion);
    if (known) return fromRuntime(cell, runtime, [], known.failureReason, known.endpoints);
    const endpoints = await orMissing(run(() => client.send(new ListAgentRuntimeEndpointsCommand({ agentRuntimeId: id, maxResults: 50 }), abort)));
    if (endpoints === missing) return null;
    let failureReason: string | undefined;
    if (healthOf(runtime.status ?? '') === 'failed') {
      const detail = await orMissing(run(() => client.send(new GetAgentRuntimeCommand({ agentRuntimeId: id }), abort)));
      if (detail === missing) return null;
      failureReason = detail.failureReason;
    }
    return fromRuntime(cell, runtime, endpoints.runtimeEndpoints ?? [], failureReason);
  };

  const memoryDetail = async (memory: MemorySummary): Promise<FleetResource | null> => {
    if (healthOf(memory.status ?? '') !== 'failed') return fromMemory(cell, memory);
    const known = reusable('memory', memory.id ?? '', memory.status, memory.updatedAt);
    if (known) return known;
    const detail = await orMissing(run(() => client.send(new GetMemoryCommand({ memoryId: memory.id ?? '' }), abort)));
    if (detail === missing) return null;
    return fromMemory(cell, memory, detail.memory?.name, detail.memory?.failureReason);
  };

  const gatewayDetail = async (gateway: GatewaySummary): Promise<FleetResource | null> => {
    const known = reusable('gateway', gateway.gatewayId ?? '', gateway.status, gateway.updatedAt);
    if (known) return known;
    const detail = await orMissing(run(() => client.send(new GetGatewayCommand({ gatewayIdentifier: gateway.gatewayId ?? '' }), abort)));
    if (detail === missing) return null;
    const reasons = detail.statusReasons?.join('; ') || undefined;
    return fromGateway(cell, gateway, accountOf(detail.gatewayArn), detail.gatewayArn ?? '', healthOf(gateway.status ?? '') === 'ok' ? undefined : reasons);
  };

  const harnessDetail = async (harness: HarnessSummary): Promise<FleetResource | null> => {
    const id = harness.harnessId ?? '';
    const known = reusable('harness', id, harness.status, harness.updatedAt, harness.harnessVersion);
    if (known) return { ...fromHarness(cell, harness, [], known.failureReason), endpoints: known.endpoints };
    const endpoints = await orMissing(run(() => client.send(new ListHarnessEndpointsCommand({ harnessId: id, maxResults: 50 }), abort)));
    if (endpoints === missing) return null;
    let failureReason: string | undefined;
    if (healthOf(harness.status ?? '') === 'failed') {
      const detail = await orMissing(run(() => client.send(new GetHarnessCommand({ harnessId: id }), abort)));
      if (detail === missing) return null;
      failureReason = detail.harness?.failureReason;
    }
    return fromHarness(cell, harness, endpoints.endpoints ?? [], failureReason);
  };

  const lists = await Promise.all([
    pagesThenDetails(
      (nextToken) => run(() => client.send(new ListAgentRuntimesCommand({ maxResults: PAGE_SIZE, nextToken }), abort), true),
      (p) => p.agentRuntimes,
      runtimeDetail,
    ),
    pagesThenDetails(
      (nextToken) => run(() => client.send(new ListHarnessesCommand({ maxResults: PAGE_SIZE, nextToken }), abort), true),
      (p) => p.harnesses,
      harnessDetail,
    ).catch(harnessesUnavailable),
    pagesThenDetails(
      (nextToken) => run(() => client.send(new ListMemoriesCommand({ maxResults: PAGE_SIZE, nextToken }), abort), true),
      (p) => p.memories,
      memoryDetail,
    ),
    pagesThenDetails(
      (nextToken) => run(() => client.send(new ListGatewaysCommand({ maxResults: PAGE_SIZE, nextToken }), abort), true),
      (p) => p.items,
      gatewayDetail,
    ),
  ]);
  return lists.flat().filter((r): r is FleetResource => r !== null);
}

/**
 * Walks every page; each page's detail calls start at once while the next
 * page is fetched. Page fetches go to the head of the call queue: every later
 * page (and its details) waits on them, so details queued earlier must not.
 */
async function pagesThenDetails<P extends { nextToken?: string }, T, R>(
  fetchPage: (nextToken: string | undefined) => Promise<P>,
  items: (page: P) => T[] | undefined,
  detail: (item: T) => Promise<R>,
): Promise<R[]> {
  const pending: Array<Promise<R>> = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await fetchPage(nextToken);
      for (const item of items(page) ?? []) pending.push(detail(item));
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    // Detail calls already started must settle before we give up, or their failures would go unhandled.
    await Promise.allSettled(pending);
    throw error;
  }
  return Promise.all(pending);
}

/**
 * Harnesses are newer than runtimes: a role whose policy predates them (or a
 * region without them) must still see its runtimes, memories and gateways.
 * Throttling and the like still fail the cell, as for any other listing.
 */
function harnessesUnavailable(error: unknown): FleetResource[] {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'AccessDeniedException' || name === 'UnknownOperationException' || name === 'UnrecognizedClientException') return [];
  throw error;
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
