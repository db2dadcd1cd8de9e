import { describe, expect, it } from 'vitest';
import { computeStatistic, parseStatistic, percentile } from './stats';

describe('statistics', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

  it('parses the standard statistics and pNN', () => {
    expect(parseStatistic('Sum')).toEqual({ kind: 'Sum' });
    expect(parseStatistic('p99')).toEqual({ kind: 'percentile', p: 99 });
    expect(parseStatistic('p99.9')).toEqual({ kind: 'percentile', p: 99.9 });
    expect(parseStatistic('p100')).toEqual({ kind: 'percentile', p: 100 });
    expect(parseStatistic('avg')).toBeUndefined();
    expect(parseStatistic('p101')).toBeUndefined();
  });

  it('computes sums, means, extremes and counts', () => {
    const v = (s: string) => computeStatistic(parseStatistic(s)!, samples);
    expect([v('Sum'), v('Average'), v('Minimum'), v('Maximum'), v('SampleCount')]).toEqual([55, 5.5, 1, 10, 10]);
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile([42], 1)).toBe(42);
  });
});
