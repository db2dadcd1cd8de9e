/**
 * `#/loadtest?compare=a,b`: two runs side by side — their stages in one table
 * (p99 and throughput of each, and the change), and their p99 and throughput
 * charts in two columns on the same time scale, so a second in one lines up
 * with the same second of the other.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import type { LoadRun, StageResult } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { formatTimestamp } from '../../lib/relative-time';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { formatValue } from '../metrics/metrics-format';
import { loadTestQuery } from './loadtest-route';
import { RunCharts } from './run-charts';
import { verdictLabels } from './run-figures';

interface StagePair {
  index: number;
  a: StageResult | undefined;
  b: StageResult | undefined;
}

function change(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || a === 0) return '–';
  const pct = ((b - a) / a) * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(0)}%`;
}

const duration = (run: LoadRun): number => (run.summary.endedAt ?? run.ticks[run.ticks.length - 1]?.t ?? run.summary.startedAt) - run.summary.startedAt;

function CompareTable({ a, b }: { a: LoadRun; b: LoadRun }) {
  const count = Math.max(a.stages.length, b.stages.length);
  const pairs: StagePair[] = Array.from({ length: count }, (_, index) => ({
    index,
    a: a.stages.find((s) => s.index === index),
    b: b.stages.find((s) => s.index === index),
  }));
  const ms = (s: StageResult | undefined) => formatValue(s?.latencyMs.p99, 'ms');
  const rps = (s: StageResult | undefined) => (s ? s.achievedRps.toFixed(1) : '–');
  return (
    <Table<StagePair>
      data-testid="loadtest-compare-stages"
      variant="container"
      header={<Header variant="h2">Stages side by side</Header>}
      items={pairs}
      trackBy={(p) => String(p.index)}
      columnDefinitions={[
        { id: 'stage', header: 'Stage', cell: (p) => p.index + 1 },
        { id: 'users', header: 'Users (A / B)', cell: (p) => `${p.a?.users ?? '–'} / ${p.b?.users ?? '–'}` },
        { id: 'pa', header: 'p99 A', cell: (p) => ms(p.a) },
        { id: 'pb', header: 'p99 B', cell: (p) => ms(p.b) },
        { id: 'pd', header: 'p99 change', cell: (p) => change(p.a?.latencyMs.p99, p.b?.latencyMs.p99) },
        { id: 'ra', header: 'Req/s A', cell: (p) => rps(p.a) },
        { id: 'rb', header: 'Req/s B', cell: (p) => rps(p.b) },
        { id: 'rd', header: 'Req/s change', cell: (p) => change(p.a?.achievedRps, p.b?.achievedRps) },
        { id: 'fa', header: 'Failed A', cell: (p) => (p.a ? p.a.requests - p.a.succeeded : '–') },
        { id: 'fb', header: 'Failed B', cell: (p) => (p.b ? p.b.requests - p.b.succeeded : '–') },
      ]}
    />
  );
}

function RunColumn({ run, label, spanMs }: { run: LoadRun; label: string; spanMs: number }) {
  return (
    <SpaceBetween size="s">
      <Header variant="h2" description={`${run.summary.agentName} · ${formatTimestamp(run.summary.startedAt)} · ${verdictLabels[run.summary.verdict].text}`}>
        {label}:{' '}
        <Link href={hrefFor('loadtest', loadTestQuery({ kind: 'run', runId: run.summary.id }))} fontSize="heading-m">
          {run.summary.name}
        </Link>
      </Header>
      {run.ticks.length > 0 ? (
        <RunCharts runId={`compare-${label}`} startedAt={run.summary.startedAt} ticks={run.ticks} spanMs={spanMs} compact />
      ) : (
        <Box color="text-body-secondary">No per-second figures (an imported report).</Box>
      )}
    </SpaceBetween>
  );
}

export function RunCompare({ runIds }: { runIds: [string, string] }) {
  const a = useApiQuery('loadtest.run', { runId: runIds[0] });
  const b = useApiQuery('loadtest.run', { runId: runIds[1] });
  const error = a.error ?? b.error;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Run A on the left, run B on the right; changes are B against A."
          actions={<Button href={hrefFor('loadtest')}>All runs</Button>}
        >
          <span data-testid="page-loadtest">Compare runs</span>
        </Header>
      }
    >
      {error ? (
        <Alert type="error" header="A run could not be read">
          <RedactedText text={error.message} />
        </Alert>
      ) : !a.data || !b.data ? (
        <Spinner size="large" />
      ) : (
        <SpaceBetween size="l">
          <CompareTable a={a.data} b={b.data} />
          <Grid gridDefinition={[{ colspan: 6 }, { colspan: 6 }]}>
            <RunColumn run={a.data} label="A" spanMs={Math.max(duration(a.data), duration(b.data))} />
            <RunColumn run={b.data} label="B" spanMs={Math.max(duration(a.data), duration(b.data))} />
          </Grid>
        </SpaceBetween>
      )}
    </ContentLayout>
  );
}
