import { describe, expect, it } from 'vitest';
import type { Series } from '../../../../shared/metrics';
import { chartRows, seriesCsv } from './chart-data';

const series = (id: string, points: Series['points'], extra: Partial<Series> = {}): Series => ({
  id,
  label: id,
  unit: 'count',
  points,
  source: 'cloudwatch',
  ...extra,
});

describe('chart rows and CSV', () => {
  it('aligns series on their timestamps, a missing value a gap', () => {
    const rows = chartRows([
      series('a', [
        [0, 1],
        [60, 2],
      ]),
      series('b', [
        [60, 5],
        [120, 6],
      ]),
    ]);
    expect(rows).toEqual([
      { t: 0, a: 1, b: null },
      { t: 60, a: 2, b: 5 },
      { t: 120, a: null, b: 6 },
    ]);
  });

  it('downsamples to about the threshold, keeping a spike of either series', () => {
    const n = 10_080;
    const a = series(
      'a',
      Array.from({ length: n }, (_, i) => [i, i === 3_000 ? 999 : 1]),
    );
    const b = series(
      'b',
      Array.from({ length: n }, (_, i) => [i, i === 7_000 ? 777 : 2]),
    );
    const rows = chartRows([a, b], 600);
    expect(rows.length).toBeLessThanOrEqual(604);
    expect(rows.find((r) => r.t === 3_000)).toMatchObject({ a: 999, b: 2 });
    expect(rows.find((r) => r.t === 7_000)).toMatchObject({ a: 1, b: 777 });
  });

  it('writes every point as CSV with labels and units, quoting where needed', () => {
    const csv = seriesCsv([
      series('p99', [[0, 120]], { label: 'p99, latency', unit: 'ms' }),
      series('n', [
        [0, 1],
        [60_000, null],
      ]),
    ]);
    expect(csv).toBe('time,"p99, latency (ms)",n (count)\n1970-01-01T00:00:00.000Z,120,1\n1970-01-01T00:01:00.000Z,,\n');
  });
});
