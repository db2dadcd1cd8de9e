/**
 * A stage's latency histogram as bars: main's buckets (upper bound in ms,
 * count), merged into at most ~30 bars so a projector still reads them, with
 * the acceptance limit of the stage's row marked.
 */
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { memo, useMemo, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTheme } from '../metrics/chart-theme';
import { formatTick, formatValue } from '../metrics/metrics-format';

const MAX_BARS = 30;

export interface HistogramBar {
  upTo: number;
  label: string;
  count: number;
}

/** Empty buckets before the first and after the last request dropped, then neighbours joined until few enough; a bar keeps its last bucket's upper bound. */
export function histogramBars(buckets: ReadonlyArray<readonly [number, number]>, maxBars = MAX_BARS): HistogramBar[] {
  const first = buckets.findIndex(([, count]) => count > 0);
  if (first === -1) return [];
  let last = buckets.length - 1;
  while (buckets[last]![1] === 0) last -= 1;
  const kept = buckets.slice(first, last + 1);
  const per = Math.max(1, Math.ceil(kept.length / maxBars));
  const bars: HistogramBar[] = [];
  for (let i = 0; i < kept.length; i += per) {
    const group = kept.slice(i, i + per);
    const upTo = group[group.length - 1]![0];
    bars.push({ upTo, label: `≤ ${formatTick(upTo, 'ms')}`, count: group.reduce((sum, [, c]) => sum + c, 0) });
  }
  return bars;
}

export const LatencyHistogram = memo(function LatencyHistogram({
  title,
  buckets,
  limitMs,
  actions,
}: {
  title: string;
  buckets: ReadonlyArray<readonly [number, number]>;
  limitMs?: number;
  actions?: ReactNode;
}) {
  const theme = useChartTheme();
  const bars = useMemo(() => histogramBars(buckets), [buckets]);
  const limitBar = limitMs === undefined ? undefined : bars.find((b) => b.upTo >= limitMs)?.label;
  const axis = { stroke: theme.grid, tick: { fill: theme.text, fontSize: theme.fontSize } };
  return (
    <Container
      data-testid="loadtest-histogram"
      header={
        <Header variant="h3" description="Requests by total latency, successes and failures alike." actions={actions}>
          {title}
        </Header>
      }
    >
      {bars.length === 0 ? (
        <Box textAlign="center" color="text-body-secondary" padding="xl">
          No request has completed yet
        </Box>
      ) : (
        <div role="img" aria-label={`${title}: ${bars.map((b) => `${b.label}: ${b.count}`).join(', ')}`}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval="preserveStartEnd" {...axis} />
              <YAxis width={56} allowDecimals={false} {...axis} />
              <Tooltip
                formatter={(value) => [formatValue(typeof value === 'number' ? value : null, 'count'), 'Requests']}
                contentStyle={{ background: theme.background, borderColor: theme.grid, color: theme.text, fontSize: theme.fontSize }}
                cursor={{ fill: theme.grid, fillOpacity: 0.3 }}
              />
              {limitBar && (
                <ReferenceLine
                  x={limitBar}
                  stroke={theme.threshold}
                  strokeDasharray="6 4"
                  strokeWidth={2}
                  label={{ value: `limit ${formatTick(limitMs ?? 0, 'ms')}`, position: 'insideTopRight', fill: theme.threshold, fontSize: theme.fontSize }}
                />
              )}
              <Bar dataKey="count" name="Requests" fill={theme.series[0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Container>
  );
});
