/**
 * SLO breaches from a series: a breach is a run of consecutive periods whose
 * value is above the threshold for at least `minRunMs` — as a CloudWatch
 * alarm wants N datapoints in a row, so one unlucky minute (1 failure in 4
 * calls) is not an incident. A period without data (null) ends a run — no
 * invocations means nothing failed or was slow. A run that reaches the
 * period still in progress is open (no end yet).
 */
import type { Point, SloBreach, SloThresholds } from '../../../shared/metrics';

export const DEFAULT_SLO: SloThresholds = { errorRatePct: 5, p99Ms: 10_000 };

export type BreachRun = Omit<SloBreach, 'agentKey'>;

export function breachRuns(
  points: Point[],
  kind: SloBreach['kind'],
  threshold: number,
  periodMs: number,
  /** The series reaches now: a run in its last period is still open. */
  live: boolean,
  minRunMs = 0,
): BreachRun[] {
  const runs: BreachRun[] = [];
  let current: BreachRun | null = null;
  let lastT = 0;
  for (const [t, v] of points) {
    if (v !== null && v > threshold) {
      if (!current) current = { kind, startedAt: t, worst: v, threshold };
      current.worst = Math.max(current.worst, v);
      lastT = t;
      continue;
    }
    if (current) runs.push({ ...current, endedAt: lastT + periodMs });
    current = null;
  }
  if (current) {
    const atEnd = points.length > 0 && lastT === points[points.length - 1]![0];
    runs.push(live && atEnd ? current : { ...current, endedAt: lastT + periodMs });
  }
  return runs.filter((r) => (r.endedAt ?? lastT + periodMs) - r.startedAt >= minRunMs);
}

/** How long a threshold must be crossed before it counts as a breach. */
export const SUSTAINED_MS = 5 * 60_000;

export function sloBreaches(errorRate: Point[], p99: Point[], slo: SloThresholds, periodMs: number, live: boolean): BreachRun[] {
  return [
    ...breachRuns(errorRate, 'errorRate', slo.errorRatePct, periodMs, live, SUSTAINED_MS),
    ...breachRuns(p99, 'p99', slo.p99Ms, periodMs, live, SUSTAINED_MS),
  ];
}
