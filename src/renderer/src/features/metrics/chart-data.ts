/**
 * Series → the rows a recharts chart draws, and → CSV. CloudWatch series of
 * one answer share a period grid, so each series is downsampled with LTTB to
 * its share of the budget and the chart keeps the union of the timestamps
 * any series kept, with every series' exact value there: a spike of any
 * series survives, and the lines stay aligned for one crosshair.
 */
import type { Series } from '../../../../shared/metrics';
import { DEFAULT_THRESHOLD, lttb } from './lttb';

export type ChartRow = { t: number } & Record<string, number | null>;

export function chartRows(series: readonly Series[], threshold = DEFAULT_THRESHOLD): ChartRow[] {
  if (series.length === 0) return [];
  const share = Math.max(3, Math.floor(threshold / series.length));
  const kept = new Set<number>();
  const values = series.map((s) => new Map(s.points));
  for (const s of series) for (const [t] of lttb(s.points, share)) kept.add(t);
  return [...kept]
    .sort((a, b) => a - b)
    .map((t) => {
      const row: ChartRow = { t } as ChartRow;
      series.forEach((s, i) => {
        // A timestamp another series kept but this one lacks is a gap in this one, not a zero.
        row[s.id] = values[i]!.get(t) ?? null;
      });
      return row;
    });
}

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** One row per timestamp of any series (full resolution, not the downsampled rows), ISO time first. */
export function seriesCsv(series: readonly Series[]): string {
  const times = [...new Set(series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
  const values = series.map((s) => new Map(s.points));
  const header = ['time', ...series.map((s) => `${s.label} (${s.unit})`)].map(csvCell).join(',');
  const lines = times.map((t) => [new Date(t).toISOString(), ...values.map((v) => String(v.get(t) ?? ''))].join(','));
  return [header, ...lines].join('\n') + '\n';
}
