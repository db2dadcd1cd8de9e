import { describe, expect, it } from 'vitest';
import type { Point } from '../../../shared/metrics';
import { breachRuns } from './breaches';

describe('breachRuns', () => {
  const pts: Point[] = [
    [0, 1],
    [60, 12],
    [120, 20],
    [180, null],
    [240, 11],
    [300, 3],
    [360, 15],
  ];

  it('finds runs above the threshold, ended by a quiet or healthy period', () => {
    expect(breachRuns(pts, 'p99', 10, 60, false)).toEqual([
      { kind: 'p99', startedAt: 60, endedAt: 180, worst: 20, threshold: 10 },
      { kind: 'p99', startedAt: 240, endedAt: 300, worst: 11, threshold: 10 },
      { kind: 'p99', startedAt: 360, endedAt: 420, worst: 15, threshold: 10 },
    ]);
  });

  it('leaves a run in the current period open', () => {
    expect(breachRuns(pts, 'p99', 10, 60, true).at(-1)).toEqual({ kind: 'p99', startedAt: 360, worst: 15, threshold: 10 });
  });

  it('counts only runs sustained for the minimum time, so one bad minute is not a breach', () => {
    const minute: Point[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => [m * 60_000, m === 1 || (m >= 3 && m <= 7) ? 20 : 1]);
    expect(breachRuns(minute, 'errorRate', 5, 60_000, false, 5 * 60_000)).toEqual([
      { kind: 'errorRate', startedAt: 180_000, endedAt: 480_000, worst: 20, threshold: 5 },
    ]);
  });
});
