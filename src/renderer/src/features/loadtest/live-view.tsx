/**
 * A run while it runs: the live figures over `loadtest.live`, its charts as
 * the seconds arrive, the current stage's latency histogram, errors by class,
 * and Stop — which ends the run within a second and keeps what was measured
 * (the view then becomes the run's result).
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMemo } from 'react';
import type { LoadRun } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { useApiMutation } from '../../state/api-query';
import { formatValue } from '../metrics/metrics-format';
import { ErrorBreakdown } from './error-breakdown';
import { LatencyHistogram } from './latency-histogram';
import type { LiveRunState } from './live-run';
import { RunCharts } from './run-charts';
import { formatShare, successPct, tickTotals, stageRow } from './run-figures';
import { countText, RunTiles, type RunTile } from './run-tiles';

function stageCount(run: LoadRun): number {
  return Math.max(1, run.scenario.acceptance.length);
}

function liveTiles(run: LoadRun, live: LiveRunState): RunTile[] {
  const last = live.ticks[live.ticks.length - 1];
  const totals = tickTotals(live.ticks);
  const success = successPct(totals.succeeded, totals.requests);
  const stageIndex = last?.stageIndex ?? 0;
  const row = stageRow(run.scenario, stageIndex);
  return [
    { id: 'throughput', label: 'Throughput', value: last ? `${countText(last.requests)} req/s` : '–', detail: 'In the last second' },
    {
      id: 'success',
      label: 'Success rate',
      value: formatShare(success),
      detail: `${countText(totals.requests - totals.succeeded)} failed of ${countText(totals.requests)}`,
      tone: success !== null && success < (row?.successPct ?? 100) ? 'bad' : undefined,
    },
    {
      id: 'p99',
      label: 'p99 latency',
      value: formatValue(last?.p99Ms, 'ms'),
      detail: `p50 ${formatValue(last?.p50Ms, 'ms')} · p90 ${formatValue(last?.p90Ms, 'ms')}`,
    },
    {
      id: 'users',
      label: 'Active users',
      value: countText(last?.activeUsers ?? 0),
      detail: `Stage ${stageIndex + 1} of ${stageCount(run)}${row ? ` · target ${row.users}` : ` · target ${run.scenario.users}`}`,
    },
  ];
}

/** Share of the planned run done: by time for duration stops, by requests for count stops (ramp-up not counted). */
function runProgress(run: LoadRun, live: LiveRunState, requests: number): number {
  const stop = run.scenario.stop;
  const stages = stageCount(run);
  const done =
    stop.kind === 'duration'
      ? ((live.ticks[live.ticks.length - 1]?.t ?? run.summary.startedAt) - run.summary.startedAt) / (stop.seconds * 1000 * stages)
      : requests / (stop.count * stages);
  return Math.max(0, Math.min(99, Math.round(done * 100)));
}

export function LiveView({ run, live, streamError }: { run: LoadRun; live: LiveRunState; streamError: Error | null }) {
  const stop = useApiMutation('loadtest.stop');
  const tiles = useMemo(() => liveTiles(run, live), [run, live]);
  const totals = useMemo(() => tickTotals(live.ticks), [live.ticks]);
  const last = live.ticks[live.ticks.length - 1];
  const stageIndex = last?.stageIndex ?? 0;
  const stage = live.stages.find((s) => s.index === stageIndex) ?? live.stages[live.stages.length - 1];
  const stages = stageCount(run);
  const progress = runProgress(run, live, totals.requests);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`${run.summary.agentName} · endpoint ${run.summary.qualifier}`}
          info={<StatusIndicator type="in-progress">Running</StatusIndicator>}
          actions={
            <Button
              variant="primary"
              iconName="close"
              onClick={() => stop.mutate({ runId: run.summary.id })}
              loading={stop.isPending}
              disabled={live.done !== null}
              data-testid="loadtest-stop"
            >
              Stop run
            </Button>
          }
        >
          <span data-testid="page-loadtest">{run.summary.name}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {stop.error && (
          <Alert type="error" header="The run could not be stopped">
            <RedactedText text={stop.error.message} />
          </Alert>
        )}
        {streamError && (
          <Alert type="warning" header="Live figures stopped arriving">
            <RedactedText text={streamError.message} /> The run goes on in the console host; reload to follow it again.
          </Alert>
        )}
        <div data-testid="loadtest-live">
          <ProgressBar
            value={progress}
            label={`Stage ${stageIndex + 1} of ${stages}`}
            description={stage ? `${stage.users} virtual users · ${countText(stage.requests)} requests so far` : 'Starting the first stage'}
            ariaLabel="Run progress"
          />
        </div>
        <RunTiles tiles={tiles} />
        <RunCharts runId={run.summary.id} startedAt={run.summary.startedAt} ticks={live.ticks} limit={stageRow(run.scenario, stageIndex)} />
        <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
          <LatencyHistogram
            title={`Latency histogram, stage ${(stage?.index ?? stageIndex) + 1}`}
            buckets={stage?.histogram ?? []}
            limitMs={stageRow(run.scenario, stage?.index ?? stageIndex)?.latencyMs}
          />
          <ErrorBreakdown errors={totals.errors} samples={live.samples} requests={totals.requests} />
        </Grid>
      </SpaceBetween>
    </ContentLayout>
  );
}
