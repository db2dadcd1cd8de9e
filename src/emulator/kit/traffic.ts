/**
 * Synthetic demo traffic: the invocations a demo runtime "received" in a given
 * minute. Logs render these as log lines and metrics aggregate them, so the
 * log history and the charts tell the same story (an incident spike in the
 * charts has its ERROR lines in the logs). Every minute is a pure function of
 * (seed, runtime, endpoint, minute): nothing is stored, so 600 runtimes cost
 * nothing until someone looks at one.
 */
import type { RuntimeView } from '../core/types';
import { Rng } from './rng';

export const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

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
  /** Mean invocations per minute at the daily peak on the DEFAULT endpoint. */
  peakRate: number;
  medianLatencyMs: number;
}

function profile(seed: number, runtimeId: string): RuntimeProfile {
  const rng = Rng.for(seed, 'traffic-profile', runtimeId);
  return { peakRate: 0.4 + rng.next() * 4.6, medianLatencyMs: 700 + rng.next() * 3300 };
}

/** Diurnal shape: quiet around 03:00 UTC, busiest around 15:00 UTC, weekends at 60%. */
export function diurnalFactor(minuteStart: number): number {
  const hour = (minuteStart % DAY_MS) / (60 * MINUTE_MS);
  const day = new Date(minuteStart).getUTCDay();
  const shape = 0.15 + 0.85 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24));
  return day === 0 || day === 6 ? shape * 0.6 : shape;
}

export interface IncidentWindow {
  start: number;
  end: number;
}

/** About one day in three a runtime has a 15–45 minute incident: errors, throttles and slow replies. */
export function incidentFor(seed: number, runtimeId: string, minuteStart: number): IncidentWindow | undefined {
  const dayStart = Math.floor(minuteStart / DAY_MS) * DAY_MS;
  const rng = Rng.for(seed, 'incident', runtimeId, dayStart);
  if (!rng.chance(0.35)) return undefined;
  const start = dayStart + rng.int(0, 24 * 60 - 60) * MINUTE_MS;
  const end = start + rng.int(15, 45) * MINUTE_MS;
  return minuteStart >= start && minuteStart < end ? { start, end } : undefined;
}

/** Runtimes that can serve traffic: READY ones, after they were created. */
export function servesTraffic(runtime: RuntimeView, minuteStart: number): boolean {
  return (runtime.status === 'READY' || runtime.status === 'UPDATING') && minuteStart >= runtime.createdAt;
}

/** The synthetic invocations of one runtime endpoint in the minute starting at `minuteStart` (aligned to 60 s). */
export function syntheticMinute(seed: number, runtime: RuntimeView, endpointName: string, minuteStart: number): SyntheticInvocation[] {
  if (!servesTraffic(runtime, minuteStart)) return [];
  const prof = profile(seed, runtime.id);
  const endpointShare = endpointName === 'DEFAULT' ? 1 : 0.15;
  const incident = incidentFor(seed, runtime.id, minuteStart);
  const rng = Rng.for(seed, 'minute', runtime.id, endpointName, minuteStart);
  const mean = prof.peakRate * endpointShare * diurnalFactor(minuteStart) * (incident ? 1.6 : 1);
  const count = rng.poisson(mean);
  const out: SyntheticInvocation[] = [];
  // Sessions live ~15 minutes; a handful run concurrently, so ids repeat within a window.
  const window = Math.floor(minuteStart / (15 * MINUTE_MS));
  const concurrent = Math.max(1, Math.round(prof.peakRate * 2));
  for (let i = 0; i < count; i++) {
    const slot = rng.int(0, concurrent - 1);
    const sessionId = Rng.for(seed, 'session', runtime.id, endpointName, window, slot).uuid();
    const roll = rng.next();
    let outcome: Outcome = 'ok';
    if (incident) outcome = roll < 0.12 ? 'throttled' : roll < 0.38 ? 'system_error' : roll < 0.42 ? 'user_error' : 'ok';
    else outcome = roll < 0.003 ? 'throttled' : roll < 0.008 ? 'system_error' : roll < 0.028 ? 'user_error' : 'ok';
    const coldStart = rng.chance(0.02);
    const base = prof.medianLatencyMs * Math.exp(0.45 * rng.gaussian()) * (incident ? 3 : 1);
    let latencyMs = Math.round(base + (coldStart ? rng.int(2500, 8000) : 0));
    if (outcome === 'throttled') latencyMs = rng.int(5, 40);
    else if (outcome === 'user_error') latencyMs = rng.int(20, 300);
    out.push({
      startedAt: minuteStart + rng.int(0, MINUTE_MS - 1),
      latencyMs,
      outcome,
      sessionId,
      newSession: rng.chance(0.3),
      coldStart,
      inputTokens: outcome === 'ok' || outcome === 'system_error' ? rng.int(300, 3200) : 0,
      outputTokens: outcome === 'ok' ? rng.int(80, 1200) : 0,
      key: `${runtime.id}|${endpointName}|${minuteStart}|${i}`,
    });
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
