/**
 * Synthetic demo traffic: the invocations a demo runtime "received" in a given
 * minute. Logs render these as log lines and metrics aggregate them, so the
 * log history and the charts tell the same story (an incident spike in the
 * charts has its ERROR lines in the logs). Every minute is a pure function of
 * (seed, runtime, endpoint, minute): nothing is stored, so 600 runtimes cost
 * nothing until someone looks at one.
 *
 * Hot path: a 7-day service-wide rollup at --scale 200 asks for millions of
 * runtime-minutes, so per-runtime values are memoised by the runtime's own id
 * string (no key concatenation), the minute generator is seeded by integer
 * mixing, and string fields (session id, key) are built only when read.
 */
import type { RuntimeView } from '../core/types';
import { fnv1a32 } from '../../shared/fnv';
import { mix, Rng } from './rng';

export const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const SESSION_WINDOW_MS = 15 * MINUTE_MS;

export type Outcome = 'ok' | 'user_error' | 'system_error' | 'throttled';

export interface SyntheticInvocation {
  startedAt: number; // epoch ms
  latencyMs: number;
  outcome: Outcome;
  sessionId: string;
  /** First invocation of its session (feeds SessionCount). */
  newSession: boolean;
  coldStart: boolean;
  inputTokens: number;
  outputTokens: number;
  /** Stable key for ids derived from this invocation (trace ids, request ids). */
  key: string;
}

interface RuntimeProfile {
  /** Seed for everything about this runtime. */
  hash: number;
  /** Mean invocations per minute at the daily peak on the DEFAULT endpoint. */
  peakRate: number;
  medianLatencyMs: number;
  /** day start → incident window (null: quiet day). */
  incidents: Map<number, IncidentWindow | null>;
}

const MEMO_LIMIT = 100_000;
const profilesBySeed = new Map<number, Map<string, RuntimeProfile>>();

function profile(seed: number, runtimeId: string): RuntimeProfile {
  let bySeed = profilesBySeed.get(seed);
  if (!bySeed) profilesBySeed.set(seed, (bySeed = new Map()));
  let p = bySeed.get(runtimeId);
  if (!p) {
    if (bySeed.size >= MEMO_LIMIT) bySeed.clear(); // pure values: dropping them only costs recomputation
    const rng = Rng.for(seed, 'traffic-profile', runtimeId);
    p = { hash: fnv1a32(`${seed}|${runtimeId}`), peakRate: 0.4 + rng.next() * 4.6, medianLatencyMs: 700 + rng.next() * 3300, incidents: new Map() };
    bySeed.set(runtimeId, p);
  }
  return p;
}

/** Diurnal shape: quiet around 03:00 UTC, busiest around 15:00 UTC, weekends at 60%. */
export function diurnalFactor(minuteStart: number): number {
  const hour = (minuteStart % DAY_MS) / (60 * MINUTE_MS);
  const day = Math.floor(minuteStart / DAY_MS + 4) % 7; // 1970-01-01 was a Thursday (4)
  const shape = 0.15 + 0.85 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24));
  return day === 0 || day === 6 ? shape * 0.6 : shape;
}

export interface IncidentWindow {
  start: number;
  end: number;
}

/** About one day in three a runtime (or gateway) has a 15–45 minute incident: errors, throttles and slow replies. */
export function incidentFor(seed: number, resourceId: string, minuteStart: number): IncidentWindow | undefined {
  const p = profile(seed, resourceId);
  const dayStart = Math.floor(minuteStart / DAY_MS) * DAY_MS;
  let window = p.incidents.get(dayStart);
  if (window === undefined) {
    const rng = new Rng(mix(p.hash, 0x1c1de47, dayStart / MINUTE_MS));
    window = null;
    if (rng.chance(0.35)) {
      const start = dayStart + rng.int(0, 24 * 60 - 60) * MINUTE_MS;
      window = { start, end: start + rng.int(15, 45) * MINUTE_MS };
    }
    p.incidents.set(dayStart, window);
  }
  return window && minuteStart >= window.start && minuteStart < window.end ? window : undefined;
}

/**
 * Demo agents whose charts must tell their story: the one without model
 * access fails most calls, the research agent is slow enough to breach a
 * 10 s p99 SLO. Logs read the same minutes, so their lines agree.
 */
export const DEMO_TRAFFIC_TRAITS: Readonly<Record<string, { medianLatencyMs?: number; systemErrorShare?: number }>> = {
  incident_summarizer: { systemErrorShare: 0.85 },
  strands_research_agent: { medianLatencyMs: 7000 },
};

/** Runtimes that can serve traffic: READY ones, after they were created. */
export function servesTraffic(runtime: RuntimeView, minuteStart: number): boolean {
  return (runtime.status === 'READY' || runtime.status === 'UPDATING') && minuteStart >= runtime.createdAt;
}

const endpointHashes = new Map<string, number>();
function endpointHash(name: string): number {
  let h = endpointHashes.get(name);
  if (h === undefined) endpointHashes.set(name, (h = fnv1a32(name)));
  return h;
}

/** An invocation whose string fields are derived on first read (most consumers only count). */
class LazyInvocation implements SyntheticInvocation {
  private sid?: string;

  constructor(
    readonly startedAt: number,
    readonly latencyMs: number,
    readonly outcome: Outcome,
    readonly newSession: boolean,
    readonly coldStart: boolean,
    readonly inputTokens: number,
    readonly outputTokens: number,
    private readonly seed: number,
    private readonly runtimeId: string,
    private readonly endpointName: string,
    /** Session identity: (15-minute window, slot). */
    readonly sessionWindow: number,
    readonly sessionSlot: number,
    private readonly index: number,
  ) {}

  get sessionId(): string {
    return (this.sid ??= Rng.for(this.seed, 'session', this.runtimeId, this.endpointName, this.sessionWindow, this.sessionSlot).uuid());
  }

  get key(): string {
    return `${this.runtimeId}|${this.endpointName}|${Math.floor(this.startedAt / MINUTE_MS) * MINUTE_MS}|${this.index}`;
  }
}

/** The synthetic invocations of one runtime endpoint in the minute starting at `minuteStart` (aligned to 60 s). */
export function syntheticMinute(seed: number, runtime: RuntimeView, endpointName: string, minuteStart: number): SyntheticInvocation[] {
  if (!servesTraffic(runtime, minuteStart)) return [];
  const prof = profile(seed, runtime.id);
  const endpointShare = endpointName === 'DEFAULT' ? 1 : 0.15;
  const incident = incidentFor(seed, runtime.id, minuteStart);
  const rng = new Rng(mix(prof.hash, endpointHash(endpointName), minuteStart / MINUTE_MS));
  const trait = DEMO_TRAFFIC_TRAITS[runtime.name];
  const count = rng.poisson(prof.peakRate * endpointShare * diurnalFactor(minuteStart) * (incident ? 1.6 : 1));
  if (count === 0) return [];
  const out: LazyInvocation[] = [];
  // Sessions live ~15 minutes; a handful run concurrently, so ids repeat within a window.
  const window = Math.floor(minuteStart / SESSION_WINDOW_MS);
  const concurrent = Math.max(1, Math.round(prof.peakRate * 2));
  for (let i = 0; i < count; i++) {
    const slot = rng.int(0, concurrent - 1);
    const roll = rng.next();
    let outcome: Outcome = 'ok';
    if (incident) outcome = roll < 0.12 ? 'throttled' : roll < 0.38 ? 'system_error' : roll < 0.42 ? 'user_error' : 'ok';
    else outcome = roll < 0.003 ? 'throttled' : roll < 0.008 ? 'system_error' : roll < 0.028 ? 'user_error' : 'ok';
    if (trait?.systemErrorShare !== undefined && outcome === 'ok' && rng.chance(trait.systemErrorShare)) outcome = 'system_error';
    const coldStart = rng.chance(0.02);
    const base = (trait?.medianLatencyMs ?? prof.medianLatencyMs) * Math.exp(0.45 * rng.gaussian()) * (incident ? 3 : 1);
    let latencyMs = Math.round(base + (coldStart ? rng.int(2500, 8000) : 0));
    if (outcome === 'throttled') latencyMs = rng.int(5, 40);
    else if (outcome === 'user_error') latencyMs = rng.int(20, 300);
    const startedAt = minuteStart + rng.int(0, MINUTE_MS - 1);
    const newSession = rng.chance(0.3);
    const inputTokens = outcome === 'ok' || outcome === 'system_error' ? rng.int(300, 3200) : 0;
    const outputTokens = outcome === 'ok' ? rng.int(80, 1200) : 0;
    out.push(
      new LazyInvocation(startedAt, latencyMs, outcome, newSession, coldStart, inputTokens, outputTokens, seed, runtime.id, endpointName, window, slot, i),
    );
  }
  return out.sort((a, b) => a.startedAt - b.startedAt);
}

/** Gauge for ActiveSessionCount: sessions alive in that minute. */
export function activeSessions(seed: number, runtime: RuntimeView, endpointName: string, minuteStart: number): number {
  if (!servesTraffic(runtime, minuteStart)) return 0;
  const prof = profile(seed, runtime.id);
  const endpointShare = endpointName === 'DEFAULT' ? 1 : 0.15;
  return Math.round(prof.peakRate * 3 * endpointShare * diurnalFactor(minuteStart));
}
