/**
 * A tile's p99 line over the board's window, with the SLO threshold dashed
 * across it. Plain SVG rather than recharts: 50 tiles redraw every 5 s, and a
 * polyline of 30 points needs no axes, tooltips or layout measurement.
 */
import { memo } from 'react';
import { formatValue } from '../metrics/metrics-format';

const WIDTH = 300;
const HEIGHT = 56;
const PAD = 3;

export interface SparklineProps {
  points: ReadonlyArray<number | null>;
  threshold: number;
  label: string;
}

/** Polyline segments: a minute without invocations breaks the line instead of drawing a fake zero. */
export function sparklinePaths(points: ReadonlyArray<number | null>, top: number): string[] {
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const y = (v: number) => HEIGHT - PAD - (Math.min(v, top) / top) * (HEIGHT - 2 * PAD);
  const paths: string[] = [];
  let current: string[] = [];
  points.forEach((v, i) => {
    if (v === null) {
      if (current.length) paths.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length ? 'L' : 'M'}${(PAD + i * step).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) paths.push(current.join(' '));
  // A lone point is a zero-length path: give it a visible dot's width.
  return paths.map((p) => (p.includes('L') ? p : `${p} h0.01`));
}

export const Sparkline = memo(function Sparkline({ points, threshold, label }: SparklineProps) {
  const values = points.filter((v): v is number => v !== null);
  const max = values.length ? Math.max(...values) : 0;
  const top = Math.max(max, threshold) * 1.1 || 1;
  const thresholdY = HEIGHT - PAD - (threshold / top) * (HEIGHT - 2 * PAD);
  const latest = [...points].reverse().find((v) => v !== null) ?? null;
  const summary = values.length
    ? `${label}: latest ${formatValue(latest, 'ms')}, highest ${formatValue(max, 'ms')}, SLO ${formatValue(threshold, 'ms')}`
    : `${label}: no invocations in the window`;
  return (
    <svg className="board-spark" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
      <line className="board-spark__slo" x1={0} x2={WIDTH} y1={thresholdY} y2={thresholdY} />
      {sparklinePaths(points, top).map((d, i) => (
        <path key={i} className={max > threshold ? 'board-spark__line board-spark__line--over' : 'board-spark__line'} d={d} />
      ))}
    </svg>
  );
});
