/**
 * A run's charts over its one-second ticks — throughput, success rate, the
 * latency percentiles and active users — drawn by the metrics page's own
 * chart (downsampled, one crosshair, keyboard legend, CSV/PNG export). Live
 * and stored runs draw the same way; `spanMs` gives two runs side by side
 * the same time scale.
 */
import Grid from '@cloudscape-design/components/grid';
import { useMemo } from 'react';
import type { AcceptanceRow, LoadTick } from '../../../../shared/loadtest';
import { MetricChart, type Threshold } from '../metrics/metric-chart';
import { formatTick } from '../metrics/metrics-format';
import { latencySeries, successSeries, throughputSeries, usersSeries } from './run-figures';

/** A run's first seconds still get a readable axis. */
const MIN_SPAN_MS = 30_000;

export function runWindow(startedAt: number, ticks: readonly LoadTick[], spanMs?: number): { startTime: number; endTime: number } {
  const last = ticks[ticks.length - 1]?.t ?? startedAt;
  return { startTime: startedAt, endTime: startedAt + Math.max(spanMs ?? 0, last - startedAt, MIN_SPAN_MS) };
}

interface RunChartsProps {
  runId: string;
  startedAt: number;
  ticks: readonly LoadTick[];
  /** The acceptance row whose latency limit the latency chart marks (the live view's current stage). */
  limit?: AcceptanceRow;
  spanMs?: number;
  /** Only p99 and throughput (the side-by-side view). */
  compact?: boolean;
}

export function RunCharts({ runId, startedAt, ticks, limit, spanMs, compact = false }: RunChartsProps) {
  const charts = useMemo(() => {
    const limits: Threshold[] = limit ? [{ value: limit.latencyMs, label: `Limit at ${limit.users} users: ${formatTick(limit.latencyMs, 'ms')}` }] : [];
    const all = [
      {
        id: 'throughput',
        title: 'Throughput',
        description: 'Requests completed per second, failed and throttled among them.',
        series: throughputSeries(ticks),
        thresholds: [],
      },
      {
        id: 'latency',
        title: 'Latency percentiles',
        description: 'Per second, over the requests that completed in it.',
        series: latencySeries(ticks),
        thresholds: limits,
      },
      { id: 'success', title: 'Success rate', description: 'Share of the second’s requests that succeeded.', series: successSeries(ticks), thresholds: [] },
      { id: 'users', title: 'Active virtual users', description: 'Users sending or thinking; ramps up per stage.', series: usersSeries(ticks), thresholds: [] },
    ];
    return compact ? all.filter((c) => c.id === 'throughput' || c.id === 'latency') : all;
  }, [ticks, limit, compact]);
  const { startTime, endTime } = runWindow(startedAt, ticks, spanMs);
  return (
    <div className="metrics-charts">
      <Grid gridDefinition={charts.map(() => ({ colspan: compact ? 12 : { default: 12, m: 6 } }))}>
        {charts.map((chart) => (
          <MetricChart
            key={chart.id}
            id={`loadtest-${chart.id}`}
            title={chart.title}
            description={chart.description}
            series={chart.series}
            thresholds={chart.thresholds}
            startTime={startTime}
            endTime={endTime}
            syncId={`loadtest:${runId}`}
            area={chart.id === 'users'}
            height={compact ? 220 : 240}
          />
        ))}
      </Grid>
    </div>
  );
}
