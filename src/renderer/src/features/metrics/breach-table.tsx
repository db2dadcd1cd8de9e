/** An agent's SLO breaches in the range, newest first, each opening the logs of its period: where the investigation goes next. */
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import type { SloBreach } from '../../../../shared/metrics';
import { hrefFor } from '../../routing/use-hash-route';
import { logsQuery } from '../logs/logs-route';
import { formatDateTime, formatValue } from './metrics-format';

const kindName: Record<SloBreach['kind'], string> = { errorRate: 'Error rate', p99: 'p99 latency' };
const unitOf = (kind: SloBreach['kind']) => (kind === 'errorRate' ? 'percent' : 'ms');
/** Per page: a flapping agent can breach every other period of a week. */
const PAGE_SIZE = 10;

export function BreachTable({
  breaches,
  agentKey,
  endpoint,
  endTime,
}: {
  breaches: readonly SloBreach[];
  agentKey: string;
  endpoint: string;
  endTime: number;
}) {
  const newestFirst = useMemo(() => [...breaches].sort((a, b) => b.startedAt - a.startedAt), [breaches]);
  const { items, paginationProps } = useCollection(newestFirst, { pagination: { pageSize: PAGE_SIZE } });
  if (breaches.length === 0) return null;
  return (
    <Table<SloBreach>
      pagination={
        <Pagination {...paginationProps} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />
      }
      data-testid="metrics-breaches"
      variant="container"
      header={
        <Header variant="h2" counter={`(${breaches.length})`}>
          SLO breaches
        </Header>
      }
      items={items}
      trackBy={(b) => `${b.kind}:${b.startedAt}`}
      columnDefinitions={[
        { id: 'kind', header: 'Threshold', cell: (b) => `${kindName[b.kind]} over ${formatValue(b.threshold, unitOf(b.kind))}` },
        { id: 'worst', header: 'Worst', cell: (b) => formatValue(b.worst, unitOf(b.kind)) },
        { id: 'started', header: 'Started', cell: (b) => formatDateTime(b.startedAt) },
        {
          id: 'ended',
          header: 'Ended',
          cell: (b) => (b.endedAt === undefined ? <StatusIndicator type="error">Ongoing</StatusIndicator> : formatDateTime(b.endedAt)),
        },
        {
          id: 'logs',
          header: 'Logs',
          cell: (b) => (
            <Link
              href={hrefFor(
                'logs',
                logsQuery({ agent: agentKey, endpoint, mode: 'history', range: { kind: 'absolute', from: b.startedAt, to: b.endedAt ?? endTime } }),
              )}
              ariaLabel={`Logs of the ${kindName[b.kind]} breach at ${formatDateTime(b.startedAt)}`}
            >
              Open logs
            </Link>
          ),
        },
      ]}
      empty={<Box color="text-body-secondary">No breach in this range</Box>}
    />
  );
}
