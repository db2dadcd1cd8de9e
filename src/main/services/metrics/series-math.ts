/**
 * Small arithmetic over fetched series: align CloudWatch's sparse datapoints
 * onto every period of the window (null where it sent nothing), ratios per
 * period, sums and nearest-rank percentiles.
 */
import type { Point } from '../../../shared/metrics';

export function align(values: Map<number, number> | undefined, start: number, end: number, periodMs: number): Point[] {
  const out: Point[] = [];
  for (let t = start; t < end; t += periodMs) out.push([t, values?.get(t) ?? null]);
  return out;
}

/** 100 × a / b per period; null where b has no datapoint or is zero. */
export function ratioPct(a: Point[], b: Point[]): Point[] {
  return a.map(([t, x], i) => {
    const y = b[i]?.[1] ?? null;
    return [t, y ? (100 * (x ?? 0)) / y : null];
  });
}

export function sumOf(values: Map<number, number> | undefined, from: number, to: number): number {
  let sum = 0;
  for (const [t, v] of values ?? []) if (t >= from && t < to) sum += v;
  return sum;
}

/** The value of the bucket starting at t (the tile queries have one bucket per window). */
export function at(values: Map<number, number> | undefined, t: number): number | null {
  return values?.get(t) ?? null;
}

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}
