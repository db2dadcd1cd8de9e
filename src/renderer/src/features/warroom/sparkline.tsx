/**
 * A tile's p99 line over the board's window, with the SLO threshold dashed
 * across it. Plain SVG rather than recharts: 50 tiles redraw every 5 s, and a
 * polyline of 30 points needs no axes, tooltips or layout measurement.
 */
import { memo } from 'react';
import { formatValue } from '../metrics/metrics-format';

const WIDTH = 520;
const HEIGHT = 56;
const PAD = 3;

export interface SparklineProps {
  points: ReadonlyArray<number | null>;
  threshold: number;
  label: string;
}

/**
 * The line through the minutes that had invocations (a quiet minute has no p99, and drawing it as zero would
 * read as "fast"), with a dot on each so a sparse agent's few minutes still show.
 */
export function sparklinePoints(points: ReadonlyArray<number | null>, top: number): Array<[number, number]> {
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const out: Array<[number, number]> = [];
  points.forEach((v, i) => {
    if (v !== null) out.push([PAD + i * step, HEIGHT - PAD - (Math.min(v, top) / top) * (HEIGHT - 2 * PAD)]);
  });
  return out;
}

export const Sparkline = memo(function Sparkline({ points, threshold, label }: SparklineProps) {
  const values = points.filter((v): v is number => v !== null);
  const max = values.length ? Math.max(...values) : 0;
  const top = Math.max(max, threshold) * 1.1 || 1;
  const thresholdY = HEIGHT - PAD - (threshold / top) * (HEIGHT - 2 * PAD);
  const xy = sparklinePoints(points, top);
  const lineClass = max > threshold ? 'board-spark__line board-spark__line--over' : 'board-spark__line';
  const latest = [...points].reverse().find((v) => v !== null) ?? null;
  const summary = values.length
    ? `${label}: latest ${formatValue(latest, 'ms')}, highest ${formatValue(max, 'ms')}, SLO ${formatValue(threshold, 'ms')}`
    : `${label}: no invocations in the window`;
  return (
    <svg className="board-spark" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
      <line className="board-spark__slo" x1={0} x2={WIDTH} y1={thresholdY} y2={thresholdY} />
      {xy.length > 1 && <polyline className={lineClass} points={xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />}
      {xy.map(([x, y]) => (
        <circle key={x} className={`${lineClass} board-spark__dot`} cx={x} cy={y} r={2.5} />
      ))}
    </svg>
  );
});
