/**
 * CloudWatch statistics over the samples of one period: Sum, Average,
 * Minimum, Maximum, SampleCount and percentiles `pNN` / `pNN.N`.
 * Percentiles use nearest rank (CloudWatch's are approximations too, so
 * consoles must not expect interpolation).
 */

export type Statistic = { kind: 'Sum' | 'Average' | 'Minimum' | 'Maximum' | 'SampleCount' } | { kind: 'percentile'; p: number };

export function parseStatistic(stat: string): Statistic | undefined {
  if (stat === 'Sum' || stat === 'Average' || stat === 'Minimum' || stat === 'Maximum' || stat === 'SampleCount') return { kind: stat };
  const m = /^p(\d{1,2}(?:\.\d{1,2})?|100)$/.exec(stat);
  if (m) return { kind: 'percentile', p: Number(m[1]) };
  return undefined;
}

/** The statistic of a non-empty sample list (callers skip empty periods: CloudWatch omits them). */
export function computeStatistic(stat: Statistic, samples: readonly number[]): number {
  switch (stat.kind) {
    case 'Sum':
      return samples.reduce((a, b) => a + b, 0);
    case 'Average':
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    case 'Minimum':
      return Math.min(...samples);
    case 'Maximum':
      return Math.max(...samples);
    case 'SampleCount':
      return samples.length;
    case 'percentile':
      return percentile(samples, stat.p);
  }
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}
