/**
 * In-memory state of the memory data plane: short-term events per
 * actor/session, long-term records and failed extraction jobs, per memory
 * resource. A memory is seeded with demo content the first time anything
 * touches it, so a fleet of hundreds of memories costs nothing until one is
 * opened.
 */
import type { MemoryDefinition } from '../core/types';
import { Rng } from '../kit/rng';
import { embed } from './embedding';
import { extractRecord, summaryText, userPreferenceText } from './extract';
import { seedFailedJobs, summaryFailed, type StoredExtractionJob } from './extraction-jobs';
import { strategyNamespace, type Strategy } from './namespaces';
import { themeFor } from './seed-content';

export interface StoredEvent {
  memoryId: string;
  actorId: string;
  sessionId: string;
  eventId: string;
  eventTimestamp: number; // epoch ms
  payload: unknown[];
  branch?: { name: string; rootEventId?: string };
  metadata?: Record<string, { stringValue?: string }>;
}

export interface StoredRecord {
  memoryRecordId: string;
  readonly text: string;
  /** Computed once when stored, so RetrieveMemoryRecords only embeds the query. */
  readonly embedding: Float32Array;
  memoryStrategyId: string;
  namespaces: string[];
  createdAt: number; // epoch ms
}

export interface MemoryData {
  /** actorId → sessionId → events (insertion order = time order for seeded data). */
  sessions: Map<string, Map<string, StoredEvent[]>>;
  records: Map<string, StoredRecord>;
  /** Newest failure first; a restarted job leaves this list. */
  failedJobs: StoredExtractionJob[];
}

const HOUR_MS = 3_600_000;

export class MemoryStore {
  private readonly data = new Map<string, MemoryData>();
  /** Per-memory counters: seeded ids depend only on (seed, memory), runtime ids on call order within that memory. */
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  /** Forget everything; memories are re-seeded on next access (admin reset). */
  clear(): void {
    this.data.clear();
    this.counters.clear();
  }

  get(memory: MemoryDefinition): MemoryData {
    let d = this.data.get(memory.id);
    if (!d) {
      d = { sessions: new Map(), records: new Map(), failedJobs: [] };
      this.data.set(memory.id, d);
      this.seedDemo(memory, d);
    }
    return d;
  }

  /** Event ids sort by time like AWS's (`<zero-padded epoch ms>#<hash>`). */
  newEventId(memoryId: string, timestampMs: number): string {
    const hash = Rng.for(this.seed, 'event', memoryId, timestampMs, this.next(memoryId)).hex(8);
    return `${String(Math.max(0, Math.floor(timestampMs))).padStart(16, '0')}#${hash}`;
  }

  newRecordId(memoryId: string): string {
    return `mem-${Rng.for(this.seed, 'record', memoryId, this.next(memoryId)).uuid()}`;
  }

  private next(memoryId: string): number {
    const n = this.counters.get(memoryId) ?? 0;
    this.counters.set(memoryId, n + 1);
    return n;
  }

  addEvent(d: MemoryData, event: StoredEvent): StoredEvent {
    let byActor = d.sessions.get(event.actorId);
    if (!byActor) d.sessions.set(event.actorId, (byActor = new Map()));
    let events = byActor.get(event.sessionId);
    if (!events) byActor.set(event.sessionId, (events = []));
    // After the last event not later than this one: events sharing a timestamp keep their arrival order (a reply
    // after its prompt), and events arriving in time order (the usual case) cost O(1), not a sort per insert.
    let at = events.length;
    while (at > 0 && (events[at - 1]?.eventTimestamp ?? 0) > event.eventTimestamp) at--;
    events.splice(at, 0, event);
    return event;
  }

  addRecord(
    d: MemoryData,
    memoryId: string,
    strategy: Pick<Strategy, 'strategyId'>,
    namespace: string | string[],
    text: string,
    createdAt: number,
  ): StoredRecord {
    const record: StoredRecord = {
      memoryRecordId: this.newRecordId(memoryId),
      text,
      embedding: embed(text),
      memoryStrategyId: strategy.strategyId,
      namespaces: Array.isArray(namespace) ? namespace : [namespace],
      createdAt,
    };
    d.records.set(record.memoryRecordId, record);
    return record;
  }

  /** Append one conversational turn and the long-term records each strategy derives from it. */
  recordTurn(memory: MemoryDefinition, turn: { actorId: string; sessionId: string; prompt: string; reply?: string; at: number; replyAt: number }): void {
    const d = this.get(memory);
    const text = (t: string, role: string) => ({ conversational: { content: { text: t }, role } });
    this.addEvent(d, {
      memoryId: memory.id,
      actorId: turn.actorId,
      sessionId: turn.sessionId,
      eventId: this.newEventId(memory.id, turn.at),
      eventTimestamp: turn.at,
      payload: [text(turn.prompt, 'USER')],
    });
    if (turn.reply === undefined) return;
    this.addEvent(d, {
      memoryId: memory.id,
      actorId: turn.actorId,
      sessionId: turn.sessionId,
      eventId: this.newEventId(memory.id, turn.replyAt),
      eventTimestamp: turn.replyAt,
      payload: [text(turn.reply, 'ASSISTANT')],
    });
    for (const strategy of memory.strategies) {
      const recordText = extractRecord(strategy, turn.prompt, turn.reply);
      if (recordText === undefined) continue;
      this.addRecord(d, memory.id, strategy, strategyNamespace(strategy, turn.actorId, turn.sessionId), recordText, turn.replyAt);
    }
  }

  /** Seed actors, sessions and per-strategy records, spread over the last week before "now". */
  private seedDemo(memory: MemoryDefinition, d: MemoryData): void {
    const theme = themeFor(memory.name);
    const anchor = Math.floor(this.now() / HOUR_MS) * HOUR_MS;
    const rng = Rng.for(this.seed, 'memory-seed', memory.id);
    for (const actor of theme.actors) {
      let sessionIndex = 0;
      const sessionIds: string[] = [];
      for (const session of actor.sessions) {
        const sessionId = `${session.key}-${rng.hex(8)}`;
        sessionIds.push(sessionId);
        let t = anchor - (6 - sessionIndex * 2) * 24 * HOUR_MS - rng.int(1, 20) * HOUR_MS;
        sessionIndex++;
        for (const turn of session.turns) {
          t += rng.int(15, 240) * 1000;
          const payload = [{ conversational: { content: { text: turn.text }, role: turn.role } }];
          this.addEvent(d, { memoryId: memory.id, actorId: actor.actorId, sessionId, eventId: this.newEventId(memory.id, t), eventTimestamp: t, payload });
        }
        const summarised = !summaryFailed(theme.name, actor.actorId, session.key);
        for (const strategy of memory.strategies.filter((s) => s.type === 'SUMMARIZATION' && summarised)) {
          this.addRecord(
            d,
            memory.id,
            strategy,
            strategyNamespace(strategy, actor.actorId, sessionId),
            summaryText(session.summary.topic, session.summary.text),
            t + 60_000,
          );
        }
      }
      const created = anchor - 24 * HOUR_MS - rng.int(0, 48) * HOUR_MS;
      // Templates with {sessionId} get each record under one of the actor's sessions, as extraction would.
      const ns = (strategy: Strategy, i: number) => strategyNamespace(strategy, actor.actorId, sessionIds[i % sessionIds.length]);
      for (const strategy of memory.strategies) {
        if (strategy.type === 'USER_PREFERENCE') {
          actor.preferences.forEach((p, i) =>
            this.addRecord(d, memory.id, strategy, ns(strategy, i), userPreferenceText(p.context, p.preference, p.categories), created),
          );
        } else if (strategy.type === 'SEMANTIC' || strategy.type === 'CUSTOM') {
          actor.facts.forEach((fact, i) => this.addRecord(d, memory.id, strategy, ns(strategy, i), fact, created));
        }
      }
    }
    d.failedJobs = seedFailedJobs(this.seed, memory, theme.name, d);
  }
}
