import { describe, expect, it } from 'vitest';
import { histogramBars } from './latency-histogram';

describe('histogramBars', () => {
  it('drops the empty ends and keeps empty buckets in between', () => {
    const bars = histogramBars([
      [10, 0],
      [20, 3],
      [50, 0],
      [100, 2],
      [200, 0],
    ]);
    expect(bars.map((b) => [b.upTo, b.count])).toEqual([
      [20, 3],
      [50, 0],
      [100, 2],
    ]);
  });

  it('joins neighbours into at most the bar budget without losing a request', () => {
    const buckets = Array.from({ length: 100 }, (_, i) => [(i + 1) * 10, 1] as const);
    const bars = histogramBars(buckets, 30);
    expect(bars.length).toBeLessThanOrEqual(30);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(100);
    expect(bars[bars.length - 1]!.upTo).toBe(1000);
  });

  it('has no bars before any request completed', () => {
    expect(histogramBars([[10, 0]])).toEqual([]);
  });
});
