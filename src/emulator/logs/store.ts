/**
 * CloudWatch Logs state: one group per runtime endpoint plus `aws/spans` per
 * region. A group's recent history is generated from the shared synthetic
 * traffic model the first time it is read, then kept growing minute by minute
 * as time passes, so `--scale 200` (600+ groups) costs nothing until a group
 * is opened and a live tail sees fresh lines without anyone invoking.
 *
 * DeleteLogGroup removes a group for good: it is not re-derived from the
 * world's runtimes again, only recreated (empty, no backfill) when something
 * writes to it, as AgentCore recreates a runtime's group on its next lines.
 */
import type { InvocationRecord, ModuleDeps, RuntimeView } from '../core/types';
import { fnv1a32 } from '../../shared/fnv';
import { Rng } from '../kit/rng';
import { MINUTE_MS, syntheticMinute } from '../kit/traffic';
import { invocationLines, type InvocationFacts } from './line-gen';
import { invocationSpans } from './span-gen';
import { DEFAULT_SPAN_LAG, visibleAt, type SpanLag } from './span-lag';
import { logGroupArn, OTEL_STREAM, runtimeGroupName, runtimeStreamName, SPANS_GROUP, SPANS_STREAM } from './naming';
import { insertSorted, isVisible, type AppendListener, type DeleteListener, type LogEvent, type LogGroup } from './events';

export type { LogEvent, LogGroup, LogStream } from './events';

export interface LogStoreOptions {
  /** How much synthetic history a runtime group gets when first read. */
  historyMs: number;
  /** Spans are bulky: shorter history, and only for the first few runtimes of a region. */
  spansHistoryMs: number;
  spansRuntimeLimit: number;
}

export const DEFAULT_LOG_OPTIONS: LogStoreOptions = { historyMs: 3 * 60 * MINUTE_MS, spansHistoryMs: 60 * MINUTE_MS, spansRuntimeLimit: 10 };
/** A minute is generated only once it is this far in the past, so its invocations have finished. */
const SETTLE_MS = 2 * MINUTE_MS;

export class LogStore {
  private readonly groupsByKey = new Map<string, LogGroup>();
  private readonly listeners = new Set<AppendListener>();
  private readonly deleteListeners = new Set<DeleteListener>();
  /** `region|name` of deleted groups: never re-derived from the world until written to or reset. */
  private readonly deleted = new Set<string>();
  /** Runtime groups someone has read or tailed: where the load knob writes (logs/load.ts). */
  private readonly watched = new Set<LogGroup>();
  /** Applied to the spans real invocations write (the span-lag knob); history is older than any lag. */
  spanLag: SpanLag = DEFAULT_SPAN_LAG;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly options: LogStoreOptions = DEFAULT_LOG_OPTIONS,
  ) {}

  /** Drop all groups; history regenerates on next read (admin reset). Live tails opened before a reset see no further lines. */
  clear(): void {
    this.groupsByKey.clear();
    this.deleted.clear();
    this.watched.clear();
  }

  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onDelete(listener: DeleteListener): () => void {
    this.deleteListeners.add(listener);
    return () => this.deleteListeners.delete(listener);
  }

  /** All groups of a region, sorted by name (as DescribeLogGroups lists them). */
  groups(region: string): LogGroup[] {
    const runtimes = this.deps.world.runtimes(region);
    for (const rt of runtimes)
      for (const ep of rt.endpointNames) if (!this.deleted.has(`${rt.region}|${runtimeGroupName(rt.id, ep)}`)) this.runtimeGroup(rt, ep);
    if (runtimes.length > 0 && !this.deleted.has(`${region}|${SPANS_GROUP}`)) this.spansGroup(region);
    return [...this.groupsByKey.values()].filter((g) => g.region === region).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  find(region: string, name: string): LogGroup | undefined {
    return this.groupsByKey.get(`${region}|${name}`) ?? this.groups(region).find((g) => g.name === name);
  }

  /** DeleteLogGroup: the group and its lines go; open live tails on it are told (they end the session). */
  delete(region: string, name: string): LogGroup | undefined {
    const group = this.find(region, name);
    if (!group) return undefined;
    const key = `${region}|${name}`;
    this.groupsByKey.delete(key);
    this.deleted.add(key);
    this.watched.delete(group);
    for (const l of this.deleteListeners) l(group);
    return group;
  }

  /** Runtime groups that were read or tailed (and still exist), the load knob's targets. */
  watchedGroups(): LogGroup[] {
    return [...this.watched];
  }

  /** The group a write to this runtime endpoint lands in, recreated empty if it was deleted (AgentCore does that on the next line). */
  writableRuntimeGroup(rt: RuntimeView, endpointName: string): LogGroup {
    const key = `${rt.region}|${runtimeGroupName(rt.id, endpointName)}`;
    if (this.deleted.delete(key)) return this.recreated(this.runtimeGroup(rt, endpointName));
    return this.runtimeGroup(rt, endpointName);
  }

  /** The region's `aws/spans`, recreated empty if it was deleted. */
  writableSpansGroup(region: string): LogGroup {
    if (this.deleted.delete(`${region}|${SPANS_GROUP}`)) return this.recreated(this.spansGroup(region));
    return this.spansGroup(region);
  }

  /** A recreated group is new: created now, and no synthetic history for the minutes before (nor the current one). */
  private recreated(group: LogGroup): LogGroup {
    const now = this.deps.now();
    group.creationTime = now;
    group.materializedUntil = Math.ceil((now + 1) / MINUTE_MS) * MINUTE_MS;
    return group;
  }

  private runtimeGroup(rt: RuntimeView, endpointName: string): LogGroup {
    const name = runtimeGroupName(rt.id, endpointName);
    const key = `${rt.region}|${name}`;
    let g = this.groupsByKey.get(key);
    if (!g) {
      g = {
        name,
        arn: logGroupArn(rt.region, rt.accountId, name),
        region: rt.region,
        accountId: rt.accountId,
        creationTime: rt.createdAt,
        kind: 'runtime',
        runtime: rt,
        endpointName,
        streams: new Map(),
        storedBytes: 0,
      };
      this.groupsByKey.set(key, g);
    }
    return g;
  }

  private spansGroup(region: string): LogGroup {
    const key = `${region}|${SPANS_GROUP}`;
    let g = this.groupsByKey.get(key);
    if (!g) {
      const runtimes = this.deps.world.runtimes(region);
      const accountId = runtimes[0]?.accountId ?? '000000000000';
      const creationTime = Math.min(...runtimes.map((r) => r.createdAt), this.deps.now());
      g = {
        name: SPANS_GROUP,
        arn: logGroupArn(region, accountId, SPANS_GROUP),
        region,
        accountId,
        creationTime,
        kind: 'spans',
        streams: new Map(),
        storedBytes: 0,
      };
      this.groupsByKey.set(key, g);
    }
    return g;
  }

  /** Bring a group's synthetic history up to the last settled minute. */
  ensure(group: LogGroup): void {
    // A deleted (or reset-away) group someone still holds, e.g. a live tail that is ending, gets no more history.
    if (this.groupsByKey.get(`${group.region}|${group.name}`) !== group) return;
    if (group.kind === 'runtime') this.watched.add(group);
    const until = Math.floor((this.deps.now() - SETTLE_MS) / MINUTE_MS) * MINUTE_MS;
    const history = group.kind === 'spans' ? this.options.spansHistoryMs : this.options.historyMs;
    const from = Math.max(group.materializedUntil ?? -Infinity, until - history);
    group.materializedUntil = Math.max(group.materializedUntil ?? until, until);
    for (let minute = from; minute < until; minute += MINUTE_MS) {
      if (group.kind === 'runtime' && group.runtime && group.endpointName) this.generateRuntimeMinute(group, group.runtime, group.endpointName, minute);
      else if (group.kind === 'spans') this.generateSpansMinute(group, minute);
    }
  }

  private factsFor(rt: RuntimeView, endpointName: string, inv: ReturnType<typeof syntheticMinute>[number]): InvocationFacts {
    return {
      runtimeId: rt.id,
      runtimeName: rt.name,
      endpointName,
      region: rt.region,
      accountId: rt.accountId,
      sessionId: inv.sessionId,
      startedAt: inv.startedAt,
      latencyMs: inv.latencyMs,
      outcome: inv.outcome,
      coldStart: inv.coldStart,
      inputTokens: inv.inputTokens,
      outputTokens: inv.outputTokens,
      traceId: Rng.for(this.deps.seed, 'trace', inv.key).hex(32),
      key: inv.key,
      ...(rt.memoryId ? { memoryId: rt.memoryId } : {}),
      promptChars: Rng.for(this.deps.seed, 'prompt-len', inv.key).int(20, 600),
    };
  }

  private generateRuntimeMinute(group: LogGroup, rt: RuntimeView, endpointName: string, minute: number): void {
    for (const inv of syntheticMinute(this.deps.seed, rt, endpointName, minute)) this.writeLines(group, this.factsFor(rt, endpointName, inv));
  }

  private generateSpansMinute(group: LogGroup, minute: number): void {
    const runtimes = [...this.deps.world.runtimes(group.region)].sort((a, b) => a.id.localeCompare(b.id)).slice(0, this.options.spansRuntimeLimit);
    for (const rt of runtimes)
      for (const ep of rt.endpointNames)
        for (const inv of syntheticMinute(this.deps.seed, rt, ep, minute))
          for (const s of invocationSpans(this.deps.seed, this.factsFor(rt, ep, inv))) this.append(group, SPANS_STREAM, s.timestamp, s.message);
  }

  private writeLines(group: LogGroup, facts: InvocationFacts, lines = invocationLines(this.deps.seed, facts)): void {
    // Sessions stick to a container instance; two instances a day per endpoint is typical for demo traffic.
    const slot = fnv1a32(facts.sessionId) % 2;
    for (const line of lines) {
      const stream = line.target === 'otel' ? OTEL_STREAM : runtimeStreamName(this.deps.seed, group.name, line.timestamp, slot);
      this.append(group, stream, line.timestamp, line.message);
    }
  }

  /** A real invocation: lines in its endpoint's group, spans in the region's `aws/spans`. */
  recordInvocation(r: InvocationRecord): void {
    const rt: RuntimeView = this.deps.world.runtimes(r.region).find((x) => x.id === r.runtimeId) ?? {
      id: r.runtimeId,
      arn: r.runtimeArn,
      name: r.runtimeName,
      region: r.region,
      accountId: r.accountId,
      status: 'READY',
      endpointNames: [r.endpointName],
      createdAt: r.startedAt,
    };
    const facts: InvocationFacts = {
      runtimeId: r.runtimeId,
      runtimeName: r.runtimeName,
      endpointName: r.endpointName,
      region: r.region,
      accountId: r.accountId,
      sessionId: r.sessionId,
      startedAt: r.startedAt,
      latencyMs: r.latencyMs,
      outcome: r.outcome,
      coldStart: r.coldStart,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      traceId: r.traceId,
      key: `real|${r.traceId}|${r.startedAt}`,
      promptChars: r.prompt.length,
      ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
      ...(r.requestId ? { requestId: r.requestId } : {}),
      ...((r.memoryId ?? rt.memoryId) ? { memoryId: r.memoryId ?? rt.memoryId } : {}),
    };
    // A throttled call writes nothing, so it does not bring a deleted group back.
    const lines = invocationLines(this.deps.seed, facts);
    if (lines.length > 0) this.writeLines(this.writableRuntimeGroup(rt, r.endpointName), facts, lines);
    const spans = invocationSpans(this.deps.seed, facts);
    if (spans.length > 0) {
      const group = this.writableSpansGroup(r.region);
      const now = this.deps.now();
      for (const s of spans) this.append(group, SPANS_STREAM, s.timestamp, s.message, visibleAt(this.spanLag, now, s.message));
    }
  }

  /** Whether reads see the event yet (span ingestion lag). */
  visible(event: LogEvent): boolean {
    return isVisible(event, this.deps.now());
  }

  /** `visible` (epoch ms) holds the event back from reads until then, as ingestion lag does; its ingestionTime says so too. */
  append(group: LogGroup, streamName: string, timestamp: number, message: string, visible?: number): LogEvent {
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: timestamp, events: [], seq: 0, hash: String(fnv1a32(`${group.name}|${streamName}`)).padStart(10, '0') };
      group.streams.set(streamName, stream);
    }
    const ts = Math.max(0, Math.floor(timestamp));
    const id = `${String(ts).padStart(16, '0')}${stream.hash}${String(stream.seq++).padStart(10, '0')}`;
    const event: LogEvent =
      visible === undefined
        ? { id, timestamp: ts, ingestionTime: ts + 150 + (fnv1a32(id) % 900), message }
        : { id, timestamp: ts, ingestionTime: visible, message, visibleAt: visible };
    insertSorted(stream.events, event);
    stream.creationTime = Math.min(stream.creationTime, ts);
    group.storedBytes += message.length + 26;
    for (const l of this.listeners) l(group, stream, event);
    return event;
  }
}
