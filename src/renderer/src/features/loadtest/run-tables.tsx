/** A run's acceptance verdict per row (the measured figure beside its limit) and its per-stage figures. */
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { AcceptanceResult, StageResult } from '../../../../shared/loadtest';
import { formatTick, formatValue } from '../metrics/metrics-format';
import { errorClassShort, formatShare, successPct } from './run-figures';

const ms = (value: number | null): string => formatValue(value, 'ms');

export function AcceptanceTable({ results }: { results: readonly AcceptanceResult[] }) {
  return (
    <Table<AcceptanceResult>
      data-testid="loadtest-acceptance"
      variant="container"
      header={
        <Header variant="h2" description="A row passes when at least its share of the stage’s requests succeeded within its latency limit.">
          Acceptance
        </Header>
      }
      items={[...results]}
      trackBy={(r) => `${r.stageIndex}:${r.row.users}:${r.row.latencyMs}:${r.row.successPct}`}
      columnDefinitions={[
        {
          id: 'verdict',
          header: 'Result',
          cell: (r) =>
            r.measuredPct === null ? (
              <StatusIndicator type="stopped">Not measured</StatusIndicator>
            ) : (
              <StatusIndicator type={r.pass ? 'success' : 'error'}>{r.pass ? 'Pass' : 'Fail'}</StatusIndicator>
            ),
        },
        { id: 'users', header: 'Virtual users', cell: (r) => r.row.users },
        { id: 'limit', header: 'Latency limit', cell: (r) => `< ${formatTick(r.row.latencyMs, 'ms')}` },
        {
          id: 'latency',
          header: 'Measured latency',
          cell: (r) => (
            <span className={r.measuredLatencyMs !== null && r.measuredLatencyMs > r.row.latencyMs ? 'loadtest-over' : undefined}>
              {ms(r.measuredLatencyMs)}{' '}
              <Box variant="small" color="text-body-secondary" display="inline">
                {r.row.successPct >= 100 ? 'max' : `p${formatValue(r.row.successPct, 'count')}`}
              </Box>
            </span>
          ),
        },
        { id: 'required', header: 'Required within limit', cell: (r) => `≥ ${formatValue(r.row.successPct, 'percent')}` },
        {
          id: 'measured',
          header: 'Measured within limit',
          cell: (r) => (
            <span className={r.measuredPct !== null && r.measuredPct < r.row.successPct ? 'loadtest-over' : undefined}>{formatShare(r.measuredPct)}</span>
          ),
        },
      ]}
      empty={
        <Box textAlign="center" color="text-body-secondary" padding="l">
          This run had no acceptance table. Add rows to a scenario to get a pass or fail per stage.
        </Box>
      }
    />
  );
}

function errorSummary(stage: StageResult): string {
  const parts = Object.entries(stage.errors)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([c, n]) => `${formatValue(n ?? 0, 'count')} ${errorClassShort[c as keyof typeof errorClassShort]}`);
  return parts.length > 0 ? parts.join(' · ') : 'None';
}

export function StageTable({ stages, title = 'Stages' }: { stages: readonly StageResult[]; title?: string }) {
  return (
    <Table<StageResult>
      data-testid="loadtest-stages"
      variant="container"
      header={
        <Header variant="h2" counter={`(${stages.length})`} description="Figures per stage; with an acceptance table, each row is a stage at its user count.">
          {title}
        </Header>
      }
      items={[...stages]}
      trackBy={(s) => String(s.index)}
      columnDefinitions={[
        { id: 'stage', header: 'Stage', cell: (s) => s.index + 1 },
        { id: 'users', header: 'Users', cell: (s) => s.users },
        { id: 'requests', header: 'Requests', cell: (s) => formatValue(s.requests, 'count') },
        { id: 'success', header: 'Succeeded', cell: (s) => formatShare(successPct(s.succeeded, s.requests)) },
        {
          id: 'rps',
          header: 'Req/s (planned)',
          cell: (s) => `${s.achievedRps.toFixed(1)}${s.scheduledRps !== null ? ` (${s.scheduledRps.toFixed(1)})` : ''}`,
        },
        { id: 'p50', header: 'p50', cell: (s) => ms(s.latencyMs.p50) },
        { id: 'p90', header: 'p90', cell: (s) => ms(s.latencyMs.p90) },
        { id: 'p99', header: 'p99', cell: (s) => ms(s.latencyMs.p99) },
        { id: 'cold', header: 'Cold starts', cell: (s) => s.coldStarts },
        { id: 'errors', header: 'Errors', cell: errorSummary },
      ]}
      empty={
        <Box textAlign="center" color="text-body-secondary" padding="l">
          No stage has finished yet.
        </Box>
      }
    />
  );
}
