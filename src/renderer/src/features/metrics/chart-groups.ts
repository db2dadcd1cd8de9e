/**
 * Which series go on which chart. The contract names series by id, label and
 * unit only, so charts are chosen by what a series measures: traffic counts
 * together (invocations, errors, throttles), latency with the console's own
 * measurements, error rate alone (its SLO line), sessions, and resource usage
 * one chart per unit (vCPU-hours and GB-hours never share an axis). Anything
 * unrecognised still shows, on a chart of its unit.
 */
import type { Series, SloBreach } from '../../../../shared/metrics';
import type { Period } from './metric-chart';

export type ChartKind = 'coldStarts' | 'traffic' | 'errorRate' | 'latency' | 'sessions' | 'cpu' | 'memory' | 'cost' | 'other';

export interface ChartGroup {
  key: string;
  kind: ChartKind;
  title: string;
  series: Series[];
}

const titles: Record<ChartKind, string> = {
  traffic: 'Invocations, errors and throttles',
  errorRate: 'Error rate',
  latency: 'Latency',
  sessions: 'Sessions',
  coldStarts: 'Cold starts',
  cpu: 'CPU used (vCPU-hours)',
  memory: 'Memory used (GB-hours)',
  cost: 'Cost',
  other: 'Other',
};

export function kindOf(series: Series): ChartKind {
  if (series.unit === 'percent') return 'errorRate';
  if (series.unit === 'ms') return 'latency';
  if (series.unit === 'vcpu-hours') return 'cpu';
  if (series.unit === 'gb-hours') return 'memory';
  if (series.unit === 'usd') return 'cost';
  if (/session/i.test(series.id)) return 'sessions';
  if (/cold/i.test(series.id)) return 'coldStarts';
  if (/invocation|error|throttl/i.test(series.id)) return 'traffic';
  return 'other';
}

const order: ChartKind[] = ['traffic', 'errorRate', 'latency', 'sessions', 'coldStarts', 'cpu', 'memory', 'cost', 'other'];

export function chartGroups(series: readonly Series[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const s of series) {
    const kind = kindOf(s);
    // Unrecognised counts are still split by unit, so no axis mixes two units.
    const key = kind === 'other' ? `other-${s.unit}` : kind;
    const group = groups.get(key) ?? { key, kind, title: titles[kind], series: [] };
    group.series.push(s);
    groups.set(key, group);
  }
  // An unrecognised chart of one series is better named by that series than "Other".
  for (const group of groups.values()) if (group.kind === 'other' && group.series.length === 1) group.title = group.series[0]!.label;
  return [...groups.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Breaches of one kind as shaded periods; an open breach runs to the end of the range. */
export function breachPeriods(breaches: readonly SloBreach[], kind: SloBreach['kind'], endTime: number): Period[] {
  return breaches
    .filter((b) => b.kind === kind)
    .map((b) => ({ from: b.startedAt, to: b.endedAt ?? endTime, label: b.endedAt === undefined ? 'Breach (open)' : 'Breach' }));
}
