/**
 * Reads of AgentCore Memory for the browser: one SDK call per page (the
 * renderer asks for the next page when the user scrolls or asks for all),
 * throttling retried with backoff, failures explained by memoryApiError.
 */
import {
  GetEventCommand,
  GetMemoryRecordCommand,
  ListActorsCommand,
  ListEventsCommand,
  ListMemoryExtractionJobsCommand,
  ListMemoryRecordsCommand,
  ListSessionsCommand,
  RetrieveMemoryRecordsCommand,
} from '@aws-sdk/client-bedrock-agentcore';
import type { z } from 'zod';
import type { ExtractionJob, MemoryEvent, MemoryRecord, MemorySession, memoryInputs, Page } from '../../../shared/memory';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import { memoryApiError } from './memory-errors';
import type { MemoryTarget, MemoryTargets } from './memory-target';
import { toExtractionJob, toMemoryEvent, toMemoryRecord } from './memory-wire';

type In<K extends keyof typeof memoryInputs> = z.output<(typeof memoryInputs)[K]>;

const PAGE = 100;
/** findSession reads at most this many actors (each a ListSessions scan) before saying it did not find one. */
const FIND_SESSION_ACTOR_LIMIT = 200;

const page = <T>(items: T[], nextToken: string | undefined): Page<T> => (nextToken ? { items, nextToken } : { items });

export class MemoryService {
  constructor(
    private readonly targets: MemoryTargets,
    private readonly backoff: Backoff,
  ) {}

  private async call<T>(key: string, operation: string, what: string, run: (target: MemoryTarget) => Promise<T>): Promise<T> {
    const target = this.targets(key);
    try {
      return await withThrottleRetry(() => run(target), this.backoff);
    } catch (error) {
      throw memoryApiError(error, operation, what);
    }
  }

  actors(input: In<'actors'>): Promise<Page<{ actorId: string }>> {
    return this.call(input.key, 'ListActors', 'This memory', async ({ client, memoryId }) => {
      const out = await client.send(new ListActorsCommand({ memoryId, maxResults: PAGE, nextToken: input.nextToken }));
      return page(
        (out.actorSummaries ?? []).map((a) => ({ actorId: a.actorId ?? '' })),
        out.nextToken,
      );
    });
  }

  sessions(input: In<'sessions'>): Promise<Page<MemorySession>> {
    return this.call(input.key, 'ListSessions', `Actor ${input.actorId}`, async ({ client, memoryId }) => {
      const out = await client.send(new ListSessionsCommand({ memoryId, actorId: input.actorId, maxResults: PAGE, nextToken: input.nextToken }));
      const items = (out.sessionSummaries ?? []).map((s) => ({
        sessionId: s.sessionId ?? '',
        actorId: s.actorId ?? input.actorId,
        ...(s.createdAt ? { createdAt: s.createdAt.getTime() } : {}),
      }));
      return page(items, out.nextToken);
    });
  }

  events(input: In<'events'>): Promise<Page<MemoryEvent>> {
    return this.call(input.key, 'ListEvents', `Session ${input.sessionId}`, async ({ client, memoryId }) => {
      const out = await client.send(
        new ListEventsCommand({
          memoryId,
          actorId: input.actorId,
          sessionId: input.sessionId,
          includePayloads: true,
          maxResults: PAGE,
          nextToken: input.nextToken,
          ...(input.branch ? { filter: { branch: { name: input.branch, includeParentBranches: false } } } : {}),
        }),
      );
      return page((out.events ?? []).map(toMemoryEvent), out.nextToken);
    });
  }

  event(input: In<'event'>): Promise<MemoryEvent> {
    return this.call(input.key, 'GetEvent', `Event ${input.eventId}`, async ({ client, memoryId }) => {
      const out = await client.send(new GetEventCommand({ memoryId, actorId: input.actorId, sessionId: input.sessionId, eventId: input.eventId }));
      if (!out.event) throw new Error('GetEvent answered without an event');
      return toMemoryEvent(out.event);
    });
  }

  /** Which actor holds a session id: actors are scanned page by page, each one's sessions in turn. */
  async findSession(input: In<'findSession'>): Promise<{ actorId: string | null }> {
    let actorsSeen = 0;
    let actorToken: string | undefined;
    do {
      const actors = await this.actors({ key: input.key, ...(actorToken ? { nextToken: actorToken } : {}) });
      for (const { actorId } of actors.items) {
        if (++actorsSeen > FIND_SESSION_ACTOR_LIMIT) return { actorId: null };
        let sessionToken: string | undefined;
        do {
          const sessions = await this.sessions({ key: input.key, actorId, ...(sessionToken ? { nextToken: sessionToken } : {}) });
          if (sessions.items.some((s) => s.sessionId === input.sessionId)) return { actorId };
          sessionToken = sessions.nextToken;
        } while (sessionToken);
      }
      actorToken = actors.nextToken;
    } while (actorToken);
    return { actorId: null };
  }

  records(input: In<'records'>): Promise<Page<MemoryRecord>> {
    return this.call(input.key, 'ListMemoryRecords', `Namespace ${input.namespace}`, async ({ client, memoryId }) => {
      const out = await client.send(
        new ListMemoryRecordsCommand({
          memoryId,
          namespace: input.namespace,
          maxResults: PAGE,
          nextToken: input.nextToken,
          ...(input.strategyId ? { memoryStrategyId: input.strategyId } : {}),
        }),
      );
      return page((out.memoryRecordSummaries ?? []).map(toMemoryRecord), out.nextToken);
    });
  }

  record(input: In<'record'>): Promise<MemoryRecord> {
    return this.call(input.key, 'GetMemoryRecord', `Memory record ${input.recordId}`, async ({ client, memoryId }) => {
      const out = await client.send(new GetMemoryRecordCommand({ memoryId, memoryRecordId: input.recordId }));
      if (!out.memoryRecord) throw new Error('GetMemoryRecord answered without a record');
      return toMemoryRecord(out.memoryRecord);
    });
  }

  /** Semantic search: AgentCore ranks by similarity; the console keeps its order and shows each score. */
  retrieve(input: In<'retrieve'>): Promise<MemoryRecord[]> {
    return this.call(input.key, 'RetrieveMemoryRecords', `Namespace ${input.namespace}`, async ({ client, memoryId }) => {
      const out = await client.send(
        new RetrieveMemoryRecordsCommand({
          memoryId,
          namespace: input.namespace,
          searchCriteria: { searchQuery: input.query, topK: input.topK, ...(input.strategyId ? { memoryStrategyId: input.strategyId } : {}) },
          maxResults: Math.min(100, input.topK),
        }),
      );
      return (out.memoryRecordSummaries ?? []).map(toMemoryRecord);
    });
  }

  jobs(input: In<'jobs'>): Promise<Page<ExtractionJob>> {
    return this.call(input.key, 'ListMemoryExtractionJobs', 'This memory', async ({ client, memoryId }) => {
      const out = await client.send(
        new ListMemoryExtractionJobsCommand({
          memoryId,
          maxResults: PAGE,
          nextToken: input.nextToken,
          ...(input.actorId ? { filter: { actorId: input.actorId } } : {}),
        }),
      );
      return page((out.jobs ?? []).map(toExtractionJob), out.nextToken);
    });
  }
}
