/**
 * A board tile's CloudWatch figures. A board asks one batched GetMetricData
 * per (profile, region) cell: per runtime endpoint its invocations, errors,
 * throttles and p99 per minute over the last 30 minutes (the sparkline, and
 * the per-minute error rate the SLO breaches are computed from), plus p99
 * over the whole window as one bucket (CloudWatch's p99 of the window, which
 * per-minute p99s cannot give). A runtime's counts are summed over its
 * endpoints; its p99 is the worst endpoint's (percentiles do not add).
 */
import type { FleetResource } from '../../../shared/fleet';
import type { Point } from '../../../shared/metrics';
import { TILE_QUERIES } from '../metrics/agent-metrics';
import type { FetchedSeries, StatQuery } from '../metrics/metric-fetch';
import { runtimeEndpointDimensions } from '../metrics/metric-names';
import { align, ratioPct } from '../metrics/series-math';

export const WINDOW_MINUTES = 30;
export const MINUTE_MS = 60_000;
/** Invocations per minute are averaged over the last complete minutes. */
const RATE_MINUTES = 5;

const PER_MINUTE = TILE_QUERIES.filter((q) => q.key === 'inv' || q.key === 'err' || q.key === 'thr' || q.key === 'p99');
const WINDOW_P99 = TILE_QUERIES.find((q) => q.key === 'p99')!;

export interface BoardWindow {
  start: number;
  /** Exclusive; the minute in progress is the window's last. */
  end: number;
}

export interface AgentFigures {
  invocations: number | null;
  errors: number | null;
  throttles: number | null;
  invocationsPerMin: number | null;
  errorRatePct: number | null;
  p99Ms: number | null;
  p99Sparkline: Array<number | null>;
  /** Per minute, for the SLO breach runs. */
  errorRatePoints: Point[];
  p99Points: Point[];
}

export function boardWindow(now: number): BoardWindow {
  const end = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return { start: end - WINDOW_MINUTES * MINUTE_MS, end };
}

const endpointsOf = (r: FleetResource): string[] => (r.endpoints?.length ? r.endpoints.map((e) => e.name) : ['DEFAULT']);

export function boardQueries(runtimes: readonly FleetResource[]): StatQuery[] {
  const queries: StatQuery[] = [];
  for (const rt of runtimes)
    for (const ep of endpointsOf(rt)) {
      const dimensions = runtimeEndpointDimensions(rt.arn, rt.name, ep);
      for (const q of PER_MINUTE) queries.push({ key: `${rt.key}|${ep}|${q.key}`, metric: q.metric, dimensions, stat: q.stat, periodSeconds: 60 });
      queries.push({ key: `${rt.key}|${ep}|p99w`, metric: WINDOW_P99.metric, dimensions, stat: WINDOW_P99.stat, periodSeconds: WINDOW_MINUTES * 60 });
    }
  return queries;
}

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
const worst = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function combine(series: Point[][], f: (a: number | null, b: number | null) => number | null, window: BoardWindow): Point[] {
  return align(undefined, window.start, window.end, MINUTE_MS).map(([t], i) => [t, series.reduce<number | null>((acc, s) => f(acc, s[i]?.[1] ?? null), null)]);
}

const total = (points: Point[]): number | null => points.reduce<number | null>((acc, [, v]) => plus(acc, v), null);

export function figuresOf(data: FetchedSeries, r: FleetResource, window: BoardWindow): AgentFigures {
  const eps = endpointsOf(r);
  const per = (k: string) => eps.map((ep) => align(data.get(`${r.key}|${ep}|${k}`), window.start, window.end, MINUTE_MS));
  const inv = combine(per('inv'), plus, window);
  const err = combine(per('err'), plus, window);
  const thr = combine(per('thr'), plus, window);
  const p99 = combine(per('p99'), worst, window);
  const invocations = total(inv);
  // An agent with datapoints has none of a counter AgentCore only publishes when it is non-zero.
  const zeroIfSeen = (v: number | null) => (v === null && invocations !== null ? 0 : v);
  const errors = zeroIfSeen(total(err));
  const rateFrom = window.end - (RATE_MINUTES + 1) * MINUTE_MS;
  const recent = inv.filter(([t]) => t >= rateFrom && t < window.end - MINUTE_MS);
  const windowP99 = eps.reduce<number | null>((acc, ep) => worst(acc, [...(data.get(`${r.key}|${ep}|p99w`)?.values() ?? [])][0] ?? null), null);
  return {
    invocations,
    errors,
    throttles: zeroIfSeen(total(thr)),
    invocationsPerMin: invocations === null ? null : (total(recent) ?? 0) / RATE_MINUTES,
    errorRatePct: invocations ? (100 * (errors ?? 0)) / invocations : null,
    p99Ms: windowP99 ?? p99.reduce<number | null>((acc, [, v]) => worst(acc, v), null),
    p99Sparkline: p99.map(([, v]) => v),
    errorRatePoints: ratioPct(err, inv),
    p99Points: p99,
  };
}
