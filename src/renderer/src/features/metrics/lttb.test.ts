import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../shared/metrics';
import { lttb, lttbRun } from './lttb';

const line = (n: number, f: (i: number) => number | null): Point[] => Array.from({ length: n }, (_, i) => [i * 60_000, f(i)]);

describe('LTTB downsampling', () => {
  it('leaves short series alone', () => {
    const points = line(10, (i) => i);
    expect(lttb(points, 600)).toEqual(points);
  });

  it('keeps the threshold, the ends, time order, and a lone spike', () => {
    const points = line(10_080, (i) => (i === 5_000 ? 1_000 : Math.sin(i / 50)));
    const out = lttb(points, 600);
    expect(out.length).toBeLessThanOrEqual(602);
    expect(out.length).toBeGreaterThan(550);
    expect(out[0]).toEqual(points[0]);
    expect(out[out.length - 1]).toEqual(points[points.length - 1]);
    expect(out.some(([, v]) => v === 1_000)).toBe(true);
    for (let i = 1; i < out.length; i += 1) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![0]);
  });

  it('keeps gaps as gaps, downsampling each run on its own', () => {
    const points = line(4_000, (i) => (i >= 1_000 && i < 2_000 ? null : i));
    const out = lttb(points, 400);
    const nulls = out.filter(([, v]) => v === null);
    expect(nulls).toHaveLength(1);
    const gap = out.findIndex(([, v]) => v === null);
    expect(out[gap - 1]![0]).toBeLessThan(1_000 * 60_000);
    expect(out[gap + 1]![0]).toBe(2_000 * 60_000);
    expect(out.length).toBeLessThanOrEqual(402);
  });

  it('falls back to the ends under a threshold below three', () => {
    expect(
      lttbRun(
        [
          [0, 1],
          [1, 5],
          [2, 2],
        ],
        2,
      ),
    ).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });
});
