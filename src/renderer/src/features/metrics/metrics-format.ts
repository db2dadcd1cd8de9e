/** How the metrics page writes figures: units, deltas against the previous period, and which direction is good. */
import type { Series, StatTile } from '../../../../shared/metrics';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatUsd(usd: number | null): string {
  if (usd === null) return '–';
  // Cents hide small per-agent figures (a quiet agent costs fractions of a cent a day).
  const digits = usd !== 0 && Math.abs(usd) < 1 ? 4 : 2;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits })}`;
}

export function formatValue(value: number | null | undefined, unit: Series['unit']): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ms':
      return value >= 10_000 ? `${compact.format(value / 1000)} s` : `${integer.format(value)} ms`;
    case 'percent':
      return `${compact.format(value)}%`;
    case 'usd':
      return formatUsd(value);
    case 'vcpu-hours':
      return `${precise.format(value)} vCPU-h`;
    case 'gb-hours':
      return `${precise.format(value)} GB-h`;
    default:
      return integer.format(value);
  }
}

/** Axis ticks: short enough for one line at projector size; the chart's title carries the unit of usage charts. */
export function formatTick(value: number, unit: Series['unit']): string {
  if (unit === 'ms') return value >= 1000 ? `${compact.format(value / 1000)} s` : `${integer.format(value)} ms`;
  if (unit === 'vcpu-hours' || unit === 'gb-hours') return precise.format(value);
  return formatValue(value, unit);
}

/** Tiles where a rise is bad (errors, latency, cost); invocations and sessions are neither good nor bad. */
const riseIsBad: Record<StatTile['id'], boolean | null> = {
  invocations: null,
  sessions: null,
  errorRate: true,
  p99: true,
  throttles: true,
  cost: true,
  coldStarts: true,
};

export interface Delta {
  text: string;
  direction: 'up' | 'down' | 'flat';
  tone: 'bad' | 'good' | 'neutral';
}

export function tileDelta(tile: StatTile): Delta | null {
  if (tile.now === null || tile.previous === null) return null;
  const diff = tile.now - tile.previous;
  const direction = Math.abs(diff) < 1e-9 ? 'flat' : diff > 0 ? 'up' : 'down';
  // A percentage of a percentage misleads; error rate moves in points.
  const text =
    tile.unit === 'percent'
      ? `${diff >= 0 ? '+' : '−'}${compact.format(Math.abs(diff))} pts`
      : tile.previous === 0
        ? direction === 'flat'
          ? '0%'
          : 'new'
        : `${diff >= 0 ? '+' : '−'}${compact.format(Math.abs((diff / tile.previous) * 100))}%`;
  const bad = riseIsBad[tile.id];
  const tone = direction === 'flat' || bad === null ? 'neutral' : (direction === 'up') === bad ? 'bad' : 'good';
  return { text, direction, tone };
}

// Built once: toLocaleString with options builds a new Intl.DateTimeFormat on every call, and tooltips format on every pointer move.
const withSeconds = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const formatDateTime = (ms: number): string => withSeconds.format(ms);
