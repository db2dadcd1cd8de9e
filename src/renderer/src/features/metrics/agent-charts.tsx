/** The charts of one view, two per row on a wide screen, one crosshair across them; SLO lines and breach periods on the charts they concern. */
import Grid from '@cloudscape-design/components/grid';
import { useMemo } from 'react';
import type { Series, SloBreach, SloThresholds } from '../../../../shared/metrics';
import { breachPeriods, chartGroups, type ChartGroup } from './chart-groups';
import { MetricChart, type Period, type Threshold } from './metric-chart';
import { formatValue } from './metrics-format';

interface ChartsProps {
  syncId: string;
  series: readonly Series[];
  startTime: number;
  endTime: number;
  slo?: SloThresholds;
  breaches?: readonly SloBreach[];
}

const LAGGING = 'Resource usage metrics can trail real usage by up to an hour.';

/** Said only when it is true of the chart's series (a memory's latency has no console measurements beside it). */
function describe(group: ChartGroup): string | undefined {
  if (group.kind === 'latency' && group.series.some((s) => s.source === 'console'))
    return 'CloudWatch percentiles; dashed lines are the console’s own measured time to first byte and total.';
  if (group.kind === 'traffic' && group.series.some((s) => /system/i.test(s.id))) return 'Per period; errors split into system and user errors.';
  if (group.kind === 'cpu' || group.kind === 'memory') return LAGGING;
  return undefined;
}

function decorations(
  group: ChartGroup,
  slo: SloThresholds | undefined,
  breaches: readonly SloBreach[],
  endTime: number,
): { thresholds: Threshold[]; periods: Period[] } {
  if (!slo) return { thresholds: [], periods: [] };
  if (group.kind === 'errorRate')
    return {
      thresholds: [{ value: slo.errorRatePct, label: `SLO ${formatValue(slo.errorRatePct, 'percent')}` }],
      periods: breachPeriods(breaches, 'errorRate', endTime),
    };
  // The p99 threshold belongs on the latency chart only when it charts p99 (it always does for a runtime).
  if (group.kind === 'latency')
    return { thresholds: [{ value: slo.p99Ms, label: `p99 SLO ${formatValue(slo.p99Ms, 'ms')}` }], periods: breachPeriods(breaches, 'p99', endTime) };
  return { thresholds: [], periods: [] };
}

export function MetricCharts({ syncId, series, startTime, endTime, slo, breaches = [] }: ChartsProps) {
  // Memoised so a re-render of the page (a refetch, a tile) hands every chart the same props and recharts redraws nothing.
  const charts = useMemo(
    () => chartGroups(series).map((group) => ({ group, ...decorations(group, slo, breaches, endTime) })),
    [series, slo, breaches, endTime],
  );
  return (
    // The wrapper keeps the grid's negative bottom margin from pulling the next section against the charts.
    <div className="metrics-charts">
      <Grid gridDefinition={charts.map(() => ({ colspan: { default: 12, m: 6 } }))}>
        {charts.map(({ group, thresholds, periods }) => {
          return (
            <MetricChart
              key={group.key}
              id={group.key}
              title={group.title}
              description={describe(group)}
              series={group.series}
              startTime={startTime}
              endTime={endTime}
              thresholds={thresholds}
              breaches={periods}
              syncId={syncId}
              area={group.kind === 'sessions' || group.kind === 'cpu' || group.kind === 'memory'}
            />
          );
        })}
      </Grid>
    </div>
  );
}
