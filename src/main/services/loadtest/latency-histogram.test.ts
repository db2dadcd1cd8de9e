import { describe, expect, it } from 'vitest';
import { HISTOGRAM_RELATIVE_ERROR, LatencyHistogram } from './latency-histogram';

/** Deterministic samples: a mulberry32 stream shaped like request latencies (a long tail). */
function samples(n: number, seed: number): number[] {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => 5 + 200 * -Math.log(1 - next()) + (next() < 0.02 ? 20_000 * next() : 0));
}

function exact(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('LatencyHistogram', () => {
  it('matches an exact sort within its relative error at every percentile', () => {
    for (const seed of [1, 7, 42]) {
      const xs = samples(50_000, seed);
      const h = new LatencyHistogram();
      for (const x of xs) h.record(x);
      const sorted = [...xs].sort((a, b) => a - b);
      for (const p of [1, 10, 50, 75, 90, 95, 99, 99.9, 100]) {
        const want = exact(sorted, p);
        const got = h.percentile(p)!;
        expect(Math.abs(got - want) / want).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR + 1e-9);
      }
      const s = h.summary();
      expect(s.count).toBe(xs.length);
      expect(s.min).toBe(sorted[0]);
      expect(s.max).toBe(sorted.at(-1));
      expect(s.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
    }
  });

  it('is exact for sub-millisecond values and empty when nothing was recorded', () => {
    const h = new LatencyHistogram();
    expect(h.summary()).toEqual({ count: 0, min: null, mean: null, p50: null, p90: null, p95: null, p99: null, max: null });
    expect(h.chartBuckets()).toEqual([]);
    for (const x of [0.1, 0.2, 0.25]) h.record(x);
    expect(h.percentile(50)).toBe(0.2);
    h.record(Number.NaN);
    h.record(-3);
    expect(h.count).toBe(3);
  });

  it('merges to the same figures as recording everything in one', () => {
    const xs = samples(20_000, 3);
    const one = new LatencyHistogram();
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    xs.forEach((x, i) => {
      one.record(x);
      (i % 2 ? a : b).record(x);
    });
    a.merge(b);
    expect(a.summary()).toEqual({ ...one.summary(), mean: a.summary().mean });
    expect(a.summary().mean).toBeCloseTo(one.summary().mean!, 9);
  });

  it('folds into 1-2-5 chart steps that count every sample', () => {
    const h = new LatencyHistogram();
    for (const x of [0.5, 1.5, 3, 4, 7, 1999]) h.record(x);
    const buckets = h.chartBuckets();
    expect(buckets.slice(0, 4)).toEqual([
      [1, 1],
      [2, 1],
      [5, 2],
      [10, 1],
    ]);
    expect(buckets.reduce((n, [, c]) => n + c, 0)).toBe(6);
    expect(buckets.at(-1)![0]).toBeGreaterThanOrEqual(1999);
  });
});
