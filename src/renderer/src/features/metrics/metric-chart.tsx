/**
 * One metrics chart: series downsampled for drawing (chart-data.ts), SLO
 * thresholds as reference lines and breaches as shaded periods, the console's
 * own measurements dashed beside CloudWatch's, a shared crosshair across the
 * charts of a view (`syncId`), legend items that hide and show their series,
 * and CSV / PNG export. The legend is buttons, not recharts' own legend, so a
 * keyboard and a screen reader can toggle series too.
 */
import Box from '@cloudscape-design/components/box';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { memo, useMemo, useRef, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from '../../../../shared/metrics';
import { downloadText } from '../../lib/download';
import { useNearViewport } from '../../lib/use-near-viewport';
import { notifyError } from '../../state/notifications';
import { chartRows, seriesCsv } from './chart-data';
import { exportChartPng } from './chart-export';
import { useChartTheme } from './chart-theme';
import { formatDateTime, formatTick, formatValue } from './metrics-format';
import { tickLabel, timeTicks } from './time-ticks';

export interface Threshold {
  value: number;
  label: string;
}

export interface Period {
  from: number;
  to: number;
  label: string;
}

export interface MetricChartProps {
  /** Stable, for test ids and file names. */
  id: string;
  title: string;
  description?: string;
  series: readonly Series[];
  startTime: number;
  endTime: number;
  thresholds?: readonly Threshold[];
  breaches?: readonly Period[];
  /** Charts with the same syncId share one crosshair. */
  syncId?: string;
  area?: boolean;
  height?: number;
}

export const MetricChart = memo(function MetricChart({
  id,
  title,
  description,
  series,
  startTime,
  endTime,
  thresholds = [],
  breaches = [],
  syncId,
  area = false,
  height = 260,
}: MetricChartProps) {
  const theme = useChartTheme();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const plotRef = useRef<HTMLDivElement>(null);
  const drawn = useNearViewport(plotRef);
  const rows = useMemo(() => chartRows(series), [series]);
  const unit = series[0]?.unit ?? 'count';
  const span = endTime - startTime;
  const xTicks = useMemo(() => timeTicks(startTime, endTime), [startTime, endTime]);
  const empty = series.every((s) => s.points.every(([, v]) => v === null));
  const colour = (index: number) => theme.series[index % theme.series.length]!;
  // Only a chart mixing both sources needs to tell them apart (a load test's charts are all the console's own).
  const mixed = series.some((s) => s.source === 'console') && series.some((s) => s.source === 'cloudwatch');
  const dashed = (s: Series): boolean => mixed && s.source === 'console';
  const toggle = (seriesId: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(seriesId)) next.delete(seriesId);
      else next.add(seriesId);
      return next;
    });
  const onExport = (what: string) => {
    const name = `${id}-${new Date(startTime).toISOString().slice(0, 16)}`;
    if (what === 'csv') downloadText(`${name}.csv`, 'text/csv', seriesCsv(series));
    else if (plotRef.current) exportChartPng(plotRef.current, title, theme, `${name}.png`).catch((error: unknown) => notifyError('Export chart', error));
  };
  const Chart = area ? AreaChart : LineChart;
  const axis = { stroke: theme.grid, tick: { fill: theme.text, fontSize: theme.fontSize } };

  return (
    <Container
      data-testid={`metrics-chart-${id}`}
      header={
        <Header
          variant="h3"
          description={description}
          actions={
            <ButtonDropdown
              variant="icon"
              ariaLabel={`Export ${title}`}
              items={[
                { id: 'csv', text: 'Download CSV', disabled: empty },
                { id: 'png', text: 'Download PNG', disabled: empty },
              ]}
              onItemClick={(e) => onExport(e.detail.id)}
            />
          }
        >
          {title}
        </Header>
      }
    >
      {empty ? (
        <Box textAlign="center" color="text-body-secondary" padding="xl">
          No datapoints in this range
        </Box>
      ) : (
        <div ref={plotRef} role="img" aria-label={`${title}: ${series.map((s) => s.label).join(', ')}`} style={{ minHeight: height }}>
          {drawn && (
            <ResponsiveContainer width="100%" height={height}>
              <Chart data={rows} syncId={syncId} margin={{ top: 8, right: 32, bottom: 0, left: 8 }}>
                <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={[startTime, endTime]}
                  ticks={xTicks.ticks}
                  tickFormatter={(t: number) => tickLabel(t, xTicks.step, span)}
                  // A number, not recharts' default thinning: that measures every label in the DOM (see time-ticks.ts).
                  interval={0}
                  {...axis}
                />
                <YAxis width={76} interval={0} tickFormatter={(v: number) => formatTick(v, unit)} allowDecimals={unit !== 'count'} {...axis} />
                <Tooltip
                  labelFormatter={(t) => formatDateTime(Number(t))}
                  formatter={(value, name) => [formatValue(typeof value === 'number' ? value : null, unit), String(name)]}
                  contentStyle={{ background: theme.background, borderColor: theme.grid, color: theme.text, fontSize: theme.fontSize }}
                  cursor={{ stroke: theme.text, strokeWidth: 1 }}
                />
                {breaches.map((b) => (
                  <ReferenceArea
                    key={`${b.from}-${b.label}`}
                    x1={Math.max(b.from, startTime)}
                    x2={Math.min(b.to, endTime)}
                    fill={theme.breach}
                    fillOpacity={0.12}
                    ifOverflow="hidden"
                  />
                ))}
                {thresholds.map((t) => (
                  <ReferenceLine
                    key={t.label}
                    y={t.value}
                    stroke={theme.threshold}
                    strokeDasharray="6 4"
                    strokeWidth={2}
                    ifOverflow="extendDomain"
                    label={{ value: t.label, position: 'insideTopRight', fill: theme.threshold, fontSize: theme.fontSize }}
                  />
                ))}
                {series.map((s, i) =>
                  area ? (
                    <Area
                      key={s.id}
                      dataKey={s.id}
                      name={s.label}
                      type="linear"
                      stroke={colour(i)}
                      fill={colour(i)}
                      fillOpacity={0.15}
                      strokeWidth={2}
                      hide={hidden.has(s.id)}
                      isAnimationActive={false}
                      connectNulls={s.source === 'console'}
                    />
                  ) : (
                    <Line
                      key={s.id}
                      dataKey={s.id}
                      name={s.label}
                      type="linear"
                      stroke={colour(i)}
                      strokeWidth={2}
                      // Beside CloudWatch's, the console's own measurements are dashed, so they never pass for them.
                      strokeDasharray={dashed(s) ? '6 3' : undefined}
                      dot={false}
                      hide={hidden.has(s.id)}
                      isAnimationActive={false}
                      connectNulls={s.source === 'console'}
                    />
                  ),
                )}
              </Chart>
            </ResponsiveContainer>
          )}
        </div>
      )}
      <ul className="metrics-legend" aria-label={`${title} series`}>
        {series.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className="metrics-legend__item"
              aria-pressed={!hidden.has(s.id)}
              onClick={() => toggle(s.id)}
              data-testid="metrics-legend-item"
            >
              <svg width="24" height="12" aria-hidden="true">
                <line x1="0" y1="6" x2="24" y2="6" stroke={colour(i)} strokeWidth="3" strokeDasharray={dashed(s) ? '6 3' : undefined} />
              </svg>
              {s.label}
              {dashed(s) && !/console/i.test(s.label) ? ' (console)' : ''}
            </button>
          </li>
        ))}
        {thresholds.map((t) => (
          <li key={t.label} className="metrics-legend__static">
            <svg width="24" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="24" y2="6" stroke={theme.threshold} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {t.label}
          </li>
        ))}
      </ul>
    </Container>
  );
});
