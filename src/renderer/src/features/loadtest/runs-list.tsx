/**
 * `#/loadtest`: the runs kept in the console, newest first — status, verdict,
 * requests and failures, agent — with a new scenario one click away, two runs
 * picked to compare side by side, and deletes confirmed first.
 */
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useState } from 'react';
import type { LoadRunSummary } from '../../../../shared/loadtest';
import { RedactedText } from '../../components/redacted-text';
import { formatTimestamp } from '../../lib/relative-time';
import { hrefFor } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { DeleteRunModal } from './delete-run';
import { loadTestQuery } from './loadtest-route';
import { statusLabels, verdictLabels } from './run-figures';
import { countText } from './run-tiles';

export function RunsList() {
  // Built here, not at module load: the page registry imports this module while the router is still loading.
  const newHref = hrefFor('loadtest', loadTestQuery({ kind: 'new', agent: null, from: null }));
  const runs = useApiQuery('loadtest.runs', { limit: 500 });
  const [selected, setSelected] = useState<LoadRunSummary[]>([]);
  const [deleting, setDeleting] = useState(false);
  const newest = [...(runs.data ?? [])].sort((a, b) => b.startedAt - a.startedAt);
  const { items, paginationProps, filterProps, filteredItemsCount } = useCollection(newest, {
    pagination: { pageSize: 25 },
    filtering: { fields: ['name', 'agentName', 'status', 'verdict'] },
  });
  const compareHref = selected.length === 2 ? hrefFor('loadtest', loadTestQuery({ kind: 'compare', runIds: [selected[0]!.id, selected[1]!.id] })) : undefined;
  return (
    <>
      <Table<LoadRunSummary>
        data-testid="loadtest-runs"
        variant="full-page"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Run selection',
          itemSelectionLabel: (_, run) => `Select ${run.name} of ${formatTimestamp(run.startedAt)}`,
          allItemsSelectionLabel: () => 'Select all runs',
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={runs.data ? `(${runs.data.length})` : undefined}
            description="Concurrent virtual users against an agent runtime, with live percentiles and a pass or fail per acceptance row. Pick two runs to compare them."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={selected.length === 0} onClick={() => setDeleting(true)} data-testid="loadtest-delete">
                  Delete
                </Button>
                <Button href={compareHref} disabled={!compareHref} disabledReason="Select exactly two runs" data-testid="loadtest-compare">
                  Compare
                </Button>
                <Button variant="primary" href={newHref} data-testid="loadtest-new">
                  New load test
                </Button>
              </SpaceBetween>
            }
          >
            <span data-testid="page-loadtest">Load test</span>
          </Header>
        }
        loading={runs.isPending}
        loadingText="Loading runs"
        items={items}
        trackBy="id"
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find by name, agent, status or verdict"
            filteringAriaLabel="Find a run"
            countText={`${filteredItemsCount ?? 0} matches`}
          />
        }
        pagination={
          <Pagination {...paginationProps} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Run',
            cell: (r) => (
              <Link href={hrefFor('loadtest', loadTestQuery({ kind: 'run', runId: r.id }))} data-testid="loadtest-open-run">
                {r.name}
              </Link>
            ),
          },
          { id: 'started', header: 'Started', cell: (r) => formatTimestamp(r.startedAt) },
          { id: 'status', header: 'Status', cell: (r) => <StatusIndicator type={statusLabels[r.status].type}>{statusLabels[r.status].text}</StatusIndicator> },
          {
            id: 'verdict',
            header: 'Verdict',
            cell: (r) => (r.verdict === 'none' ? '–' : <Badge color={r.verdict === 'pass' ? 'green' : 'red'}>{verdictLabels[r.verdict].text}</Badge>),
          },
          { id: 'requests', header: 'Requests', cell: (r) => countText(r.requests) },
          { id: 'failed', header: 'Failed', cell: (r) => countText(r.failed) },
          { id: 'agent', header: 'Agent', cell: (r) => `${r.agentName} · ${r.qualifier}` },
          { id: 'source', header: 'Source', cell: (r) => (r.source === 'artillery' ? 'Artillery report' : 'Console') },
        ]}
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            {runs.error ? (
              <Box color="text-status-error">
                Runs could not be read: <RedactedText text={runs.error.message} />
              </Box>
            ) : (
              <SpaceBetween size="s" alignItems="center">
                <Box variant="strong">No load test runs yet</Box>
                <Box color="text-body-secondary">Create a scenario — an agent, prompts, users and an acceptance table — and start it. Runs are kept here.</Box>
                <Button href={newHref}>New load test</Button>
              </SpaceBetween>
            )}
          </Box>
        }
      />
      {deleting && (
        <DeleteRunModal
          runs={selected}
          onClose={() => {
            setDeleting(false);
            setSelected([]);
          }}
        />
      )}
    </>
  );
}
