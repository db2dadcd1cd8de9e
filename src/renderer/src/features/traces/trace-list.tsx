/** Traces as a table (an agent's recent ones, or one session's), each opening its waterfall; sortable, failed and slow ones easy to spot. */
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TextFilter from '@cloudscape-design/components/text-filter';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState, type ReactNode } from 'react';
import type { TraceSummary } from '../../../../shared/traces';
import { Identifier } from '../../components/identifier';
import { formatTimestamp } from '../../lib/relative-time';
import { hrefFor } from '../../routing/use-hash-route';
import { spanDuration } from './span-format';
import { tracesQuery } from './traces-route';

const PAGE_SIZE = 25;
const pageLabels = { nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n: number) => `Page ${n}` };

export function TraceList(props: {
  agentKey: string;
  traces: readonly TraceSummary[];
  loading: boolean;
  header: ReactNode;
  empty: string;
  showSession?: boolean;
}) {
  const [failedOnly, setFailedOnly] = useState(false);
  const shown = useMemo(() => (failedOnly ? props.traces.filter((t) => t.status === 'error') : [...props.traces]), [props.traces, failedOnly]);
  // The server's order (failed first, then slowest; a session's oldest first) stands until a column is sorted.
  const { items, collectionProps, paginationProps, filterProps, filteredItemsCount } = useCollection(shown, {
    sorting: {},
    pagination: { pageSize: PAGE_SIZE },
    filtering: {
      fields: ['name', 'traceId', 'sessionId', 'error'],
      empty: (
        <Box textAlign="center" color="text-body-secondary" padding="l">
          {failedOnly ? 'No failed trace in this window.' : props.empty}
        </Box>
      ),
      noMatch: (
        <Box textAlign="center" color="text-body-secondary" padding="l">
          No trace matches the filter.
        </Box>
      ),
    },
  });
  const columns: TableProps.ColumnDefinition<TraceSummary>[] = [
    {
      id: 'start',
      header: 'Started',
      sortingField: 'start',
      cell: (t) => (
        <Link href={hrefFor('traces', tracesQuery({ agent: props.agentKey, trace: t.traceId, at: t.start }))} data-testid="traces-open-trace">
          {formatTimestamp(t.start)}
        </Link>
      ),
    },
    { id: 'durationMs', header: 'Duration', sortingField: 'durationMs', cell: (t) => spanDuration(t.durationMs) },
    {
      id: 'status',
      header: 'Status',
      sortingComparator: (a, b) => Number(a.status === 'error') - Number(b.status === 'error'),
      cell: (t) =>
        t.status === 'error' ? (
          <StatusIndicator type="error">{t.error ?? (t.httpStatus ? `HTTP ${t.httpStatus}` : 'Error')}</StatusIndicator>
        ) : (
          <StatusIndicator type="success">{t.httpStatus ? `HTTP ${t.httpStatus}` : 'OK'}</StatusIndicator>
        ),
    },
    { id: 'name', header: 'Root span', cell: (t) => t.name },
    { id: 'trace', header: 'Trace id', cell: (t) => <Box variant="code">{t.traceId}</Box> },
  ];
  if (props.showSession)
    columns.push({
      id: 'session',
      header: 'Runtime session',
      cell: (t) =>
        t.sessionId ? (
          <Link href={hrefFor('traces', tracesQuery({ agent: props.agentKey, session: t.sessionId }))}>
            <Identifier kind="runtimeSession" value={t.sessionId} render={(shown) => (shown.length > 24 ? `${shown.slice(0, 24)}…` : shown)} />
          </Link>
        ) : (
          '–'
        ),
    });
  return (
    <Table<TraceSummary>
      data-testid="traces-list"
      header={props.header}
      {...collectionProps}
      items={items}
      trackBy="traceId"
      loading={props.loading}
      loadingText="Reading root spans from aws/spans"
      columnDefinitions={columns}
      filter={
        <SpaceBetween direction="horizontal" size="m" alignItems="center">
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find by span, trace id, session or error"
            filteringAriaLabel="Find a trace"
            countText={`${filteredItemsCount ?? 0} matches`}
          />
          <Toggle checked={failedOnly} onChange={(e) => setFailedOnly(e.detail.checked)}>
            Failed only
          </Toggle>
        </SpaceBetween>
      }
      pagination={<Pagination {...paginationProps} ariaLabels={pageLabels} />}
      variant="container"
    />
  );
}
