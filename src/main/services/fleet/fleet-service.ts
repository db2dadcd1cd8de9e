/**
 * Polls every watched (profile, region) cell, keeps the current fleet,
 * persists diffs, and pushes them to the renderer. Cells are independent:
 * one that is throttled, denied or offline keeps its own error and backs off
 * while the others carry on.
 */
import { setMaxListeners } from 'node:events';
import { ApiError } from '../../../shared/errors';
import type { FleetCell, FleetDiff, FleetResource, FleetSnapshot, ResourceDetail } from '../../../shared/fleet';
import { describeAwsError, isThrottling } from '../aws/describe-error';
import type { ClientFactory } from '../aws/clients';
import type { Logger } from '../log/logger';
import { diffCell } from './diff';
import type { FleetCache } from './fleet-cache';
import { fastLaneResources, type TransitionalSince } from './fast-lane';
import { pollCell, type Run } from './poll-cell';
import { refreshResources } from './poll-resources';
import { loadResourceDetail } from './resource-detail';
import { Limiter } from '../util/limiter';

export interface FleetServiceOptions {
  cells: Array<{ profile: string; region: string }>;
  clients: Pick<ClientFactory, 'forCell'>;
  cache: FleetCache;
  logger: Logger;
  onDiff: (diff: FleetDiff) => void;
  intervalMs: () => number;
  transitionalIntervalMs?: number;
  /** SDK calls in flight per region (shared by every profile polling it). */
  regionConcurrency?: number;
  /** SDK calls in flight across the whole fleet. */
  globalConcurrency?: number;
  /** How long a resource may stay transitional and still be re-read every few seconds (default 3 min). */
  fastLaneWindowMs?: number;
  now?: () => number;
}

interface CellState {
  cell: FleetCell;
  resources: Map<string, FleetResource>;
  timer?: NodeJS.Timeout;
  inFlight?: Promise<void>;
  failures: number;
  polls: number;
  /** Re-reads just the transitional resources between full polls. */
  fastTimer?: NodeJS.Timeout;
  /** When each busy resource entered its current transitional state. */
  transitionalSince: TransitionalSince;
}

/**
 * AgentCore's control-plane quotas are a few calls per second per account and region, and past about
 * eight calls in flight the SDK's own CPU (signing, parsing) is the limit on a laptop, not the network.
 */
export const DEFAULT_GLOBAL_CONCURRENCY = 8;
export const DEFAULT_REGION_CONCURRENCY = 4;

const cellKey = (c: { profile: string; region: string }): string => `${c.profile}|${c.region}`;

const newCellState = (c: { profile: string; region: string }, resources: Map<string, FleetResource>): CellState => ({
  cell: { profile: c.profile, region: c.region, state: 'loading' },
  resources,
  failures: 0,
  polls: 0,
  transitionalSince: new Map(),
});

export class FleetService {
  private readonly cells = new Map<string, CellState>();
  private readonly globalLimit: Limiter;
  private readonly regionLimits = new Map<string, Limiter>();
  /** Profiles whose cells wait for a sign-in instead of polling (profile → the reason shown on each cell). */
  private readonly paused = new Map<string, { code: string; message: string }>();
  /** Nobody is looking (window hidden): timers stop; an explicit refresh still polls. */
  private idle = false;
  private readonly now: () => number;
  private asOf: number | null;
  private fromCache: boolean;
  private stopped = false;
  private started = false;
  /** Aborts in-flight SDK calls on stop(), so nothing outlives the service. */
  private readonly aborter = new AbortController();

  constructor(private readonly options: FleetServiceOptions) {
    this.now = options.now ?? Date.now;
    this.globalLimit = new Limiter(options.globalConcurrency ?? DEFAULT_GLOBAL_CONCURRENCY);
    // Every in-flight SDK call listens on this one signal; hundreds at once are expected, not a leak.
    setMaxListeners(0, this.aborter.signal);
    const cached = options.cache.load();
    this.asOf = cached.asOf;
    this.fromCache = cached.resources.length > 0;
    for (const c of options.cells) {
      const resources = new Map(cached.resources.filter((r) => r.profile === c.profile && r.region === c.region).map((r) => [r.key, r]));
      this.cells.set(cellKey(c), newCellState(c, resources));
    }
  }

  snapshot(): FleetSnapshot {
    const resources: FleetResource[] = [];
    for (const state of this.cells.values()) resources.push(...state.resources.values());
    return { resources, cells: this.cellList(), asOf: this.asOf, fromCache: this.fromCache };
  }

  /** Full detail of one resource, fetched now, with its status timeline. */
  async detail(key: string): Promise<ResourceDetail> {
    const resource = this.find(key);
    if (!resource) throw new ApiError('not_found', `No resource ${key} in the fleet. It may have been deleted; refresh the fleet.`);
    const client = this.options.clients.forCell(resource.profile, resource.region).control;
    const timeline = this.options.cache.timeline(key).map(({ from, to, at }) => ({ from, to, at }));
    const cell = this.snapshot().resources.filter((r) => r.profile === resource.profile && r.region === resource.region);
    return loadResourceDetail(client, resource, timeline, cell);
  }

  /** The cache write may take a few event-loop turns (see FleetCache); the fleet on screen does not wait for it. */
  private saveDiff(...diff: Parameters<FleetCache['apply']>): void {
    this.options.cache
      .apply(...diff)
      .catch((error: unknown) =>
        this.options.logger.error('could not save the fleet cache', { error: error instanceof Error ? error.message : String(error) }),
      );
  }

  /** Settles once the last poll's cache write is on disk. */
  flushed(): Promise<void> {
    return this.options.cache.flushed();
  }

  find(key: string): FleetResource | undefined {
    for (const state of this.cells.values()) {
      const found = state.resources.get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** Starts the polling loops; the first poll of every cell starts now. */
  start(): void {
    this.started = true;
    for (const state of this.cells.values()) void this.pollAndSchedule(state);
  }

  /** Changes the watched (profile, region) cells: new ones poll at once, dropped ones leave the fleet. */
  setCells(cells: Array<{ profile: string; region: string }>): void {
    const wanted = new Map(cells.map((c) => [cellKey(c), c]));
    const removed: string[] = [];
    for (const [key, state] of this.cells) {
      if (wanted.has(key)) continue;
      clearTimeout(state.timer);
      clearTimeout(state.fastTimer);
      removed.push(...state.resources.keys());
      this.cells.delete(key);
    }
    for (const [key, c] of wanted) {
      if (this.cells.has(key)) continue;
      const state = newCellState(c, new Map());
      this.cells.set(key, state);
      if (this.started && !this.stopped) void this.pollAndSchedule(state);
    }
    const at = this.asOf ?? this.now();
    if (removed.length) this.saveDiff([], removed, [], at);
    this.options.onDiff({ upserted: [], removed, cells: this.cellList(), asOf: at });
  }

  /** Polls every cell now and resolves when all have answered (successfully or not). */
  async refresh(): Promise<FleetSnapshot> {
    await Promise.all([...this.cells.values()].map((state) => this.pollAndSchedule(state)));
    return this.snapshot();
  }

  stop(): void {
    this.stopped = true;
    this.aborter.abort();
    for (const state of this.cells.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.fastTimer);
    }
  }

  /**
   * Stops polling one profile's cells (its SSO session expired): they show `paused` with the reason until
   * `resumeProfile`, while every other profile keeps polling. A poll already in flight is discarded.
   */
  pauseProfile(profile: string, reason: { code: string; message: string }): void {
    this.paused.set(profile, reason);
    const touched = [...this.cells.values()].filter((s) => s.cell.profile === profile);
    for (const state of touched) {
      clearTimeout(state.timer);
      state.cell = { profile, region: state.cell.region, state: 'paused', error: reason, ...(state.cell.polledAt ? { polledAt: state.cell.polledAt } : {}) };
    }
    if (touched.length) this.options.onDiff({ upserted: [], removed: [], cells: this.cellList(), asOf: this.asOf ?? this.now() });
  }

  /** Polls a paused profile's cells again at once (after a sign-in). */
  resumeProfile(profile: string): void {
    if (!this.paused.delete(profile) || this.stopped) return;
    for (const state of this.cells.values()) {
      if (state.cell.profile !== profile) continue;
      state.failures = 0;
      state.cell = { ...state.cell, state: 'loading', error: undefined };
      void this.pollAndSchedule(state);
    }
  }

  /**
   * Polling runs only while someone looks at the console. Hidden → no timers (no calls, no CPU); visible
   * again → cells whose data is older than the interval poll at once, the others when their interval ends.
   */
  setVisible(visible: boolean): void {
    if (this.idle === !visible || this.stopped) return;
    this.idle = !visible;
    for (const state of this.cells.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.fastTimer);
      if (this.idle || state.inFlight || this.paused.has(state.cell.profile)) continue;
      const age = this.now() - (state.cell.polledAt ?? 0);
      const wait = Math.max(0, this.options.intervalMs() - age);
      state.timer = setTimeout(() => void this.pollAndSchedule(state), wait);
    }
  }

  private pollAndSchedule(state: CellState): Promise<void> {
    clearTimeout(state.timer);
    if (this.paused.has(state.cell.profile)) return state.inFlight ?? Promise.resolve();
    state.inFlight ??= this.poll(state).finally(() => {
      state.inFlight = undefined;
      if (!this.stopped && !this.idle && !this.paused.has(state.cell.profile))
        state.timer = setTimeout(() => void this.pollAndSchedule(state), this.nextDelay(state));
    });
    return state.inFlight;
  }

  private async poll(state: CellState): Promise<void> {
    const { profile, region } = state.cell;
    const started = this.now();
    try {
      const client = this.options.clients.forCell(profile, region).control;
      const next = await pollCell({
        profile,
        region,
        client,
        run: this.budgetFor(region),
        previous: state.resources,
        pollNumber: state.polls++,
        signal: this.aborter.signal,
      });
      // A cell dropped from the watch list (or paused) while its poll was in flight: its answer is stale.
      if (this.paused.has(profile) || this.cells.get(cellKey(state.cell)) !== state) return;
      const at = this.now();
      const diff = diffCell(state.resources.values(), next, at);
      state.resources = new Map(next.map((r) => [r.key, r]));
      state.failures = 0;
      state.cell = { profile, region, state: 'ok', polledAt: at };
      this.asOf = at;
      this.fromCache = false;
      this.saveDiff(diff.upserted, diff.removed, diff.transitions, at);
      this.options.onDiff({ upserted: diff.upserted, removed: diff.removed, cells: this.cellList(), asOf: at });
      this.options.logger.debug('cell polled', {
        profile,
        region,
        resources: next.length,
        ms: at - started,
        changed: diff.upserted.length + diff.removed.length,
      });
      this.scheduleFastLane(state);
    } catch (error) {
      if (this.stopped || this.paused.has(profile)) return;
      const described = describeAwsError(error);
      state.failures += isThrottling(described) || described.retryable ? 1 : 0;
      state.cell = { profile, region, state: 'error', error: { code: described.code, message: described.message }, polledAt: state.cell.polledAt };
      this.options.logger.warn('cell poll failed', { profile, region, code: described.code, message: described.message });
      this.options.onDiff({ upserted: [], removed: [], cells: this.cellList(), asOf: this.asOf ?? this.now() });
    }
  }

  private budgetFor(region: string): Run {
    let limiter = this.regionLimits.get(region);
    if (!limiter) {
      limiter = new Limiter(this.options.regionConcurrency ?? DEFAULT_REGION_CONCURRENCY);
      this.regionLimits.set(region, limiter);
    }
    return limiter.within(this.globalLimit);
  }

  /** Backs off with jitter after retryable failures. */
  private nextDelay(state: CellState): number {
    const base = this.options.intervalMs();
    if (state.failures === 0) return base;
    const backoff = Math.min(base * 2 ** Math.min(state.failures, 5), 10 * 60_000);
    return backoff / 2 + Math.random() * (backoff / 2);
  }

  private transitional(state: CellState): FleetResource[] {
    const { busy, since } = fastLaneResources(state.resources.values(), state.transitionalSince, this.now(), this.options.fastLaneWindowMs ?? 180_000);
    state.transitionalSince = since;
    return busy;
  }

  /** While something is CREATING/UPDATING/DELETING, re-read just those resources every few seconds. */
  private scheduleFastLane(state: CellState): void {
    clearTimeout(state.fastTimer);
    if (this.stopped || this.idle || this.paused.has(state.cell.profile) || this.transitional(state).length === 0) return;
    state.fastTimer = setTimeout(() => void this.pollTransitional(state), this.options.transitionalIntervalMs ?? 5_000);
  }

  private async pollTransitional(state: CellState): Promise<void> {
    const { profile, region } = state.cell;
    const before = this.transitional(state);
    if (state.inFlight || before.length === 0) return;
    try {
      const client = this.options.clients.forCell(profile, region).control;
      const fresh = await refreshResources(before, { client, run: this.budgetFor(region), signal: this.aborter.signal });
      if (this.stopped || this.paused.has(profile) || state.inFlight) return;
      const at = this.now();
      const kept = fresh.filter((r): r is FleetResource => r !== null);
      const diff = diffCell(before, kept, at);
      for (const r of kept) state.resources.set(r.key, r);
      for (const key of diff.removed) state.resources.delete(key);
      if (diff.upserted.length || diff.removed.length) {
        this.saveDiff(diff.upserted, diff.removed, diff.transitions, at);
        this.asOf = at;
        this.options.onDiff({ upserted: diff.upserted, removed: diff.removed, cells: this.cellList(), asOf: at });
      }
    } catch (error) {
      // The next full poll reports the cell's error; the fast lane just stops early.
      this.options.logger.debug('transitional refresh failed', { profile, region, message: describeAwsError(error).message });
      return;
    }
    this.scheduleFastLane(state);
  }

  private cellList(): FleetCell[] {
    return [...this.cells.values()].map((s) => s.cell);
  }
}
