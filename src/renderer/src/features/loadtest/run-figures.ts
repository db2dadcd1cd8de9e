/**
 * A run's figures as the charts and tiles read them: ticks → chart series
 * (the metrics page's Series, so its charts draw them), the totals of a set
 * of ticks, and the words for error classes and statuses.
 */
import type { AcceptanceRow, ErrorClass, LoadRunSummary, LoadTick, RunStatus, Scenario, StageResult } from '../../../../shared/loadtest';
import { errorClasses } from '../../../../shared/loadtest';
import type { Series } from '../../../../shared/metrics';
import { formatValue } from '../metrics/metrics-format';

export const errorClassLabels: Record<ErrorClass, string> = {
  throttled: 'Throttled (429)',
  dependency: 'Agent dependency failed (424)',
  server: 'Server error (5xx)',
  timeout: 'Timed out',
  client: 'Client error (4xx)',
  network: 'Network error',
};

export const statusLabels: Record<RunStatus, { text: string; type: 'in-progress' | 'success' | 'stopped' | 'error' | 'warning' }> = {
  running: { text: 'Running', type: 'in-progress' },
  completed: { text: 'Completed', type: 'success' },
  stopped: { text: 'Stopped', type: 'stopped' },
  failed: { text: 'Failed', type: 'error' },
  interrupted: { text: 'Interrupted', type: 'warning' },
};

export const verdictLabels: Record<LoadRunSummary['verdict'], { text: string; type: 'success' | 'error' | 'info' }> = {
  pass: { text: 'Pass', type: 'success' },
  fail: { text: 'Fail', type: 'error' },
  none: { text: 'No acceptance table', type: 'info' },
};

const series = (id: string, label: string, unit: Series['unit'], ticks: readonly LoadTick[], value: (tick: LoadTick) => number | null): Series => ({
  id,
  label,
  unit,
  source: 'console',
  points: ticks.map((tick) => [tick.t, value(tick)]),
});

const failed = (tick: LoadTick): number => tick.requests - tick.succeeded;

/** Each tick is one second, so a tick's request count is its requests per second. */
export function throughputSeries(ticks: readonly LoadTick[]): Series[] {
  return [
    series('rps', 'Requests/s', 'count', ticks, (t) => t.requests),
    series('failed', 'Failed/s', 'count', ticks, failed),
    series('throttled', 'Throttled/s', 'count', ticks, (t) => t.errors.throttled ?? 0),
  ];
}

export const successSeries = (ticks: readonly LoadTick[]): Series[] => [
  series('success', 'Success rate', 'percent', ticks, (t) => (t.requests === 0 ? null : (t.succeeded / t.requests) * 100)),
];

export const latencySeries = (ticks: readonly LoadTick[]): Series[] => [
  series('p50', 'p50', 'ms', ticks, (t) => t.p50Ms),
  series('p90', 'p90', 'ms', ticks, (t) => t.p90Ms),
  series('p99', 'p99', 'ms', ticks, (t) => t.p99Ms),
];

export const usersSeries = (ticks: readonly LoadTick[]): Series[] => [series('users', 'Active users', 'count', ticks, (t) => t.activeUsers)];

export interface TickTotals {
  requests: number;
  succeeded: number;
  errors: Array<{ errorClass: ErrorClass; count: number }>;
}

const byCount = (errors: ReadonlyMap<ErrorClass, number>): TickTotals['errors'] =>
  [...errors]
    .filter(([, count]) => count > 0)
    .map(([errorClass, count]) => ({ errorClass, count }))
    .sort((a, b) => b.count - a.count);

function addErrors(sum: Map<ErrorClass, number>, errors: Partial<Record<ErrorClass, number>>): void {
  for (const c of errorClasses) if (errors[c]) sum.set(c, (sum.get(c) ?? 0) + (errors[c] ?? 0));
}

/** A stored run's errors by class: its stages hold the totals (an imported run has no ticks). */
export function stageErrorTotals(stages: readonly StageResult[]): TickTotals['errors'] {
  const sum = new Map<ErrorClass, number>();
  for (const stage of stages) addErrors(sum, stage.errors);
  return byCount(sum);
}

export function tickTotals(ticks: readonly LoadTick[]): TickTotals {
  let requests = 0;
  let succeeded = 0;
  const errors = new Map<ErrorClass, number>();
  for (const tick of ticks) {
    requests += tick.requests;
    succeeded += tick.succeeded;
    addErrors(errors, tick.errors);
  }
  return { requests, succeeded, errors: byCount(errors) };
}

/** Success as a percentage, 0–100; null before any request. */
export function successPct(succeeded: number, requests: number): number | null {
  return requests === 0 ? null : (succeeded / requests) * 100;
}

/**
 * A share as shown beside a threshold: rounded down to one decimal, so 98.96 % reads 98.9 % and never
 * passes for the 99 % it missed (and a run that lost one request in 10,000 is not "100 %").
 */
export const formatShare = (pct: number | null | undefined): string =>
  pct === null || pct === undefined ? '–' : formatValue(Math.floor(pct * 10) / 10, 'percent');

/** Short names for table cells. */
export const errorClassShort: Record<ErrorClass, string> = {
  throttled: 'throttled',
  dependency: '424',
  server: '5xx',
  timeout: 'timeouts',
  client: '4xx',
  network: 'network',
};

/** The acceptance row a stage answers: main runs the rows as stages in order of users. */
export const stageRow = (scenario: Pick<Scenario, 'acceptance'>, stageIndex: number): AcceptanceRow | undefined =>
  [...scenario.acceptance].sort((a, b) => a.users - b.users)[stageIndex];
