/**
 * A finished run: its verdict, pass/fail per acceptance row beside the limit,
 * per-stage figures, the charts again from the stored ticks, each stage's
 * histogram, errors by class, and its exports (JSON, CSV, Markdown, and the
 * scenario as an Artillery script).
 */
import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMemo, useState } from 'react';
import type { LoadRun } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { downloadText } from '../../lib/download';
import { formatTimestamp } from '../../lib/relative-time';
import { api } from '../../api';
import { hrefFor } from '../../routing/use-hash-route';
import { loadTestQuery } from './loadtest-route';
import { notifyError } from '../../state/notifications';
import { formatValue } from '../metrics/metrics-format';
import { ArtilleryExportModal } from './artillery-export';
import { ArtilleryImportButton } from './artillery-import';
import { DeleteRunModal } from './delete-run';
import { ErrorBreakdown } from './error-breakdown';
import { LatencyHistogram } from './latency-histogram';
import { RunCharts } from './run-charts';
import { formatShare, stageErrorTotals, statusLabels, successPct, verdictLabels, stageRow } from './run-figures';
import { AcceptanceTable, StageTable } from './run-tables';
import { countText, RunTiles, type RunTile } from './run-tiles';

function resultTiles(run: LoadRun): RunTile[] {
  const { summary, stages } = run;
  const durationMs = (summary.endedAt ?? summary.startedAt) - summary.startedAt;
  const success = successPct(summary.requests - summary.failed, summary.requests);
  const worstP99 = Math.max(...stages.map((s) => s.latencyMs.p99 ?? 0), 0);
  const passed = run.acceptance.filter((r) => r.pass).length;
  return [
    {
      id: 'requests',
      label: 'Requests',
      value: countText(summary.requests),
      detail: `${countText(summary.failed)} failed over ${formatValue(durationMs, 'ms')}`,
    },
    { id: 'success', label: 'Success rate', value: formatShare(success), tone: summary.failed > 0 ? 'bad' : undefined },
    {
      id: 'p99',
      label: 'Worst stage p99',
      value: stages.length > 0 ? formatValue(worstP99, 'ms') : '–',
      detail: `Over ${stages.length} stage${stages.length === 1 ? '' : 's'}`,
    },
    {
      id: 'acceptance',
      label: 'Acceptance rows passed',
      value: run.acceptance.length > 0 ? `${passed} of ${run.acceptance.length}` : '–',
      tone: passed < run.acceptance.length ? 'bad' : 'good',
    },
  ];
}

function exportRun(runId: string, format: 'json' | 'csv' | 'markdown'): void {
  api
    .call('loadtest.exportRun', { runId, format })
    .then((file) => downloadText(file.fileName, file.mimeType, file.content))
    .catch((error: unknown) => notifyError('Export run', error));
}

export function ResultView({ run }: { run: LoadRun }) {
  const { summary } = run;
  const [artillery, setArtillery] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [stageIndex, setStageIndex] = useState(0);
  const tiles = useMemo(() => resultTiles(run), [run]);
  const errors = useMemo(() => stageErrorTotals(run.stages), [run.stages]);
  const stage = run.stages.find((s) => s.index === stageIndex) ?? run.stages[0];
  const verdict = verdictLabels[summary.verdict];
  const status = statusLabels[summary.status];
  const stageOptions = run.stages.map((s) => ({ value: String(s.index), label: `Stage ${s.index + 1} · ${s.users} users` }));
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`${summary.agentName} · endpoint ${summary.qualifier} · ${formatTimestamp(summary.startedAt)}${summary.source === 'artillery' ? ' · imported from Artillery' : ''}`}
          info={
            <span data-testid="loadtest-verdict" data-verdict={summary.verdict}>
              {summary.verdict === 'none' ? (
                <Badge color="grey">{verdict.text}</Badge>
              ) : (
                <Badge color={summary.verdict === 'pass' ? 'green' : 'red'}>{verdict.text}</Badge>
              )}
            </span>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => setDeleting(true)}>Delete</Button>
              <Button
                href={hrefFor('loadtest', loadTestQuery({ kind: 'new', agent: null, from: summary.id }))}
                iconName="refresh"
                data-testid="loadtest-run-again"
              >
                Run again
              </Button>
              <ArtilleryImportButton scenario={run.scenario} disabledReason="" />
              <Button iconName="share" onClick={() => setArtillery(true)} data-testid="loadtest-artillery-export">
                Export to Artillery
              </Button>
              <ButtonDropdown
                items={[
                  { id: 'json', text: 'JSON', description: 'Everything: scenario, stages, ticks, samples' },
                  { id: 'csv', text: 'CSV', description: 'One row per stage' },
                  { id: 'markdown', text: 'Markdown', description: 'The acceptance and stage tables, for a ticket' },
                ]}
                onItemClick={(e) => exportRun(summary.id, e.detail.id as 'json' | 'csv' | 'markdown')}
                data-testid="loadtest-export"
              >
                Export
              </ButtonDropdown>
            </SpaceBetween>
          }
        >
          <span data-testid="page-loadtest">{summary.name}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <div data-testid="loadtest-result">
          <SpaceBetween direction="horizontal" size="l">
            <StatusIndicator type={status.type}>{status.text}</StatusIndicator>
            <Box color="text-body-secondary">{summary.endedAt ? `Ended ${formatTimestamp(summary.endedAt)}` : 'No end time recorded'}</Box>
          </SpaceBetween>
        </div>
        {run.partial && (
          <Alert type="warning" header="Partial results">
            <RedactedText text={run.partial} />
          </Alert>
        )}
        <RunTiles tiles={tiles} />
        <AcceptanceTable results={run.acceptance} />
        <StageTable stages={run.stages} />
        {run.ticks.length > 0 ? (
          <RunCharts runId={summary.id} startedAt={summary.startedAt} ticks={run.ticks} />
        ) : (
          <Alert type="info">This run has no per-second figures (an imported Artillery report keeps its totals per stage).</Alert>
        )}
        <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
          <LatencyHistogram
            title={stage ? `Latency histogram, stage ${stage.index + 1}` : 'Latency histogram'}
            buckets={stage?.histogram ?? []}
            limitMs={stageRow(run.scenario, stage?.index ?? 0)?.latencyMs}
            actions={
              stageOptions.length > 1 && (
                <Select
                  selectedOption={stageOptions.find((o) => o.value === String(stage?.index)) ?? null}
                  options={stageOptions}
                  onChange={(e) => setStageIndex(Number(e.detail.selectedOption.value))}
                  ariaLabel="Stage whose histogram to show"
                />
              )
            }
          />
          <ErrorBreakdown errors={errors} samples={run.errorSamples} requests={summary.requests} />
        </Grid>
      </SpaceBetween>
      {artillery && <ArtilleryExportModal scenario={run.scenario} onClose={() => setArtillery(false)} />}
      {deleting && <DeleteRunModal runs={[summary]} onClose={() => setDeleting(false)} />}
    </ContentLayout>
  );
}
